import { canSeeEvent } from '@panggung/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, DEMO, startTestApi, type TestApi } from '../testing/test-api.ts';

/** Technical preparation through the API: riders, checklists, the head's sign-off, rehearsal issues. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('technical');
});
afterAll(() => api.app.close());

const concert = `/api/productions/${DEMO.concertId}/technical`;
const call = async (email: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  api.app.inject({ method, url, headers: bearer(await api.signIn(email)), ...(payload ? { payload } : {}) });

interface Department {
  department: string;
  headId?: string;
  riders: Array<{ title: string; contractId?: string }>;
  items: Array<{ itemId: string; text: string; checked: boolean }>;
  signedOff?: { by: string };
}
const sound = (body: { departments: Department[] }) =>
  body.departments.find((d) => d.department === 'sound')!;

describe('technical preparation', () => {
  it('starts empty for the production team; clients and vendors are refused, non-members see nothing', async () => {
    const empty = await call('eko@gema.test', 'GET', concert);
    expect(empty.json()).toEqual({
      productionId: DEMO.concertId,
      departments: [],
      issues: [],
      readiness: { departmentsNotSignedOff: [], openChecklistItems: 0, openRehearsalIssues: 0 },
      version: 0,
    });
    expect((await call('hendra@suaraprima.test', 'GET', concert)).statusCode).toBe(403);
    expect((await call('maya@sinarcahaya.test', 'GET', concert)).statusCode).toBe(403);
    expect(
      (await call('eko@gema.test', 'GET', `/api/productions/${DEMO.launchId}/technical`)).statusCode,
    ).toBe(404);
  });

  it('makes Eko head of sound (managers only, crew of sound only)', async () => {
    const before = await api.eventCount();
    expect(
      (
        await call('eko@gema.test', 'POST', `${concert}/heads`, {
          department: 'sound',
          personId: DEMO.people.sound,
        })
      ).statusCode,
    ).toBe(403);
    const notSound = await call('ayu@gema.test', 'POST', `${concert}/heads`, {
      department: 'sound',
      personId: DEMO.people.lighting,
    });
    expect(notSound.json()).toMatchObject({ statusCode: 400, field: 'personId' });
    const stranger = await call('ayu@gema.test', 'POST', `${concert}/heads`, {
      department: 'sound',
      personId: '6a1f0c2e-0000-4000-8000-0000000000ff',
    });
    expect(stranger.json()).toMatchObject({ statusCode: 400, field: 'personId' });
    expect(
      (
        await call('ayu@gema.test', 'POST', `${concert}/heads`, {
          department: 'karaoke',
          personId: DEMO.people.sound,
        })
      ).json(),
    ).toMatchObject({ statusCode: 400, field: 'body.department' });
    expect(await api.eventCount()).toBe(before);
    const assigned = await call('ayu@gema.test', 'POST', `${concert}/heads`, {
      expectedVersion: 0,
      department: 'sound',
      personId: DEMO.people.sound,
    });
    expect(assigned.statusCode).toBe(200);
    expect(sound(assigned.json()).headId).toBe(DEMO.people.sound);
  });

  it('adds a rider linked to a contract and checklist items; other departments’ crew are refused', async () => {
    const contracts = (
      await call('ayu@gema.test', 'GET', `/api/productions/${DEMO.concertId}/contracts`)
    ).json().items as Array<{ id: string; category: string }>;
    const soundContract = contracts.find((c) => c.category === 'sound')!.id;
    const rider = await call('eko@gema.test', 'POST', `${concert}/riders`, {
      department: 'sound',
      title: 'FOH & monitor rider',
      requirements: 'DiGiCo SD12 di FOH, 8 mix monitor, 2 wireless SM58',
      vendorId: DEMO.soundVendorId,
      contractId: soundContract,
    });
    expect(rider.statusCode).toBe(201);
    expect(sound(rider.json()).riders).toEqual([
      expect.objectContaining({ title: 'FOH & monitor rider', contractId: soundContract }),
    ]);
    expect(
      (
        await call('eko@gema.test', 'POST', `${concert}/riders`, {
          department: 'sound',
          title: 'x',
          requirements: 'y',
          vendorId: DEMO.lightingVendorId,
          contractId: soundContract,
        })
      ).json(),
    ).toMatchObject({ statusCode: 400, field: 'vendorId' });
    expect(
      (await call('fajar@gema.test', 'POST', `${concert}/items`, { department: 'sound', text: 'Line check' }))
        .statusCode,
    ).toBe(403);
    for (const text of ['Line check 48 ch', 'Wireless frequency scan'])
      expect(
        (await call('ayu@gema.test', 'POST', `${concert}/items`, { department: 'sound', text })).statusCode,
      ).toBe(201);
    const body = (await call('eko@gema.test', 'GET', concert)).json();
    expect(sound(body).items.map((i) => i.text)).toEqual(['Line check 48 ch', 'Wireless frequency scan']);
    expect(body.readiness).toEqual({
      departmentsNotSignedOff: ['sound'],
      openChecklistItems: 2,
      openRehearsalIssues: 0,
    });
  });

  it('is signed off by the head only once every item is checked; a change after sign-off reopens it', async () => {
    const items = sound((await call('eko@gema.test', 'GET', concert)).json()).items;
    const [first, second] = items as [Department['items'][number], Department['items'][number]];
    expect(
      (await call('fajar@gema.test', 'PATCH', `${concert}/items/${first.itemId}`, { checked: true }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('ayu@gema.test', 'PATCH', `${concert}/items/${first.itemId}`, { checked: true }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('eko@gema.test', 'PATCH', `${concert}/items/${first.itemId}`, { checked: true }))
        .statusCode,
    ).toBe(200);
    const early = await call('eko@gema.test', 'POST', `${concert}/sign-offs`, { department: 'sound' });
    expect(early.json()).toMatchObject({
      statusCode: 409,
      code: 'ILLEGAL_STATE',
      message: expect.stringContaining('Wireless frequency scan'),
    });
    await call('eko@gema.test', 'PATCH', `${concert}/items/${second.itemId}`, { checked: true });
    // A crew member of another department, and a manager, cannot sign off sound.
    for (const email of ['fajar@gema.test', 'ayu@gema.test', 'dewi@gema.test'])
      expect(
        (await call(email, 'POST', `${concert}/sign-offs`, { department: 'sound' })).statusCode,
        email,
      ).toBe(403);
    const signed = await call('eko@gema.test', 'POST', `${concert}/sign-offs`, { department: 'sound' });
    expect(signed.statusCode).toBe(200);
    expect(sound(signed.json()).signedOff).toMatchObject({ by: DEMO.people.sound });
    expect(signed.json().readiness).toEqual({
      departmentsNotSignedOff: [],
      openChecklistItems: 0,
      openRehearsalIssues: 0,
    });

    const { version } = signed.json();
    const unchecked = await call('eko@gema.test', 'PATCH', `${concert}/items/${second.itemId}`, {
      expectedVersion: version,
      checked: false,
    });
    expect(sound(unchecked.json()).signedOff).toBeUndefined();
    expect(unchecked.json().readiness.departmentsNotSignedOff).toEqual(['sound']);
    const stale = await call('eko@gema.test', 'PATCH', `${concert}/items/${second.itemId}`, {
      expectedVersion: version,
      checked: true,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('records rehearsal issues and their fixes', async () => {
    const recorded = await call('dewi@gema.test', 'POST', `${concert}/issues`, {
      department: 'lighting',
      description: 'Moving head 7 tidak merespons DMX',
      severity: 'high',
    });
    expect(recorded.statusCode).toBe(201);
    const issue = recorded.json().issues[0];
    expect(issue).toMatchObject({
      department: 'lighting',
      severity: 'high',
      recordedBy: DEMO.people.showCaller,
    });
    expect(recorded.json().readiness.openRehearsalIssues).toBe(1);
    expect(
      (
        await call('hendra@suaraprima.test', 'POST', `${concert}/issues`, {
          department: 'sound',
          description: 'x',
          severity: 'low',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call('dewi@gema.test', 'POST', `${concert}/issues`, {
          department: 'sound',
          description: 'x',
          severity: 'urgent',
        })
      ).json(),
    ).toMatchObject({
      statusCode: 400,
      field: 'body.severity',
    });
    expect(
      (await call('eko@gema.test', 'POST', `${concert}/issues/${issue.issueId}/fix`, { note: 'x' }))
        .statusCode,
    ).toBe(403);
    const fixed = await call('fajar@gema.test', 'POST', `${concert}/issues/${issue.issueId}/fix`, {
      note: 'Kabel DMX diganti',
    });
    expect(fixed.json().issues[0].fix).toMatchObject({
      fixedBy: DEMO.people.lighting,
      note: 'Kabel DMX diganti',
    });
    expect(
      (await call('fajar@gema.test', 'POST', `${concert}/issues/${issue.issueId}/fix`, { note: 'lagi' }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await call('fajar@gema.test', 'POST', `${concert}/issues/6a1f0c2e-0000-4000-8000-0000000000ff/fix`, {
          note: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('keeps every technical event from vendors and clients on the live stream (the same rule as HTTP)', async () => {
    const events = await api.app.store.readStream(`technical-${DEMO.concertId}`, { limit: 1_000 });
    expect(events.length).toBeGreaterThan(5);
    const vendor = { personId: DEMO.people.soundVendor, partyId: DEMO.soundVendorId };
    for (const event of events) {
      expect(canSeeEvent(event, vendor, ['vendor']), event.type).toBe(false);
      expect(canSeeEvent(event, { personId: DEMO.people.client }, ['client']), event.type).toBe(false);
      expect(canSeeEvent(event, { personId: DEMO.people.sound }, ['crew']), event.type).toBe(true);
    }
  });
});
