import type { CallSheet, CrewSchedule, ShiftConflictBody } from '@panggung/contracts';
import ICAL from 'ical.js';
import { callSheetSupersededSignal, callSheetWorkflowId } from '@panggung/workflows';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, DEMO, startTestApi, type TestApi } from '../testing/test-api.ts';

/** Crew scheduling through the API: shifts and their conflicts, call sheets, acknowledgements, iCalendar. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('crew');
});
afterAll(() => api.app.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const call = async (email: string, method: Method, url: string, payload?: object) =>
  api.app.inject({ method, url, headers: bearer(await api.signIn(email)), ...(payload ? { payload } : {}) });
const concert = `/api/productions/${DEMO.concertId}`;
const launch = `/api/productions/${DEMO.launchId}`;
const { sound: eko, lighting: fajar } = DEMO.people;
const day = '2027-03-14';

const ekoShift = {
  personId: eko,
  startsAt: '2027-03-14T10:00:00+07:00',
  endsAt: '2027-03-14T20:00:00+07:00',
  callAt: '2027-03-14T09:00:00+07:00',
  location: 'Lapangan Banteng',
  department: 'sound',
  role: 'FOH engineer',
  key: true,
};
const fajarShift = {
  ...ekoShift,
  personId: fajar,
  department: 'lighting',
  role: 'Lighting designer',
  key: false,
};

async function feed(url: string) {
  const response = await api.app.inject({ method: 'GET', url: new URL(url).pathname });
  return response;
}
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((event) => ({
    uid: event.getFirstPropertyValue('uid'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    sequence: event.getFirstPropertyValue('sequence'),
    lastModified: (event.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().getTime(),
    location: event.getFirstPropertyValue('location'),
    summary: event.getFirstPropertyValue('summary'),
  }));
}

let ekoShiftId: string;
let feedUrl: string;

describe('assigning shifts', () => {
  it('assigns a crew member’s shift; refuses a non-crew person (400) and a non-manager (403), writing nothing', async () => {
    const before = await api.eventCount();
    expect((await call('eko@gema.test', 'POST', `${concert}/crew/shifts`, ekoShift)).statusCode).toBe(403);
    const notCrew = await call('ayu@gema.test', 'POST', `${concert}/crew/shifts`, {
      ...ekoShift,
      personId: DEMO.people.finance,
    });
    expect(notCrew.json()).toMatchObject({ statusCode: 400, field: 'personId' });
    const lateCall = await call('ayu@gema.test', 'POST', `${concert}/crew/shifts`, {
      ...ekoShift,
      callAt: '2027-03-14T11:00:00+07:00',
    });
    expect(lateCall.json()).toMatchObject({ statusCode: 400, field: 'callAt' });
    expect(await api.eventCount()).toBe(before);

    const created = await call('ayu@gema.test', 'POST', `${concert}/crew/shifts`, ekoShift);
    expect(created.statusCode).toBe(201);
    const schedule = created.json() as CrewSchedule;
    expect(schedule.shifts).toMatchObject([
      { personId: eko, personName: 'Eko Prasetyo', day, key: true, conflicts: [] },
    ]);
    ekoShiftId = schedule.shifts[0]!.shiftId;
    expect((await call('ayu@gema.test', 'POST', `${concert}/crew/shifts`, fajarShift)).statusCode).toBe(201);
  });

  it('refuses a double booking in another production of the organisation with 409 listing it; a manager overrides with a reason', async () => {
    const production = (await call('ayu@gema.test', 'GET', launch)).json() as { version: number };
    const added = await call('ayu@gema.test', 'POST', `${launch}/members`, {
      expectedVersion: production.version,
      personId: eko,
      role: 'crew',
      department: 'sound',
    });
    expect(added.statusCode).toBe(201);
    const gala = {
      ...ekoShift,
      startsAt: '2027-03-14T18:00:00+07:00',
      endsAt: '2027-03-14T23:00:00+07:00',
      callAt: '2027-03-14T17:00:00+07:00',
      location: 'Hotel Mulia',
    };
    const before = await api.eventCount();
    const refused = await call('ayu@gema.test', 'POST', `${launch}/crew/shifts`, gala);
    expect(refused.statusCode).toBe(409);
    const body = refused.json() as ShiftConflictBody;
    expect(body.code).toBe('SHIFT_CONFLICT');
    expect(body.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'double_booking',
          productionId: DEMO.concertId,
          shiftIds: [ekoShiftId],
        }),
      ]),
    );
    expect(await api.eventCount()).toBe(before);

    const overridden = await call('ayu@gema.test', 'POST', `${launch}/crew/shifts`, {
      ...gala,
      override: { reason: 'Eko hands FOH to Sari at 17:30' },
    });
    expect(overridden.statusCode).toBe(201);
    const launchShift = (overridden.json() as CrewSchedule).shifts[0]!;
    expect(launchShift.overrideReason).toBe('Eko hands FOH to Sari at 17:30');
    expect(launchShift.conflicts.map((c) => c.kind)).toContain('double_booking');
    // The concert's schedule now shows the conflict too, from the other production.
    const concertSchedule = (
      await call('ayu@gema.test', 'GET', `${concert}/crew?personId=${eko}`)
    ).json() as CrewSchedule;
    expect(concertSchedule.shifts[0]!.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'double_booking', productionId: DEMO.launchId }),
      ]),
    );
    // Put things back: the rest of the file is about the concert.
    expect(
      (await call('ayu@gema.test', 'DELETE', `${launch}/crew/shifts/${launchShift.shiftId}`)).statusCode,
    ).toBe(200);
  });

  it('refuses a shift in a period the person marked unavailable; only managers mark others', async () => {
    const period = {
      startsAt: '2027-03-12T00:00:00+07:00',
      endsAt: '2027-03-13T00:00:00+07:00',
      reason: 'Wisuda adik',
    };
    expect(
      (await call('fajar@gema.test', 'POST', `${concert}/crew/availability`, { ...period, personId: eko }))
        .statusCode,
    ).toBe(403);
    expect((await call('eko@gema.test', 'POST', `${concert}/crew/availability`, period)).statusCode).toBe(
      201,
    );
    const refused = await call('ayu@gema.test', 'POST', `${concert}/crew/shifts`, {
      ...ekoShift,
      startsAt: '2027-03-12T10:00:00+07:00',
      endsAt: '2027-03-12T14:00:00+07:00',
      callAt: '2027-03-12T09:00:00+07:00',
    });
    expect(refused.statusCode).toBe(409);
    const [conflict] = (refused.json() as ShiftConflictBody).conflicts ?? [];
    expect(conflict).toMatchObject({ kind: 'unavailable', personId: eko });
    const periodId = conflict?.kind === 'unavailable' ? conflict.periodId : '';
    const clear = `${concert}/crew/availability/${periodId}`;
    expect((await call('fajar@gema.test', 'DELETE', clear)).statusCode).toBe(403);
    expect(((await call('eko@gema.test', 'DELETE', clear)).json() as CrewSchedule).unavailable).toEqual([]);
    expect((await call('eko@gema.test', 'DELETE', clear)).statusCode).toBe(404);
  });

  it('shows the schedule to the crew, not to the client (403) nor a vendor (403)', async () => {
    expect((await call('sari@gema.test', 'GET', `${concert}/crew`)).statusCode).toBe(200);
    expect((await call('maya@sinarcahaya.test', 'GET', `${concert}/crew`)).statusCode).toBe(403);
    expect((await call('hendra@suaraprima.test', 'GET', `${concert}/crew`)).statusCode).toBe(403);
    const schedule = (
      await call('ayu@gema.test', 'GET', `${concert}/crew?day=${day}`)
    ).json() as CrewSchedule;
    expect(schedule.days).toEqual([{ day, status: 'draft', version: 0, pending: 0 }]);
    expect(schedule.members.map((m) => m.name)).toContain('Eko Prasetyo');
  });
});

describe('the API description', () => {
  it('names the crew routes', async () => {
    const document = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/productions/{id}/crew',
        '/api/productions/{id}/crew/shifts',
        '/api/productions/{id}/crew/call-sheets/{day}',
        '/api/me/calendar-token',
        '/api/calendar/{token}',
      ]),
    );
  });
});

describe('the iCalendar feed', () => {
  it('gives a secret address whose feed parses back with the person’s shifts', async () => {
    const token = await call('eko@gema.test', 'POST', '/api/me/calendar-token');
    expect(token.statusCode).toBe(201);
    feedUrl = (token.json() as { url: string }).url;
    const response = await feed(feedUrl);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expect(parse(response.body)).toEqual([
      {
        uid: `${ekoShiftId}@panggung`,
        start: '2027-03-14T02:00:00.000Z',
        sequence: 0,
        lastModified: expect.any(Number),
        location: 'Lapangan Banteng',
        summary: 'Senandung Senja — Konser Outdoor Jakarta 2027 — FOH engineer',
      },
    ]);
  });
});

describe('call sheets', () => {
  let sheet: CallSheet;
  it('publishes a day; each person acknowledges only their own call', async () => {
    expect(
      (await call('eko@gema.test', 'POST', `${concert}/crew/call-sheets/${day}/publish`)).statusCode,
    ).toBe(403);
    const published = await call('ayu@gema.test', 'POST', `${concert}/crew/call-sheets/${day}/publish`);
    expect(published.statusCode).toBe(201);
    sheet = published.json() as CallSheet;
    expect(sheet).toMatchObject({ status: 'published', version: 1 });
    expect(sheet.calls.map((c) => c.personId).sort()).toEqual([eko, fajar].sort());
    expect(sheet.acknowledgements.every((a) => !a.acknowledged)).toBe(true);

    const ack = (email: string, personId: string, version = 1) =>
      call(email, 'POST', `${concert}/crew/call-sheets/${day}/acknowledge`, { personId, version });
    expect((await ack('fajar@gema.test', eko)).statusCode).toBe(403);
    expect((await ack('ayu@gema.test', eko)).statusCode).toBe(403);
    expect((await ack('eko@gema.test', eko)).statusCode).toBe(200);
    expect((await ack('eko@gema.test', eko)).statusCode).toBe(409);
    const after = (await ack('fajar@gema.test', fajar)).json() as CallSheet;
    expect(after.acknowledgements.every((a) => a.acknowledged)).toBe(true);
    const readBack = (
      await call('sari@gema.test', 'GET', `${concert}/crew/call-sheets/${day}`)
    ).json() as CallSheet;
    expect(readBack).toEqual(after);
  });

  it('a change marks the day changed; republishing asks only the affected person again; the feed follows', async () => {
    const before = parse((await feed(feedUrl)).body)[0]!;
    const moved = await call('ayu@gema.test', 'PATCH', `${concert}/crew/shifts/${ekoShiftId}`, {
      startsAt: '2027-03-14T11:00:00+07:00',
      endsAt: '2027-03-14T21:00:00+07:00',
      callAt: '2027-03-14T10:00:00+07:00',
    });
    expect(moved.statusCode).toBe(200);
    expect((moved.json() as CrewSchedule).days).toEqual([{ day, status: 'changed', version: 1, pending: 0 }]);

    const republished = (
      await call('ayu@gema.test', 'POST', `${concert}/crew/call-sheets/${day}/publish`)
    ).json() as CallSheet;
    expect(republished.version).toBe(2);
    expect(republished.acknowledgements.map((a) => [a.personId, a.acknowledged]).sort()).toEqual(
      [
        [eko, false],
        [fajar, true],
      ].sort(),
    );
    const events = await api.app.store.readStream(`crew-${DEMO.concertId}`);
    expect(events.at(-1)).toMatchObject({
      type: 'CallSheetPublished',
      data: { version: 2, affectedPersonIds: [eko], acknowledgeBy: [eko] },
    });
    expect(
      (await call('ayu@gema.test', 'POST', `${concert}/crew/call-sheets/${day}/publish`)).statusCode,
    ).toBe(409);

    // Each version got its acknowledgement workflow from the reactor, and the first was told it is superseded.
    const client = await api.app.temporal.client();
    const v1 = client.workflow.getHandle(callSheetWorkflowId(DEMO.concertId, day, 1));
    await vi.waitFor(
      async () => {
        await client.workflow.getHandle(callSheetWorkflowId(DEMO.concertId, day, 2)).describe();
        const signals = (await v1.fetchHistory()).events?.flatMap(
          (e) => e.workflowExecutionSignaledEventAttributes?.signalName ?? [],
        );
        expect(signals).toContain(callSheetSupersededSignal.name);
      },
      { timeout: 30_000, interval: 100 },
    );

    const after = parse((await feed(feedUrl)).body)[0]!;
    expect(after).toMatchObject({ uid: before.uid, start: '2027-03-14T03:00:00.000Z', sequence: 1 });
    expect(after.lastModified).toBeGreaterThanOrEqual(before.lastModified);
  });

  it('rotating the token turns the old address off', async () => {
    const fresh = ((await call('eko@gema.test', 'POST', '/api/me/calendar-token')).json() as { url: string })
      .url;
    expect((await feed(feedUrl)).statusCode).toBe(404);
    expect((await feed(fresh)).statusCode).toBe(200);
    expect((await api.app.inject({ method: 'GET', url: '/api/calendar/short.ics' })).statusCode).toBe(400);
  });
});
