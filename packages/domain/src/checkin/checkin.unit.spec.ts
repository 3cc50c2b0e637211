import { describe, expect, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import {
  checkinLines,
  decideCheckin,
  evolveCheckin,
  initialCheckinState,
  vendorArrivalLines,
  type Arrival,
  type CheckinActor,
  type CheckinCommand,
  type CheckinEvent,
  type CrewCall,
} from './checkin.ts';

const spec = specification(decideCheckin, evolveCheckin, initialCheckinState);
const productionId = '11111111-1111-4111-8111-111111111111';
const ayu: CheckinActor = { personId: 'a0000000-0000-4000-8000-000000000001', roles: ['production_manager'] };
const eko: CheckinActor = { personId: 'a0000000-0000-4000-8000-000000000002', roles: ['crew'] };
const fajar: CheckinActor = { personId: 'a0000000-0000-4000-8000-000000000003', roles: ['crew'] };
const dewi: CheckinActor = { personId: 'a0000000-0000-4000-8000-000000000004', roles: ['show_caller'] };
const shift = (n: number) => `b0000000-0000-4000-8000-00000000000${n}`;
// 14 March 2027, WIB (UTC+7): the call at 15:00 WIB is 08:00Z.
const call = (personId: string, callAt: string, n = 1): CrewCall => ({
  shiftId: shift(n),
  personId,
  department: 'sound',
  callAt,
});
const ekoCall = call(eko.personId, '2027-03-14T08:00:00.000Z');
const ekoLaterCall = call(eko.personId, '2027-03-14T12:00:00.000Z', 2);
const ekoTomorrow = call(eko.personId, '2027-03-15T01:00:00.000Z', 3);

const checkIn = (
  by: CheckinActor,
  personId: string,
  now: string,
  calls = [ekoCall, ekoLaterCall, ekoTomorrow],
) =>
  ({
    type: 'CheckIn',
    data: { by, productionId, personId, callsToday: calls },
    metadata: { actor: 'x', now },
  }) as CheckinCommand;
const checkedIn = (now: string, extra: object = {}): CheckinEvent => ({
  type: 'CrewCheckedIn',
  data: {
    productionId,
    personId: eko.personId,
    day: '2027-03-14',
    shiftId: shift(1),
    callAt: ekoCall.callAt,
    at: now,
    by: eko.personId,
    late: false,
    minutesLate: 0,
    ...extra,
  },
});
const grace = (graceMinutes: number): CheckinEvent => ({
  type: 'CheckinGraceSet',
  data: { productionId, graceMinutes, by: ayu.personId },
});

describe('checking in', () => {
  it('against the first call of the Jakarta day: early or at the call is on time', () => {
    spec
      .given([])
      .when(checkIn(eko, eko.personId, '2027-03-14T07:40:00.000Z'))
      .then([checkedIn('2027-03-14T07:40:00.000Z')]);
    spec
      .given([])
      .when(checkIn(eko, eko.personId, '2027-03-14T08:00:00.000Z'))
      .then([checkedIn('2027-03-14T08:00:00.000Z')]);
  });

  it('after the call is flagged late with the minutes; the grace moves the line', () => {
    const at = '2027-03-14T08:12:30.000Z';
    spec
      .given([])
      .when(checkIn(eko, eko.personId, at))
      .then([checkedIn(at, { late: true, minutesLate: 12 })]);
    spec
      .given([grace(15)])
      .when(checkIn(eko, eko.personId, at))
      .then([checkedIn(at)]);
    spec
      .given([grace(10)])
      .when(checkIn(eko, eko.personId, at))
      .then([checkedIn(at, { late: true, minutesLate: 12 })]);
  });

  it('by a manager for someone else', () => {
    const at = '2027-03-14T07:00:00.000Z';
    spec
      .given([])
      .when(checkIn(ayu, eko.personId, at))
      .then([checkedIn(at, { by: ayu.personId })]);
  });

  it('uses the Jakarta day: 00:30 WIB on the 15th is the 15th’s call', () => {
    const at = '2027-03-14T17:30:00.000Z';
    spec
      .given([])
      .when(checkIn(eko, eko.personId, at))
      .then([checkedIn(at, { day: '2027-03-15', shiftId: shift(3), callAt: ekoTomorrow.callAt })]);
  });

  it('is refused for someone else unless a manager, to non-crew for themself, without a call today, and twice', () => {
    const at = '2027-03-14T07:40:00.000Z';
    spec
      .given([])
      .when(checkIn(fajar, eko.personId, at))
      .thenThrows('FORBIDDEN', /someone else/);
    spec
      .given([])
      .when(checkIn(dewi, eko.personId, at))
      .thenThrows('FORBIDDEN');
    spec
      .given([])
      .when(checkIn(dewi, dewi.personId, at))
      .thenThrows('FORBIDDEN', /crew/);
    spec
      .given([])
      .when(checkIn(eko, eko.personId, '2027-03-16T03:00:00.000Z'))
      .thenThrows('VALIDATION', /no call .* 2027-03-16/, 'personId');
    spec
      .given([checkedIn(at)])
      .when(checkIn(eko, eko.personId, '2027-03-14T09:00:00.000Z'))
      .thenThrows('ILLEGAL_STATE', /Already checked in on 2027-03-14 at 2027-03-14 14:40 WIB/, 'personId');
  });
});

describe('the check-in grace', () => {
  const set = (by: CheckinActor, graceMinutes: number) =>
    ({
      type: 'SetCheckinGrace',
      data: { by, productionId, graceMinutes },
      metadata: { actor: 'x', now: 'x' },
    }) as CheckinCommand;

  it('is set by a manager; the same value changes nothing', () => {
    spec
      .given([])
      .when(set(ayu, 10))
      .then([grace(10)]);
    spec
      .given([grace(10)])
      .when(set(ayu, 10))
      .then([]);
  });

  it('is refused to others and below zero', () => {
    spec.given([]).when(set(eko, 10)).thenThrows('FORBIDDEN');
    spec.given([]).when(set(ayu, -1)).thenThrows('VALIDATION', undefined, 'graceMinutes');
  });
});

describe('checkinLines', () => {
  const fajarCall = call(fajar.personId, '2027-03-14T09:00:00.000Z', 4);
  const calls = [ekoLaterCall, fajarCall, ekoCall, ekoTomorrow];
  const arrival = (personId: string, at: string): Arrival => ({
    personId,
    day: '2027-03-14',
    at,
    by: personId,
  });

  it('before any call: everyone not yet due, first call per person, by call time', () => {
    expect(checkinLines(calls, [], '2027-03-14', '2027-03-14T07:00:00.000Z', 0)).toEqual([
      {
        personId: eko.personId,
        department: 'sound',
        shiftId: shift(1),
        callAt: ekoCall.callAt,
        status: 'not_yet_due',
      },
      {
        personId: fajar.personId,
        department: 'sound',
        shiftId: shift(4),
        callAt: fajarCall.callAt,
        status: 'not_yet_due',
      },
    ]);
  });

  it('at 15:20 WIB: Eko on time, Fajar not yet due; at 16:05 Fajar is missing 5 minutes', () => {
    const arrivals = [arrival(eko.personId, '2027-03-14T07:55:00.000Z')];
    expect(
      checkinLines(calls, arrivals, '2027-03-14', '2027-03-14T08:20:00.000Z', 0).map((l) => [
        l.status,
        l.minutesLate,
      ]),
    ).toEqual([
      ['on_time', undefined],
      ['not_yet_due', undefined],
    ]);
    expect(checkinLines(calls, arrivals, '2027-03-14', '2027-03-14T09:05:00.000Z', 0)[1]).toMatchObject({
      status: 'missing',
      minutesLate: 5,
    });
  });

  it('at the call exactly one is not yet missing; the grace delays missing and late', () => {
    expect(checkinLines([fajarCall], [], '2027-03-14', fajarCall.callAt, 0)[0]?.status).toBe('not_yet_due');
    expect(checkinLines([fajarCall], [], '2027-03-14', '2027-03-14T09:05:00.000Z', 10)[0]?.status).toBe(
      'not_yet_due',
    );
    const late = [arrival(fajar.personId, '2027-03-14T09:20:00.000Z')];
    expect(checkinLines([fajarCall], late, '2027-03-14', '2027-03-14T10:00:00.000Z', 10)[0]).toMatchObject({
      status: 'late',
      minutesLate: 20,
      checkedInAt: '2027-03-14T09:20:00.000Z',
      checkedInBy: fajar.personId,
    });
    expect(checkinLines([fajarCall], late, '2027-03-14', '2027-03-14T10:00:00.000Z', 20)[0]?.status).toBe(
      'on_time',
    );
  });

  it('another day lists only that day’s calls; an arrival of another day does not count', () => {
    const lines = checkinLines(
      calls,
      [arrival(eko.personId, '2027-03-14T07:55:00.000Z')],
      '2027-03-15',
      '2027-03-15T02:00:00.000Z',
      0,
    );
    expect(lines).toEqual([
      {
        personId: eko.personId,
        department: 'sound',
        shiftId: shift(3),
        callAt: ekoTomorrow.callAt,
        status: 'missing',
        minutesLate: 60,
      },
    ]);
  });
});

describe('vendor arrivals', () => {
  const soundVendor = 'c0000000-0000-4000-8000-000000000001';
  const lightVendor = 'c0000000-0000-4000-8000-000000000002';
  const strangerVendor = 'c0000000-0000-4000-8000-000000000003';
  const soundContract = 'd0000000-0000-4000-8000-000000000001';
  const hendra: CheckinActor = {
    personId: 'a0000000-0000-4000-8000-000000000005',
    roles: ['vendor'],
    partyId: soundVendor,
  };
  const lina: CheckinActor = {
    personId: 'a0000000-0000-4000-8000-000000000006',
    roles: ['vendor'],
    partyId: lightVendor,
  };
  const vendors = [
    { vendorId: soundVendor, contractIds: [soundContract] },
    { vendorId: lightVendor, contractIds: [] },
  ];
  // 10:00 WIB on 14 March 2027.
  const at = '2027-03-14T03:00:00.000Z';
  const record = (by: CheckinActor, vendorId: string, now = at, extra: object = {}) =>
    ({
      type: 'RecordVendorArrival',
      data: { by, productionId, vendorId, vendors, ...extra },
      metadata: { actor: 'x', now },
    }) as CheckinCommand;
  const arrived = (extra: object = {}): CheckinEvent => ({
    type: 'VendorArrived',
    data: { productionId, vendorId: soundVendor, day: '2027-03-14', at, by: ayu.personId, ...extra },
  });

  it('is recorded by a manager or the show caller, with the contract and a trimmed note', () => {
    spec.given([]).when(record(ayu, soundVendor)).then([arrived()]);
    spec
      .given([])
      .when(record(dewi, soundVendor, at, { contractId: soundContract, note: '  truk di gerbang B ' }))
      .then([arrived({ by: dewi.personId, contractId: soundContract, note: 'truk di gerbang B' })]);
  });

  it('is recorded by a person of the vendor for its own company', () => {
    spec
      .given([])
      .when(record(hendra, soundVendor))
      .then([arrived({ by: hendra.personId })]);
  });

  it('uses the Jakarta day: 23:30 WIB and 00:30 WIB the next day are two days', () => {
    const late = '2027-03-14T16:30:00.000Z';
    const next = '2027-03-14T17:30:00.000Z';
    spec
      .given([arrived({ at: late })])
      .when(record(ayu, soundVendor, next))
      .then([arrived({ at: next, day: '2027-03-15' })]);
  });

  it('is refused to crew, clients and another vendor’s people', () => {
    spec
      .given([])
      .when(record(eko, soundVendor))
      .thenThrows('FORBIDDEN', /vendor’s arrival/);
    spec
      .given([])
      .when(record({ personId: eko.personId, roles: ['client'] }, soundVendor))
      .thenThrows('FORBIDDEN');
    spec.given([]).when(record(lina, soundVendor)).thenThrows('FORBIDDEN');
    spec
      .given([])
      .when(record({ ...hendra, roles: ['crew'] }, soundVendor))
      .thenThrows('FORBIDDEN');
  });

  it('is refused for a vendor without a contract here, or another vendor’s contract', () => {
    spec
      .given([])
      .when(record(ayu, strangerVendor))
      .thenThrows('NOT_FOUND', new RegExp(strangerVendor), 'vendorId');
    spec
      .given([])
      .when(record(ayu, lightVendor, at, { contractId: soundContract }))
      .thenThrows('NOT_FOUND', new RegExp(soundContract), 'contractId');
  });

  it('is refused with a blank note', () => {
    spec
      .given([])
      .when(record(ayu, soundVendor, at, { note: '   ' }))
      .thenThrows('VALIDATION', /blank/, 'note');
  });

  it('is refused twice the same Jakarta day, naming the first arrival', () => {
    spec
      .given([arrived()])
      .when(record(hendra, soundVendor, '2027-03-14T09:00:00.000Z'))
      .thenThrows('ILLEGAL_STATE', /already arrived on 2027-03-14 at 2027-03-14 10:00 WIB/, 'vendorId');
  });

  it('lists the vendors by name with the day’s arrival', () => {
    const arrivals = [
      { vendorId: soundVendor, day: '2027-03-14', at, by: ayu.personId, note: 'gerbang B' },
      { vendorId: lightVendor, day: '2027-03-13', at: '2027-03-13T03:00:00.000Z', by: ayu.personId },
    ];
    const named = [
      { vendorId: soundVendor, name: 'Suara Prima' },
      { vendorId: lightVendor, name: 'Cahaya Panggung' },
    ];
    expect(vendorArrivalLines(named, arrivals, '2027-03-14')).toEqual([
      { vendorId: lightVendor, name: 'Cahaya Panggung' },
      { vendorId: soundVendor, name: 'Suara Prima', arrivedAt: at, by: ayu.personId, note: 'gerbang B' },
    ]);
    expect(vendorArrivalLines(named, arrivals, '2027-03-13')[0]).toMatchObject({
      arrivedAt: arrivals[1]?.at,
    });
  });
});
