import type { LiveEvent, ShowCommandResult, ShowControlBody, ShowRun, ShowView } from '@panggung/contracts';
import { showStream } from '@panggung/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW } from '../seed/show.ts';
import { LiveSocket } from '../testing/live-socket.ts';
import { bearer, DEMO, startTestApi, type TestApi } from '../testing/test-api.ts';

let api: TestApi;
let base: string;
const sockets: LiveSocket[] = [];
const concert = DEMO.concertId;
const day = DEMO_SHOW.showDay;
const show = `/api/productions/${concert}/shows/${day}`;
const cue = DEMO_SHOW.cues;

beforeAll(async () => {
  api = await startTestApi('show');
  base = await api.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await api.app.close();
});

const headers = async (email: string) => bearer(await api.signIn(email));

async function follow(email: string, after: string): Promise<LiveSocket> {
  const socket = LiveSocket.connect(base, await api.signIn(email));
  sockets.push(socket);
  await socket.opened;
  socket.send({ type: 'subscribe', productionIds: [concert], after });
  await socket.waitFor((m) => m.type === 'subscribed');
  return socket;
}

let keys = 0;
/** A live command as the show caller (or `email`) sends it, with a fresh key unless one is given. */
async function command(
  body: Partial<ShowControlBody> & { type: ShowControlBody['type']; expectedCueId: string | null },
  email = 'dewi@gema.test',
) {
  keys += 1;
  return api.app.inject({
    method: 'POST',
    url: `${show}/commands`,
    headers: await headers(email),
    payload: { idempotencyKey: `test-${body.type}-${keys}`, ...body },
  });
}

const showEvents = (socket: LiveSocket): LiveEvent[] =>
  socket.events().filter((e) => e.streamId === showStream(concert, day));
const keyOf = (e: LiveEvent) => (e.data as { idempotencyKey?: string }).idempotencyKey;
const sawKey = (key: string) => (m: { type: string; event?: LiveEvent }) =>
  m.type === 'event' && m.event !== undefined && keyOf(m.event) === key;

describe('show day through the API and the live stream', () => {
  let manager: LiveSocket;
  let soundFirst: LiveSocket;
  let sound: LiveSocket;
  let client: LiveSocket;

  it('edits a rundown before the show: stale versions 409, a hard start out of order 400', async () => {
    const ayu = await headers('ayu@gema.test');
    const url = `/api/productions/${concert}/shows`;
    const created = await api.app.inject({
      method: 'POST',
      url,
      headers: ayu,
      payload: { showDay: '2027-03-15', showStart: '19:00' },
    });
    expect(created.statusCode).toBe(201);
    const rundown = `${url}/2027-03-15/rundown`;
    const segment = await api.app.inject({
      method: 'POST',
      url: `${rundown}/segments`,
      headers: ayu,
      payload: { expectedVersion: 1, title: 'Gladi resik' },
    });
    expect(segment.statusCode).toBe(201);
    const segmentId = segment.json().createdId as string;
    const cueBody = {
      segmentId,
      title: 'Cek suara',
      durationSeconds: 600,
      startKind: 'soft',
      notes: { sound: 'Semua mic' },
    };
    const added = await api.app.inject({
      method: 'POST',
      url: `${rundown}/cues`,
      headers: ayu,
      payload: { expectedVersion: 2, ...cueBody },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().rundown.cues).toMatchObject([{ title: 'Cek suara', notes: { sound: 'Semua mic' } }]);
    const stale = await api.app.inject({
      method: 'POST',
      url: `${rundown}/cues`,
      headers: ayu,
      payload: { expectedVersion: 2, ...cueBody },
    });
    expect(stale.statusCode).toBe(409);
    const early = await api.app.inject({
      method: 'POST',
      url: `${rundown}/cues`,
      headers: ayu,
      payload: { expectedVersion: 3, ...cueBody, startKind: 'hard', startsAt: '18:00' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ field: 'startsAt' });
    const removed = await api.app.inject({
      method: 'DELETE',
      url: `${rundown}/cues/${added.json().createdId}?expectedVersion=3`,
      headers: ayu,
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ version: 4, rundown: { cues: [] } });
    // Crew read the rundown; only managers edit it.
    const crew = await api.app.inject({
      method: 'POST',
      url: `${rundown}/segments`,
      headers: await headers('eko@gema.test'),
      payload: { expectedVersion: 4, title: 'x' },
    });
    expect(crew.statusCode).toBe(403);
  });

  it('refuses roles that may not: a vendor 403 on the show, crew 403 on GO, another department’s standby', async () => {
    const vendor = await api.app.inject({
      method: 'GET',
      url: `${show}/rundown`,
      headers: await headers('hendra@suaraprima.test'),
    });
    expect(vendor.statusCode).toBe(403);
    const start = await api.app.inject({
      method: 'POST',
      url: `${show}/start`,
      headers: await headers('maya@sinarcahaya.test'),
      payload: { idempotencyKey: 'client-start-1' },
    });
    expect(start.statusCode).toBe(403);
    const count = await api.eventCount();
    const unkeyed = await api.app.inject({
      method: 'POST',
      url: `${show}/commands`,
      headers: await headers('dewi@gema.test'),
      payload: { type: 'go', expectedCueId: null },
    });
    expect(unkeyed.statusCode).toBe(400);
    expect((await command({ type: 'go', expectedCueId: null }, 'eko@gema.test')).statusCode).toBe(403);
    expect(
      (
        await command(
          { type: 'acknowledge', expectedCueId: null, cueId: cue[0]!, department: 'lighting' },
          'eko@gema.test',
        )
      ).statusCode,
    ).toBe(403);
    expect(await api.eventCount()).toBe(count);
  });

  it('starts the show once, however often the start is sent', async () => {
    manager = await follow('ayu@gema.test', '0:0');
    sound = await follow('eko@gema.test', '0:0');
    soundFirst = sound;
    client = await follow('maya@sinarcahaya.test', '0:0');

    const dewi = await headers('dewi@gema.test');
    const start = () =>
      api.app.inject({
        method: 'POST',
        url: `${show}/start`,
        headers: dewi,
        payload: { idempotencyKey: 'start-2027-03-14' },
      });
    const first = await start();
    expect(first.statusCode).toBe(201);
    const count = await api.eventCount();
    const again = await start();
    expect(again.statusCode).toBe(201);
    expect(await api.eventCount()).toBe(count);
    const view = first.json() as ShowView;
    expect(view.run.cues).toHaveLength(12);
    expect(view.run.cues[0]).toMatchObject({
      title: 'Gerbang dibuka',
      plannedStart: '2027-03-14T09:00:00.000Z',
    });
    expect(view.timing.position).toMatchObject({ status: 'ready', currentCueId: null, nextCueId: cue[0] });
    // Edits stop once the show runs.
    const edit = await api.app.inject({
      method: 'POST',
      url: `${show}/rundown/segments`,
      headers: await headers('ayu@gema.test'),
      payload: { expectedVersion: 18, title: 'Terlambat' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'ILLEGAL_STATE', field: 'showDay' });
  });

  it('acts once on a resent command and refuses a late one with the current position', async () => {
    const standby = await command({ type: 'stand_by', expectedCueId: null });
    expect(standby.statusCode).toBe(200);
    expect(standby.json().position.standby).toMatchObject({ cueId: cue[0] });
    const ack = await api.app.inject({
      method: 'POST',
      url: `${show}/acknowledgements`,
      headers: await headers('eko@gema.test'),
      payload: {
        type: 'acknowledge',
        idempotencyKey: 'ack-sound-1',
        expectedCueId: null,
        cueId: cue[0],
        department: 'sound',
      },
    });
    expect(ack.statusCode).toBe(200);
    expect(ack.json().position.standby.acknowledged).toEqual(['sound']);

    const go = { type: 'go', idempotencyKey: 'go-first-cue', expectedCueId: null } as const;
    const first = await command(go);
    expect(first.statusCode).toBe(200);
    const result = first.json() as ShowCommandResult;
    expect(result).toMatchObject({ duplicate: false, position: { currentCueId: cue[0], nextCueId: cue[1] } });
    expect(result.events.map((e) => e.type)).toEqual(['CueStarted']);

    const count = await api.eventCount();
    const resent = await command(go);
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({
      duplicate: true,
      events: result.events,
      position: result.position,
    });
    expect(await api.eventCount()).toBe(count);

    // A second screen that still saw no cue live sends its own GO: refused, not applied to cue 2.
    const late = await command({ type: 'go', expectedCueId: null });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'SHOW_STALE',
      field: 'expectedCueId',
      current: { status: 'running', currentCueId: cue[0], nextCueId: cue[1] },
    });
    const stale = await command({ type: 'hold', expectedCueId: cue[0]!, expectedVersion: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'SHOW_STALE', current: { version: 4 } });
    expect(await api.eventCount()).toBe(count);
  });

  it('lets a screen that drops mid-show catch up from its checkpoint with every cue event', async () => {
    expect((await command({ type: 'go', expectedCueId: cue[0]! })).statusCode).toBe(200);
    await sound.waitFor(
      (m) =>
        m.type === 'event' &&
        m.event.type === 'CueStarted' &&
        (m.event.data as { cueId: string }).cueId === cue[1],
    );
    const last = sound.events().at(-1)!.checkpoint;
    const seenBefore = showEvents(sound).map((e) => e.id);
    sound.socket.terminate(); // the network drops

    expect((await command({ type: 'hold', expectedCueId: cue[1]! })).statusCode).toBe(200);
    expect((await command({ type: 'resume', expectedCueId: cue[1]! })).statusCode).toBe(200);
    expect(
      (await command({ type: 'insert_delay', expectedCueId: cue[1]!, beforeCueId: cue[2]!, seconds: 120 }))
        .statusCode,
    ).toBe(200);
    expect((await command({ type: 'skip', expectedCueId: cue[1]!, cueId: cue[3]! })).statusCode).toBe(200);
    expect((await command({ type: 'go', expectedCueId: cue[1]! })).statusCode).toBe(200);
    expect((await command({ type: 'adjust_time', expectedCueId: cue[2]!, seconds: 60 })).statusCode).toBe(
      200,
    );
    const back = await command({ type: 'back', expectedCueId: cue[2]! });
    expect(back.json().position).toMatchObject({ currentCueId: cue[1] });
    const lastKey = `test-back-${keys}`;

    sound = await follow('eko@gema.test', last);
    await sound.waitFor(sawKey(lastKey));
    await manager.waitFor(sawKey(lastKey));
    const all = showEvents(manager).map((e) => e.id);
    expect([...seenBefore, ...showEvents(sound).map((e) => e.id)]).toEqual(all);
    expect(showEvents(sound).map((e) => e.type)).toEqual([
      'ShowHeld',
      'ShowResumed',
      'DelayInserted',
      'CueSkipped',
      'CueStarted',
      'CueTimeAdjusted',
      'WentBack',
    ]);
  });

  it('sends a department only its notes and a client no notes and no standby, live and over HTTP', async () => {
    await client.waitFor(sawKey(`test-back-${keys}`));
    const frozen = (socket: LiveSocket) =>
      (socket.events().find((e) => e.type === 'ShowRunFrozen')!.data as { run: ShowRun }).run;
    const notes = (run: ShowRun) => run.cues.flatMap((c) => Object.keys(c.notes));
    expect(new Set(notes(frozen(manager)))).toEqual(new Set(['sound', 'lighting', 'video', 'stage']));
    // The sound crew's first socket saw the start: sound notes only, live and over HTTP.
    expect(new Set(notes(frozen(soundFirst)))).toEqual(new Set(['sound']));
    const soundHttp = (
      await api.app.inject({ method: 'GET', url: show, headers: await headers('eko@gema.test') })
    ).json() as ShowView;
    expect(new Set(notes(soundHttp.run))).toEqual(new Set(['sound']));
    expect(soundHttp.departments).toEqual(['sound']);
    expect(notes(frozen(client))).toEqual([]);
    expect(frozen(client).cues.map((c) => c.title)).toContain('Penampilan utama: Senja Kala');
    const types = client.events().map((e) => e.type);
    expect(types).toContain('CueStarted');
    expect(types).not.toContain('CueStoodBy');
    expect(types).not.toContain('StandbyAcknowledged');
    expect(showEvents(manager).map((e) => e.type)).toContain('StandbyAcknowledged');

    const clientHttp = await api.app.inject({
      method: 'GET',
      url: show,
      headers: await headers('maya@sinarcahaya.test'),
    });
    expect(clientHttp.statusCode).toBe(200);
    const view = clientHttp.json() as ShowView;
    expect(notes(view.run)).toEqual([]);
    expect(view.timing.position).toMatchObject({ currentCueId: cue[1], standby: null });
    expect(view.timing.cues.find((c) => c.cueId === cue[2])).toMatchObject({ delaySeconds: 120 });
    const rundown = await api.app.inject({
      method: 'GET',
      url: `${show}/rundown`,
      headers: await headers('maya@sinarcahaya.test'),
    });
    expect(rundown.json().rundown.cues.flatMap((c: { notes: object }) => Object.keys(c.notes))).toEqual([]);
  });

  it('tells the time: the server clock for screens to synchronise to', async () => {
    const sent = Date.now();
    const response = await api.app.inject({ method: 'GET', url: '/api/clock' });
    const received = Date.now();
    expect(response.statusCode).toBe(200);
    const { serverTimeMs, serverTime } = response.json() as { serverTimeMs: number; serverTime: string };
    expect(serverTimeMs).toBeGreaterThanOrEqual(sent);
    expect(serverTimeMs).toBeLessThanOrEqual(received);
    expect(Date.parse(serverTime)).toBe(serverTimeMs);
  });
});
