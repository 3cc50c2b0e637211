import type { CheckinDay, VendorArrivalRecorded } from '@panggung/contracts';
import { DAY_MS, jakartaDay, jakartaDayStart } from '@panggung/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveSocket } from '../testing/live-socket.ts';
import { bearer, DEMO, startTestApi, type TestApi } from '../testing/test-api.ts';

/**
 * Crew check-in through the API, against calls scheduled today (WIB) around the real clock: Eko's call
 * has passed, Fajar's is still ahead.
 */
let api: TestApi;
let base: string;
let live: LiveSocket | undefined;
const url = `/api/productions/${DEMO.concertId}/checkin`;
const today = jakartaDay(Date.now());

const call = async (email: string, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) =>
  api.app.inject({
    method,
    url: path,
    headers: bearer(await api.signIn(email)),
    ...(payload ? { payload } : {}),
  });
const written = async () => (await api.app.store.readStream(`checkin-${DEMO.concertId}`)).length;
const entry = (day: CheckinDay, personId: string) => day.entries.find((e) => e.personId === personId);

/** Calls inside today's Jakarta day: one already passed, one still ahead (halfway to the day's edge). */
function callTimes(): { passed: string; ahead: string } {
  const now = Date.now();
  const start = jakartaDayStart(now);
  const end = start + DAY_MS;
  const passed = now - start < 2 * 3_600_000 ? start + (now - start) / 2 : now - 3_600_000;
  const ahead = end - now < 2 * 3_600_000 ? now + (end - now) / 2 : now + 3_600_000;
  return {
    passed: new Date(Math.floor(passed)).toISOString(),
    ahead: new Date(Math.floor(ahead)).toISOString(),
  };
}

beforeAll(async () => {
  api = await startTestApi('checkin');
  base = await api.app.listen({ host: '127.0.0.1', port: 0 });
  const { passed, ahead } = callTimes();
  for (const [personId, callAt, department] of [
    [DEMO.people.sound, passed, 'sound'],
    [DEMO.people.lighting, ahead, 'lighting'],
  ] as const) {
    const response = await call('ayu@gema.test', 'POST', `/api/productions/${DEMO.concertId}/crew/shifts`, {
      personId,
      callAt,
      startsAt: callAt,
      endsAt: new Date(Date.parse(callAt) + 3_600_000).toISOString(),
      location: 'Lapangan Banteng',
      department,
    });
    expect(response.statusCode, response.body).toBe(201);
  }
});
afterAll(async () => {
  live?.close();
  await api?.app.close();
});

describe('crew check-in', () => {
  it('lists today’s calls: who is missing and who is not yet due; internal roles only', async () => {
    const day = (await call('dewi@gema.test', 'GET', url)).json() as CheckinDay;
    expect(day).toMatchObject({ productionId: DEMO.concertId, day: today, graceMinutes: 0, version: 0 });
    expect(day.vendors).toEqual([
      { vendorId: DEMO.lightingVendorId, name: 'CV Cahaya Panggung' },
      { vendorId: DEMO.soundVendorId, name: 'PT Suara Prima Audio' },
    ]);
    expect(day.entries.map((e) => [e.name, e.department, e.status])).toEqual([
      ['Eko Prasetyo', 'sound', 'missing'],
      ['Fajar Nugroho', 'lighting', 'not_yet_due'],
    ]);
    expect((await call('maya@sinarcahaya.test', 'GET', url)).statusCode).toBe(403);
    expect((await call('hendra@suaraprima.test', 'GET', url)).statusCode).toBe(403);
    expect((await call('eko@gema.test', 'GET', `/api/productions/${DEMO.launchId}/checkin`)).statusCode).toBe(
      404,
    );
    const other = (await call('dewi@gema.test', 'GET', `${url}?day=2027-03-14`)).json() as CheckinDay;
    expect(other).toMatchObject({ day: '2027-03-14', entries: [] });
    const bad = await call('dewi@gema.test', 'GET', `${url}?day=14-03-2027`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/day/);
  });

  it('checks in late and on time, live, and refuses what it must, changing nothing', async () => {
    live = LiveSocket.connect(base, await api.signIn('ayu@gema.test'));
    await live.opened;
    live.send({ type: 'subscribe', productionIds: [DEMO.concertId] });
    await live.waitFor((m) => m.type === 'subscribed');

    const before = await written();
    const forOther = await call('fajar@gema.test', 'POST', url, { personId: DEMO.people.sound });
    expect(forOther.json()).toMatchObject({
      statusCode: 403,
      message: expect.stringMatching(/someone else/),
    });
    expect((await call('dewi@gema.test', 'POST', url, {})).statusCode).toBe(403);
    const noCall = await call('sari@gema.test', 'POST', url, {});
    expect(noCall.json()).toMatchObject({ statusCode: 400, field: 'personId' });
    expect((await call('maya@sinarcahaya.test', 'POST', url, {})).statusCode).toBe(403);
    expect((await call('eko@gema.test', 'POST', url, { expectedVersion: 3 })).statusCode).toBe(409);
    expect(await written()).toBe(before);

    const eko = (await call('eko@gema.test', 'POST', url, { expectedVersion: 0 })).json() as CheckinDay;
    expect(entry(eko, DEMO.people.sound)).toMatchObject({
      status: 'late',
      checkedInBy: DEMO.people.sound,
      checkedInAt: expect.any(String),
    });
    const flagged = await live.waitFor((m) => m.type === 'event' && m.event.type === 'CrewCheckedIn');
    expect(flagged).toMatchObject({
      event: { data: { personId: DEMO.people.sound, day: today, late: true } },
    });
    const twice = await call('eko@gema.test', 'POST', url, {});
    expect(twice.json()).toMatchObject({
      statusCode: 409,
      message: expect.stringMatching(/Already checked in/),
    });

    const fajar = (
      await call('ayu@gema.test', 'POST', url, { personId: DEMO.people.lighting })
    ).json() as CheckinDay;
    expect(entry(fajar, DEMO.people.lighting)).toMatchObject({
      status: 'on_time',
      checkedInBy: DEMO.people.manager,
    });
    expect(fajar.version).toBe(2);
  });

  it('takes the production’s grace (managers only)', async () => {
    expect((await call('dewi@gema.test', 'PUT', `${url}/grace`, { graceMinutes: 240 })).statusCode).toBe(403);
    expect((await call('ayu@gema.test', 'PUT', `${url}/grace`, { graceMinutes: -1 })).statusCode).toBe(400);
    const graced = (
      await call('ayu@gema.test', 'PUT', `${url}/grace`, { graceMinutes: 240 })
    ).json() as CheckinDay;
    expect(graced.graceMinutes).toBe(240);
    expect(entry(graced, DEMO.people.sound)?.status).toBe('on_time');
  });
});

describe('vendor arrivals', () => {
  const vendorsUrl = `${url}/vendors`;

  it('refuses crew, clients, another vendor’s people, an unknown vendor and a stale version, writing nothing', async () => {
    const before = await written();
    const crew = await call('eko@gema.test', 'POST', vendorsUrl, { vendorId: DEMO.soundVendorId });
    expect(crew.json()).toMatchObject({
      statusCode: 403,
      message: expect.stringMatching(/vendor’s arrival/),
    });
    expect(
      (await call('maya@sinarcahaya.test', 'POST', vendorsUrl, { vendorId: DEMO.soundVendorId })).statusCode,
    ).toBe(403);
    expect(
      (await call('lina@cahayapanggung.test', 'POST', vendorsUrl, { vendorId: DEMO.soundVendorId }))
        .statusCode,
    ).toBe(403);
    // Gelombang Suara quoted for sound but holds no contract in the concert.
    const unknown = await call('ayu@gema.test', 'POST', vendorsUrl, { vendorId: DEMO.secondSoundVendorId });
    expect(unknown.json()).toMatchObject({
      statusCode: 404,
      field: 'vendorId',
      message: expect.stringContaining(DEMO.secondSoundVendorId),
    });
    const otherContract = await call('ayu@gema.test', 'POST', vendorsUrl, {
      vendorId: DEMO.lightingVendorId,
      contractId: DEMO.soundContractId,
    });
    expect(otherContract.json()).toMatchObject({ statusCode: 404, field: 'contractId' });
    const bad = await call('ayu@gema.test', 'POST', vendorsUrl, { vendorId: 'not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/vendorId/);
    const stale = await call('dewi@gema.test', 'POST', vendorsUrl, {
      vendorId: DEMO.soundVendorId,
      expectedVersion: before + 5,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (
        await call('hendra@suaraprima.test', 'POST', `/api/productions/${DEMO.launchId}/checkin/vendors`, {
          vendorId: DEMO.soundVendorId,
        })
      ).statusCode,
    ).toBe(404);
    expect(await written()).toBe(before);
  });

  it('records the show caller’s and a vendor’s own arrival once a day, shown on the day’s list', async () => {
    const before = await written();
    const lighting = await call('dewi@gema.test', 'POST', vendorsUrl, {
      vendorId: DEMO.lightingVendorId,
      note: 'Truk di gerbang B',
      expectedVersion: before,
    });
    expect(lighting.statusCode, lighting.body).toBe(201);
    expect(lighting.json()).toMatchObject({
      productionId: DEMO.concertId,
      day: today,
      version: before + 1,
      vendor: {
        vendorId: DEMO.lightingVendorId,
        name: 'CV Cahaya Panggung',
        by: DEMO.people.showCaller,
        note: 'Truk di gerbang B',
        arrivedAt: expect.any(String),
      },
    });

    const own = await call('hendra@suaraprima.test', 'POST', vendorsUrl, {
      vendorId: DEMO.soundVendorId,
      contractId: DEMO.soundContractId,
    });
    expect(own.statusCode, own.body).toBe(201);
    expect((own.json() as VendorArrivalRecorded).vendor).toMatchObject({ by: DEMO.people.soundVendor });
    const stored = await api.app.store.readStream(`checkin-${DEMO.concertId}`);
    expect(stored.at(-1)).toMatchObject({
      type: 'VendorArrived',
      data: {
        productionId: DEMO.concertId,
        vendorId: DEMO.soundVendorId,
        contractId: DEMO.soundContractId,
        day: today,
      },
    });

    const twice = await call('ayu@gema.test', 'POST', vendorsUrl, { vendorId: DEMO.soundVendorId });
    expect(twice.json()).toMatchObject({
      statusCode: 409,
      message: expect.stringMatching(/already arrived on/),
    });
    expect(await written()).toBe(before + 2);

    const day = (await call('ayu@gema.test', 'GET', url)).json() as CheckinDay;
    expect(day.vendors.map((v) => [v.name, v.by])).toEqual([
      ['CV Cahaya Panggung', DEMO.people.showCaller],
      ['PT Suara Prima Audio', DEMO.people.soundVendor],
    ]);
    const other = (await call('ayu@gema.test', 'GET', `${url}?day=2027-03-14`)).json() as CheckinDay;
    expect(other.vendors.every((v) => v.arrivedAt === undefined)).toBe(true);
  });
});
