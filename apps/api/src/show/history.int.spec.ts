import type { ShowHistory, ShowRun } from '@panggung/contracts';
import { showStream } from '@panggung/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW } from '../seed/show.ts';
import { bearer, DEMO, startTestApi, type TestApi } from '../testing/test-api.ts';

let api: TestApi;
const concert = DEMO.concertId;
const day = DEMO_SHOW.showDay;
const show = `/api/productions/${concert}/shows/${day}`;
const cue = DEMO_SHOW.cues;

beforeAll(async () => {
  api = await startTestApi('show_history');
});
afterAll(async () => {
  await api.app.close();
});

const headers = async (email: string) => bearer(await api.signIn(email));
const post = async (url: string, payload: object, email = 'dewi@gema.test') =>
  api.app.inject({ method: 'POST', url, headers: await headers(email), payload });
const history = async (email: string, url = `${show}/history`) =>
  api.app.inject({ method: 'GET', url, headers: await headers(email) });

describe('a show day’s history for the replay', () => {
  it('is not there before the show started', async () => {
    const response = await history('ayu@gema.test');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ field: 'day' });
  });

  it('holds the show stream and the day’s incidents in commit order, filtered like the live stream', async () => {
    expect((await post(`${show}/start`, { idempotencyKey: 'history-start' })).statusCode).toBe(201);
    const go = { type: 'go', idempotencyKey: 'history-go-1', expectedCueId: null };
    expect((await post(`${show}/commands`, go)).statusCode).toBe(200);
    const incident = await post(
      `/api/productions/${concert}/incidents`,
      { severity: 'high', location: 'FOH', description: 'Feedback di monitor kiri' },
      'eko@gema.test',
    );
    expect(incident.statusCode).toBe(201);
    const standby = { type: 'stand_by', idempotencyKey: 'history-sb-1', expectedCueId: cue[0] };
    expect((await post(`${show}/commands`, standby)).statusCode).toBe(200);

    const manager = await history('ayu@gema.test');
    expect(manager.statusCode).toBe(200);
    const all = manager.json() as ShowHistory;
    expect(all).toMatchObject({ productionId: concert, showDay: day });
    expect(all.events.map((e) => e.type)).toEqual([
      'ShowRunFrozen',
      'CueStarted',
      'IncidentLogged',
      'CueStoodBy',
    ]);
    expect(all.events[0]?.streamId).toBe(showStream(concert, day));
    const recorded = all.events.map((e) => Date.parse(e.recordedAt));
    expect(recorded).toEqual([...recorded].sort((a, b) => a - b));
    const notesOf = (h: ShowHistory) => (h.events[0]?.data as { run: ShowRun }).run.cues[0]?.notes;
    expect(Object.keys(notesOf(all) ?? {}).sort()).toEqual(['sound', 'stage', 'video']);

    // The sound crew: their own notes only; the client: progress, no incidents, no standby.
    const sound = (await history('eko@gema.test')).json() as ShowHistory;
    expect(sound.events.map((e) => e.type)).toEqual(all.events.map((e) => e.type));
    expect(Object.keys(notesOf(sound) ?? {})).toEqual(['sound']);
    const client = await history('maya@sinarcahaya.test');
    expect(client.statusCode).toBe(200);
    expect((client.json() as ShowHistory).events.map((e) => e.type)).toEqual(['ShowRunFrozen', 'CueStarted']);
  });

  it('refuses a vendor (403), a production not theirs (404) and a bad day (400)', async () => {
    expect((await history('hendra@suaraprima.test')).statusCode).toBe(403);
    const launch = `/api/productions/${DEMO.launchId}/shows/${day}/history`;
    expect((await history('eko@gema.test', launch)).statusCode).toBe(404);
    const bad = await history('ayu@gema.test', `/api/productions/${concert}/shows/14-03-2027/history`);
    expect(bad.statusCode).toBe(400);
  });
});
