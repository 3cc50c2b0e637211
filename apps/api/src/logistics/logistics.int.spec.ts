import type { Logistics } from '@panggung/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, DEMO, startTestApi, type TestApi } from '../testing/test-api.ts';

/** Logistics routes: venue, equipment, runs and windows, with the timeline conflict (crew shifts wired at merge). */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('logistics');
});
afterAll(() => api.app.close());

type Method = 'GET' | 'POST' | 'DELETE';
const call = async (email: string, method: Method, url: string, payload?: object) =>
  api.app.inject({ method, url, headers: bearer(await api.signIn(email)), ...(payload ? { payload } : {}) });
const base = `/api/productions/${DEMO.concertId}`;
const logistics = `${base}/logistics`;

describe('logistics', () => {
  it('records venue, equipment, a run and a load-in, and shows the conflicts', async () => {
    const venue = await call('ayu@gema.test', 'POST', `${logistics}/venue`, {
      location: 'GBK Madya',
      powerKva: 500,
      powerPhases: 3,
      capacity: 8000,
      loadingDock: 'Pintu 7, truk maks. 10 m',
    });
    expect(venue.statusCode, venue.body).toBe(200);
    const item = await call('ayu@gema.test', 'POST', `${logistics}/equipment`, {
      department: 'sound',
      name: 'Line array K2',
      quantity: 24,
      source: { kind: 'contract', contractId: DEMO.soundContractId },
    });
    expect(item.statusCode, item.body).toBe(201);
    const itemId = (item.json() as Logistics).equipment[0]!.itemId;
    const window = await call('ayu@gema.test', 'POST', `${logistics}/windows`, {
      kind: 'load_in',
      startsAt: '2027-03-19T08:00:00+07:00',
      endsAt: '2027-03-19T18:00:00+07:00',
    });
    expect(window.statusCode, window.body).toBe(201);
    const late = await call('ayu@gema.test', 'POST', `${logistics}/runs`, {
      from: 'Gudang Cibubur',
      to: 'GBK Madya',
      departsAt: '2027-03-19T07:00:00+07:00',
      arrivesAt: '2027-03-19T09:00:00+07:00',
      vehicle: 'Truk Fuso',
      driverId: DEMO.people.stage,
      cargo: [itemId],
    });
    expect(late.statusCode, late.body).toBe(201);
    await call('ayu@gema.test', 'POST', `${base}/timeline/tasks`, {
      title: 'Gladi bersih',
      kind: 'task',
      durationMinutes: 240,
      dueAt: '2027-03-19T15:00:00+07:00',
    });

    const view = (await call('eko@gema.test', 'GET', logistics)).json() as Logistics;
    expect(view.venue).toMatchObject({ location: 'GBK Madya', powerKva: 500 });
    expect(view.runs[0]).toMatchObject({ driverName: 'Joko Susilo', cargo: [itemId] });
    expect(view.conflicts.map((c) => c.kind).sort()).toEqual([
      'run_arrives_late',
      'task_in_load_window',
      'window_without_crew',
    ]);
    expect(view.conflicts.find((c) => c.kind === 'run_arrives_late')!.message).toMatch(
      /arrives 2027-03-19 09:00 WIB/,
    );

    const transport = async () =>
      (
        (await call('joko@gema.test', 'GET', '/api/me/notifications?limit=100')).json() as {
          items: { kind: string; payload: { runId?: string; excerpt?: string } }[];
        }
      ).items.filter((n) => n.kind.startsWith('transport.'));
    const runId = view.runs[0]!.runId;
    expect(await transport()).toEqual([
      expect.objectContaining({
        kind: 'transport.assigned',
        payload: expect.objectContaining({ runId, excerpt: 'Gudang Cibubur → GBK Madya (Truk Fuso)' }),
      }),
    ]);

    const carried = await call('ayu@gema.test', 'DELETE', `${logistics}/equipment/${itemId}`);
    expect(carried.json()).toMatchObject({ statusCode: 409, message: expect.stringMatching(/Truk Fuso/) });
    const cancelled = await call('ayu@gema.test', 'DELETE', `${logistics}/runs/${view.runs[0]!.runId}`);
    expect((cancelled.json() as Logistics).runs).toEqual([]);
    expect((await transport()).map((n) => [n.kind, n.payload.runId])).toEqual([
      ['transport.cancelled', runId],
      ['transport.assigned', runId],
    ]);
    const removed = await call('ayu@gema.test', 'DELETE', `${logistics}/equipment/${itemId}`);
    expect((removed.json() as Logistics).equipment).toEqual([]);
  });

  it('refuses bad input with 400 or 404 naming the field, overlaps with 409, others with 403/404, changing nothing', async () => {
    const before = await api.eventCount();
    const backwards = await call('ayu@gema.test', 'POST', `${logistics}/windows`, {
      kind: 'load_out',
      startsAt: '2027-03-20T23:00:00+07:00',
      endsAt: '2027-03-20T22:00:00+07:00',
    });
    expect(backwards.json()).toMatchObject({ statusCode: 400, field: 'endsAt' });
    const overlap = await call('ayu@gema.test', 'POST', `${logistics}/windows`, {
      kind: 'load_out',
      startsAt: '2027-03-19T17:00:00+07:00',
      endsAt: '2027-03-19T23:00:00+07:00',
    });
    expect(overlap.json()).toMatchObject({
      statusCode: 409,
      message: expect.stringMatching(/overlaps Load-in/),
    });
    const unknownContract = await call('ayu@gema.test', 'POST', `${logistics}/equipment`, {
      department: 'lighting',
      name: 'Moving head',
      quantity: 12,
      source: { kind: 'contract', contractId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownContract.json()).toMatchObject({ statusCode: 404, field: 'source.contractId' });
    // Rina is the organisation's admin but not in the concert's team: she cannot drive its runs.
    const outsider = await call('ayu@gema.test', 'POST', `${logistics}/runs`, {
      from: 'Gudang Cibubur',
      to: 'GBK Madya',
      departsAt: '2027-03-19T05:00:00+07:00',
      arrivesAt: '2027-03-19T06:00:00+07:00',
      vehicle: 'Truk Fuso',
      driverId: DEMO.people.admin,
      cargo: [],
    });
    expect(outsider.json()).toMatchObject({ statusCode: 404, field: 'driverId' });
    const zero = await call('ayu@gema.test', 'POST', `${logistics}/equipment`, {
      department: 'lighting',
      name: 'Moving head',
      quantity: 0,
      source: { kind: 'owned' },
    });
    expect(zero.statusCode).toBe(400);
    const crew = await call('eko@gema.test', 'POST', `${logistics}/venue`, { location: 'GBK' });
    expect(crew.statusCode).toBe(403);
    expect((await call('maya@sinarcahaya.test', 'GET', logistics)).statusCode).toBe(403);
    expect(
      (await call('eko@gema.test', 'GET', `/api/productions/${DEMO.launchId}/logistics`)).statusCode,
    ).toBe(404);
    expect(await api.eventCount()).toBe(before);
  });
});
