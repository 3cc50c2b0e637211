import { LIVE_CLOSE } from '@panggung/contracts';
import { productionStream } from '@panggung/domain';
import { compareCheckpoints, parseCheckpoint } from '@panggung/event-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo.ts';
import { LiveSocket } from '../testing/live-socket.ts';
import { bearer, startTestApi, type TestApi } from '../testing/test-api.ts';

let api: TestApi;
let base: string;
const sockets: LiveSocket[] = [];

beforeAll(async () => {
  api = await startTestApi('live', { liveMaxBufferedBytes: 64 * 1024 });
  base = await api.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await api.app.close();
});

async function connect(email?: string, app = api, url = base): Promise<LiveSocket> {
  const socket = LiveSocket.connect(url, email ? await app.signIn(email) : undefined);
  sockets.push(socket);
  await socket.opened;
  return socket;
}

/** Renames the concert through the API, as the manager, and returns its new name. */
async function rename(name: string, app = api): Promise<void> {
  const headers = bearer(await app.signIn('ayu@gema.test'));
  const { version } = (
    await app.app.inject({ method: 'GET', url: `/api/productions/${DEMO.concertId}`, headers })
  ).json();
  const response = await app.app.inject({
    method: 'PATCH',
    url: `/api/productions/${DEMO.concertId}`,
    headers,
    payload: { expectedVersion: version, name },
  });
  expect(response.statusCode).toBe(200);
}

const isEvent = (name: string) => (m: { type: string; event?: { data?: unknown } }) =>
  m.type === 'event' && (m.event?.data as { changes?: { name?: string } })?.changes?.name === name;

describe('the live stream', () => {
  it('refuses an unauthenticated socket', async () => {
    const socket = await connect();
    expect(await socket.closed).toMatchObject({ code: LIVE_CLOSE.unauthenticated });
  });

  it('refuses a production the person does not belong to, and a malformed message', async () => {
    const vendor = await connect('hendra@suaraprima.test');
    vendor.send({ type: 'subscribe', productionIds: [DEMO.launchId] });
    expect(await vendor.closed).toMatchObject({ code: LIVE_CLOSE.forbidden });
    const garbled = await connect('ayu@gema.test');
    garbled.send('{"type":"subscribe","productionIds":"all"}');
    expect(await garbled.closed).toMatchObject({ code: LIVE_CLOSE.badMessage });
    expect(garbled.messages[0]).toMatchObject({ type: 'error', code: 'BAD_MESSAGE' });
  });

  it('sends what was missed from a checkpoint, then live events, each with its checkpoint', async () => {
    const socket = await connect('ayu@gema.test');
    socket.send({ type: 'subscribe', productionIds: [DEMO.concertId], after: '0:0' });
    const subscribed = await socket.waitFor((m) => m.type === 'subscribed');
    // The seeded history: created, then every member added.
    expect(socket.events()[0]).toMatchObject({
      type: 'ProductionCreated',
      productionId: DEMO.concertId,
      streamVersion: 1,
    });
    expect(socket.events().filter((e) => e.type === 'MemberAdded').length).toBeGreaterThanOrEqual(10);
    // Its position in the global order: at or past the last event it was sent (others' events count too).
    const at = parseCheckpoint((subscribed as { checkpoint: string }).checkpoint);
    expect(
      compareCheckpoints(at, parseCheckpoint(socket.events().at(-1)!.checkpoint)),
    ).toBeGreaterThanOrEqual(0);
    await rename('Senandung Senja — live 1');
    const live = await socket.waitFor(isEvent('Senandung Senja — live 1'));
    expect(live).toMatchObject({
      event: { type: 'ProductionDetailsUpdated', actor: `person:${DEMO.people.manager}` },
    });
  });

  it('resumes after a dropped socket with nothing missed and nothing twice', async () => {
    const first = await connect('eko@gema.test');
    first.send({ type: 'subscribe', productionIds: [DEMO.concertId] });
    await first.waitFor((m) => m.type === 'subscribed');
    await rename('resume A');
    await first.waitFor(isEvent('resume A'));
    const last = first.events().at(-1)!.checkpoint;
    first.socket.terminate(); // the network drops
    await rename('resume B');
    await rename('resume C');
    const second = await connect('eko@gema.test');
    second.send({ type: 'subscribe', productionIds: [DEMO.concertId], after: last });
    await second.waitFor(isEvent('resume C'));
    await rename('resume D');
    await second.waitFor(isEvent('resume D'));
    const names = second.events().map((e) => (e.data as { changes?: { name?: string } }).changes?.name);
    expect(names).toEqual(['resume B', 'resume C', 'resume D']);
  });

  it('shows a client only what is theirs: no team changes, but the production details', async () => {
    const client = await connect('maya@sinarcahaya.test');
    client.send({ type: 'subscribe', productionIds: [DEMO.concertId], after: '0:0' });
    await client.waitFor((m) => m.type === 'subscribed');
    const memberEvents = client.events().filter((e) => e.type === 'MemberAdded');
    expect(memberEvents.map((e) => (e.data as { personId: string }).personId)).toEqual([DEMO.people.client]);
    expect(client.events().some((e) => e.type === 'ProductionCreated')).toBe(true);
  });

  it('delivers events appended through a second API process on the same database', async () => {
    const other = await startTestApi('live_other', {}, api.config.databaseUrl);
    try {
      const socket = await connect('ayu@gema.test');
      socket.send({ type: 'subscribe', productionIds: [DEMO.concertId] });
      await socket.waitFor((m) => m.type === 'subscribed');
      await rename('via the other node', other);
      await socket.waitFor(isEvent('via the other node'));
    } finally {
      await other.app.close();
    }
  });

  it('stops streaming to a person the moment they are removed from the production', async () => {
    const manager = bearer(await api.signIn('ayu@gema.test'));
    const production = `/api/productions/${DEMO.launchId}`;
    const added = await api.app.inject({
      method: 'POST',
      url: `${production}/members`,
      headers: manager,
      payload: {
        expectedVersion: (await api.app.inject({ method: 'GET', url: production, headers: manager })).json()
          .version,
        personId: DEMO.people.stage,
        role: 'crew',
        department: 'stage',
      },
    });
    expect(added.statusCode).toBe(201);
    const crew = await connect('joko@gema.test');
    crew.send({ type: 'subscribe', productionIds: [DEMO.launchId] });
    await crew.waitFor((m) => m.type === 'subscribed');
    const removed = await api.app.inject({
      method: 'DELETE',
      url: `${production}/members/${DEMO.people.stage}?role=crew&expectedVersion=${added.json().version}`,
      headers: manager,
    });
    expect(removed.statusCode).toBe(200);
    expect(await crew.closed).toMatchObject({ code: LIVE_CLOSE.forbidden });
    expect(crew.events().map((e) => e.type)).toEqual(['MemberRemoved']);
  });

  it('drops a client that stops reading, with a reason, instead of buffering without bound', async () => {
    const slow = await connect('ayu@gema.test');
    slow.send({ type: 'subscribe', productionIds: [DEMO.concertId] });
    await slow.waitFor((m) => m.type === 'subscribed');
    // The client stops reading its socket: what the server sends piles up in the server's buffer.
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const big = 'x'.repeat(30_000);
    const stream = productionStream(DEMO.concertId);
    const closed = slow.closed;
    for (
      let i = 0;
      i < 200 && !(await Promise.race([closed.then(() => true), Promise.resolve(false)]));
      i++
    ) {
      await api.app.store.append(
        stream,
        'any',
        [{ type: 'ProductionNoteAdded', data: { productionId: DEMO.concertId, note: big } }],
        {
          metadata: { actor: 'test', productionId: DEMO.concertId },
        },
      );
    }
    (slow.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await closed).toMatchObject({
      code: LIVE_CLOSE.tooSlow,
      reason: expect.stringContaining('too slow'),
    });
  });
});
