import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo.ts';
import { bearer, startTestApi, type TestApi } from '../testing/test-api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('productions');
});
afterAll(() => api.app.close());

const get = async (email: string, url: string) =>
  api.app.inject({ method: 'GET', url, headers: bearer(await api.signIn(email)) });
const names = async (email: string) =>
  ((await get(email, '/api/productions')).json() as { items: Array<{ id: string }> }).items
    .map((p) => p.id)
    .sort();

describe('who sees which production', () => {
  it('shows each person only the productions they belong to; an admin sees the whole organisation', async () => {
    expect(await names('ayu@gema.test')).toEqual([DEMO.concertId, DEMO.launchId].sort());
    expect(await names('rina@gema.test')).toEqual([DEMO.concertId, DEMO.launchId].sort());
    expect(await names('hendra@suaraprima.test')).toEqual([DEMO.concertId]);
    expect(await names('maya@sinarcahaya.test')).toEqual([DEMO.concertId]);
    expect(await names('eko@gema.test')).toEqual([DEMO.concertId]);
  });

  it('answers 404 (not 403) for a production the person does not belong to', async () => {
    const response = await get('hendra@suaraprima.test', `/api/productions/${DEMO.launchId}`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("shows the production with the viewer's own roles, times in UTC and Jakarta as its zone", async () => {
    const response = await get('maya@sinarcahaya.test', `/api/productions/${DEMO.concertId}`);
    expect(response.json()).toMatchObject({
      name: 'Senandung Senja — Konser Outdoor Jakarta 2027',
      timeZone: 'Asia/Jakarta',
      currency: 'IDR',
      startsAt: '2027-03-14T09:00:00.000Z',
      myRoles: ['client'],
    });
  });

  it('keeps the team list from clients and vendors (403) but shows it to crew', async () => {
    expect(
      (await get('maya@sinarcahaya.test', `/api/productions/${DEMO.concertId}/members`)).statusCode,
    ).toBe(403);
    expect(
      (await get('hendra@suaraprima.test', `/api/productions/${DEMO.concertId}/members`)).statusCode,
    ).toBe(403);
    const team = await get('eko@gema.test', `/api/productions/${DEMO.concertId}/members`);
    expect(team.statusCode).toBe(200);
    expect(team.json().items).toContainEqual(
      expect.objectContaining({ name: 'Eko Prasetyo', role: 'crew', department: 'sound' }),
    );
  });

  it('pages the list with a cursor', async () => {
    const first = (await get('ayu@gema.test', '/api/productions?limit=1')).json();
    expect(first.items).toHaveLength(1);
    const second = (await get('ayu@gema.test', `/api/productions?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(second.nextCursor).toBeUndefined();
    expect((await get('ayu@gema.test', '/api/productions?cursor=garbage')).json()).toMatchObject({
      statusCode: 400,
      field: 'querystring.cursor',
    });
  });
});

describe('changing a production', () => {
  const newProduction = {
    name: 'Gala Dinner Bank Sentosa',
    kind: 'corporate_show',
    venue: { name: 'Jakarta Convention Center', city: 'Jakarta' },
    startsAt: '2027-06-01T18:00:00+07:00',
    endsAt: '2027-06-01T22:00:00+07:00',
  };

  it('lets a manager create one and become its production manager', async () => {
    const before = await api.eventCount();
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/productions',
      headers: bearer(await api.signIn('ayu@gema.test')),
      payload: newProduction,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name: newProduction.name,
      status: 'planning',
      version: 2,
      myRoles: ['production_manager'],
    });
    expect(await api.eventCount()).toBe(before + 2);
  });

  it('refuses creation to crew, clients and vendors (403) and writes nothing', async () => {
    const before = await api.eventCount();
    for (const email of ['eko@gema.test', 'maya@sinarcahaya.test', 'hendra@suaraprima.test']) {
      const response = await api.app.inject({
        method: 'POST',
        url: '/api/productions',
        headers: bearer(await api.signIn(email)),
        payload: newProduction,
      });
      expect(response.statusCode).toBe(403);
    }
    expect(await api.eventCount()).toBe(before);
  });

  it('applies a change at the current version, and refuses a stale one with 409 and the current version', async () => {
    const token = await api.signIn('ayu@gema.test');
    const current = (await get('ayu@gema.test', `/api/productions/${DEMO.launchId}`)).json();
    const changed = await api.app.inject({
      method: 'PATCH',
      url: `/api/productions/${DEMO.launchId}`,
      headers: bearer(token),
      payload: { expectedVersion: current.version, name: 'Peluncuran Nusantara X — Malam Puncak' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      name: 'Peluncuran Nusantara X — Malam Puncak',
      version: current.version + 1,
    });

    const before = await api.eventCount();
    const stale = await api.app.inject({
      method: 'PATCH',
      url: `/api/productions/${DEMO.launchId}`,
      headers: bearer(token),
      payload: { expectedVersion: current.version, name: 'Someone else was faster' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION', current: { version: current.version + 1 } });
    expect(await api.eventCount()).toBe(before);
  });

  it('refuses a change by a role that may not make it (403) and an illegal schedule (400 naming the field)', async () => {
    const version = (await get('ayu@gema.test', `/api/productions/${DEMO.concertId}`)).json().version;
    const before = await api.eventCount();
    const crew = await api.app.inject({
      method: 'PATCH',
      url: `/api/productions/${DEMO.concertId}`,
      headers: bearer(await api.signIn('eko@gema.test')),
      payload: { expectedVersion: version, name: 'Crew renames it' },
    });
    expect(crew.statusCode).toBe(403);
    const backwards = await api.app.inject({
      method: 'PATCH',
      url: `/api/productions/${DEMO.concertId}`,
      headers: bearer(await api.signIn('ayu@gema.test')),
      payload: { expectedVersion: version, endsAt: '2027-03-13T10:00:00+07:00' },
    });
    expect(backwards.json()).toMatchObject({ statusCode: 400, field: 'endsAt' });
    expect(await api.eventCount()).toBe(before);
  });

  it('adds and removes a member through the same rules', async () => {
    const token = await api.signIn('ayu@gema.test');
    const version = (await get('ayu@gema.test', `/api/productions/${DEMO.launchId}`)).json().version;
    const added = await api.app.inject({
      method: 'POST',
      url: `/api/productions/${DEMO.launchId}/members`,
      headers: bearer(token),
      payload: { expectedVersion: version, personId: DEMO.people.video, role: 'crew', department: 'video' },
    });
    expect(added.statusCode).toBe(201);
    expect(await names('sari@gema.test')).toContain(DEMO.launchId);
    const removed = await api.app.inject({
      method: 'DELETE',
      url: `/api/productions/${DEMO.launchId}/members/${DEMO.people.video}?role=crew&expectedVersion=${added.json().version}`,
      headers: bearer(token),
    });
    expect(removed.statusCode).toBe(200);
    expect(await names('sari@gema.test')).not.toContain(DEMO.launchId);
  });
});
