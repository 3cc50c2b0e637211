import type { CrewShift, Shift } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import {
  callReadiness,
  crewConflicts,
  crewShiftIndex,
  crewStream,
  decideCrew,
  evolveCrew,
  initialCrewState,
  type CrewCommand,
  type CrewEvent,
  type ScheduleContext,
} from './crew.ts';
import { ShiftConflictError } from './errors.ts';

const spec = specification(decideCrew, evolveCrew, initialCrewState);
const metadata = { actor: 'person:ayu', now: '2027-03-10T09:00:00+07:00' };
const productionId = '11111111-1111-4111-8111-111111111111';
const gala = '22222222-2222-4222-8222-222222222222';
const eko = '33333333-3333-4333-8333-333333333331';
const fajar = '33333333-3333-4333-8333-333333333332';
const periodId = '44444444-4444-4444-8444-444444444444';
const shiftIds = ['55555555-5555-4555-8555-555555555551', '55555555-5555-4555-8555-555555555552'] as const;
const none: ScheduleContext = { shifts: [], unavailable: [] };
const day = '2027-03-14';

const cmd = <T extends CrewCommand['type']>(type: T, data: Extract<CrewCommand, { type: T }>['data']) =>
  ({ type, data, metadata }) as CrewCommand;

/** Eko's sound shift on show day, 10:00–20:00 WIB, called at 09:00. */
const shift = (over: Partial<CrewShift> = {}): CrewShift => ({
  shiftId: shiftIds[0],
  personId: eko,
  productionId,
  startsAt: '2027-03-14T10:00:00+07:00',
  endsAt: '2027-03-14T20:00:00+07:00',
  callAt: '2027-03-14T09:00:00+07:00',
  location: 'Lapangan Banteng',
  department: 'sound',
  role: 'FOH engineer',
  key: true,
  ...over,
});
const assigned = (s: CrewShift = shift()): CrewEvent => ({
  type: 'ShiftAssigned',
  data: { productionId, shift: s },
});
const assign = (
  s: CrewShift = shift(),
  more: Partial<{ context: ScheduleContext; override: { reason: string }; personIsCrew: boolean }> = {},
) => cmd('AssignShift', { productionId, shift: s, personIsCrew: true, context: none, ...more });
const fajarShift = shift({
  shiftId: shiftIds[1],
  personId: fajar,
  department: 'lighting',
  role: 'LD',
  key: false,
});
const published = (
  version: number,
  calls: CrewShift[],
  acknowledgeBy: string[],
  affected = acknowledgeBy,
): CrewEvent => ({
  type: 'CallSheetPublished',
  data: {
    productionId,
    day,
    version,
    calls: calls.map(({ productionId: _p, ...c }) => c),
    affectedPersonIds: affected,
    acknowledgeBy,
    publishedAt: metadata.now,
  },
});
const acked = (personId: string, version = 1): CrewEvent => ({
  type: 'CallAcknowledged',
  data: { productionId, day, version, personId, acknowledgedAt: metadata.now },
});

it('names the stream after the production', () =>
  expect(crewStream(productionId)).toBe(`crew-${productionId}`));

describe('MarkUnavailable', () => {
  it('records a period', () =>
    spec
      .given([])
      .when(
        cmd('MarkUnavailable', {
          productionId,
          periodId,
          personId: eko,
          startsAt: '2027-03-13T00:00:00+07:00',
          endsAt: '2027-03-14T12:00:00+07:00',
          reason: 'Nikahan adik',
        }),
      )
      .then([
        {
          type: 'UnavailabilityMarked',
          data: {
            productionId,
            periodId,
            personId: eko,
            startsAt: '2027-03-13T00:00:00+07:00',
            endsAt: '2027-03-14T12:00:00+07:00',
            reason: 'Nikahan adik',
          },
        },
      ]));
  it('refuses a period that ends before it starts', () =>
    spec
      .given([])
      .when(
        cmd('MarkUnavailable', {
          productionId,
          periodId,
          personId: eko,
          startsAt: '2027-03-14T12:00:00+07:00',
          endsAt: '2027-03-14T08:00:00+07:00',
        }),
      )
      .thenThrows('VALIDATION', /end after/, 'endsAt'));
  it('refuses to clear an unknown period', () =>
    spec
      .given([])
      .when(cmd('ClearUnavailability', { productionId, periodId }))
      .thenThrows('NOT_FOUND', undefined, 'periodId'));
});

describe('AssignShift', () => {
  it('assigns a crew member’s shift', () => spec.given([]).when(assign()).then([assigned()]));
  it('refuses a person who is not on the production’s crew', () =>
    spec
      .given([])
      .when(assign(shift(), { personIsCrew: false }))
      .thenThrows('VALIDATION', /crew member/, 'personId'));
  it('refuses a call time after the start', () =>
    spec
      .given([])
      .when(assign(shift({ callAt: '2027-03-14T10:30:00+07:00' })))
      .thenThrows('VALIDATION', /call time/, 'callAt'));
  it('refuses a shift that ends before it starts', () =>
    spec
      .given([])
      .when(assign(shift({ endsAt: '2027-03-14T09:30:00+07:00' })))
      .thenThrows('VALIDATION', undefined, 'endsAt'));
  it('refuses the same shift twice', () =>
    spec
      .given([assigned()])
      .when(assign())
      .thenThrows('ILLEGAL_STATE', /already assigned/));

  it('refuses a double booking in another production of the organisation, listing it', () => {
    const elsewhere: Shift = {
      ...shift({ shiftId: shiftIds[1], productionId: gala, location: 'Hotel Mulia' }),
    };
    const run = () =>
      decideCrew(assign(shift(), { context: { shifts: [elsewhere], unavailable: [] } }), initialCrewState);
    expect(run).toThrow(ShiftConflictError);
    try {
      run();
    } catch (error) {
      expect((error as ShiftConflictError).conflicts.map((c) => c.kind)).toEqual([
        'double_booking',
        'max_hours_per_day',
      ]);
      expect((error as ShiftConflictError).code).toBe('ILLEGAL_STATE');
    }
  });

  it('refuses too little rest after the person’s shift in this production', () =>
    spec
      .given([
        assigned(
          shift({
            shiftId: shiftIds[1],
            startsAt: '2027-03-13T14:00:00+07:00',
            endsAt: '2027-03-14T02:00:00+07:00',
            callAt: '2027-03-13T13:00:00+07:00',
          }),
        ),
      ])
      .when(assign())
      .thenThrows('ILLEGAL_STATE', /rest/));

  it('refuses a shift in a period the person marked unavailable', () =>
    spec
      .given([
        {
          type: 'UnavailabilityMarked',
          data: {
            productionId,
            periodId,
            personId: eko,
            startsAt: '2027-03-14T00:00:00+07:00',
            endsAt: '2027-03-14T12:00:00+07:00',
            reason: 'Nikahan adik',
          },
        },
      ])
      .when(assign())
      .thenThrows(
        'ILLEGAL_STATE',
        /Unavailable 2027-03-14 00:00 WIB – 2027-03-14 12:00 WIB \(Nikahan adik\)/,
      ));

  it('finds unavailability recorded in another production', () => {
    const context = {
      shifts: [],
      unavailable: [
        {
          periodId,
          personId: eko,
          startsAt: '2027-03-14T18:00:00+07:00',
          endsAt: '2027-03-15T00:00:00+07:00',
        },
      ],
    };
    expect(() => decideCrew(assign(shift(), { context }), initialCrewState)).toThrow(/Unavailable/);
  });

  it('uses the production’s rules', () =>
    spec
      .given([
        {
          type: 'CrewRulesSet',
          data: {
            productionId,
            rules: { minRestMinutes: 600, maxMinutesPerDay: 480 },
            deadlines: { remindAfterMinutes: 60, escalateAfterMinutes: 120 },
          },
        },
      ])
      .when(assign())
      .thenThrows('ILLEGAL_STATE', /at most 8 h a day/));

  it('assigns despite conflicts with a manager’s reason, recording both', () => {
    const elsewhere: Shift = shift({ shiftId: shiftIds[1], productionId: gala });
    const events = decideCrew(
      assign(shift({ endsAt: '2027-03-14T12:00:00+07:00' }), {
        context: { shifts: [elsewhere], unavailable: [] },
        override: { reason: 'Eko covers both; gala is 5 minutes away' },
      }),
      initialCrewState,
    );
    expect(events).toMatchObject([
      {
        type: 'ShiftAssigned',
        data: {
          override: {
            reason: 'Eko covers both; gala is 5 minutes away',
            by: 'person:ayu',
            conflicts: [{ kind: 'double_booking', productionId: gala }],
          },
        },
      },
    ]);
  });

  it('refuses an override without a reason', () =>
    spec
      .given([assigned(shift({ shiftId: shiftIds[1] }))])
      .when(assign(shift(), { override: { reason: '  ' } }))
      .thenThrows('VALIDATION', /reason/, 'override.reason'));

  it('marks a published day changed', () =>
    spec
      .given([assigned(), published(1, [shift()], [eko])])
      .when(assign(fajarShift))
      .then([
        assigned(fajarShift),
        { type: 'CallSheetChanged', data: { productionId, day, shiftId: fajarShift.shiftId } },
      ]));
});

describe('crewConflicts with a kept index', () => {
  it('finds the same conflicts as from the list, for each shift of the schedule', () => {
    // Eko: 10–20 here and at the gala (double booked), then 22–02 here (2 h rest after both); the
    // context's copy of a shift of this production is not counted twice.
    const late = shift({
      shiftId: '55555555-5555-4555-8555-555555555553',
      startsAt: '2027-03-14T22:00:00+07:00',
      endsAt: '2027-03-15T02:00:00+07:00',
      callAt: '2027-03-14T22:00:00+07:00',
    });
    const state = [assigned(), assigned(fajarShift), assigned(late)].reduce(evolveCrew, initialCrewState);
    const gala10: Shift = { ...shift({ shiftId: shiftIds[1], productionId: gala }) };
    const context: ScheduleContext = { shifts: [gala10, { ...late }], unavailable: [] };
    const index = crewShiftIndex(state, context, productionId);
    const kinds = [shift(), fajarShift, late].map((s) => {
      const fromList = crewConflicts(state, s, context);
      expect(crewConflicts(state, s, context, index)).toEqual(fromList);
      return fromList.map((c) => c.kind);
    });
    expect(kinds).toEqual([
      ['double_booking', 'insufficient_rest', 'max_hours_per_day'],
      [],
      ['insufficient_rest', 'insufficient_rest', 'max_hours_per_day'],
    ]);
  });
});

describe('RescheduleShift', () => {
  const move = (over: Partial<{ startsAt: string; endsAt: string; callAt: string; location: string }> = {}) =>
    cmd('RescheduleShift', {
      productionId,
      shiftId: shiftIds[0],
      startsAt: '2027-03-14T12:00:00+07:00',
      endsAt: '2027-03-14T22:00:00+07:00',
      callAt: '2027-03-14T11:00:00+07:00',
      context: none,
      ...over,
    });
  it('moves a shift, saying where it was, and marks its published day changed', () =>
    spec
      .given([assigned(), published(1, [shift()], [eko])])
      .when(move())
      .then([
        {
          type: 'ShiftRescheduled',
          data: {
            productionId,
            shift: shift({
              startsAt: '2027-03-14T12:00:00+07:00',
              endsAt: '2027-03-14T22:00:00+07:00',
              callAt: '2027-03-14T11:00:00+07:00',
            }),
            previous: {
              startsAt: shift().startsAt,
              endsAt: shift().endsAt,
              callAt: shift().callAt,
              location: 'Lapangan Banteng',
            },
          },
        },
        { type: 'CallSheetChanged', data: { productionId, day, shiftId: shiftIds[0] } },
      ]));
  it('records nothing when nothing moves', () =>
    spec
      .given([assigned()])
      .when(move({ startsAt: shift().startsAt, endsAt: shift().endsAt, callAt: shift().callAt }))
      .then([]));
  it('refuses an unknown shift', () =>
    spec.given([]).when(move()).thenThrows('NOT_FOUND', undefined, 'shiftId'));
  it('refuses a move into a conflict', () =>
    spec
      .given([
        assigned(),
        assigned(
          shift({
            shiftId: shiftIds[1],
            startsAt: '2027-03-15T00:00:00+07:00',
            endsAt: '2027-03-15T04:00:00+07:00',
            callAt: '2027-03-15T00:00:00+07:00',
          }),
        ),
      ])
      .when(move())
      .thenThrows('ILLEGAL_STATE', /rest/));
});

describe('RemoveShift', () => {
  it('removes a shift', () =>
    spec
      .given([assigned()])
      .when(cmd('RemoveShift', { productionId, shiftId: shiftIds[0] }))
      .then([{ type: 'ShiftRemoved', data: { productionId, shiftId: shiftIds[0], personId: eko, day } }]));
  it('refuses an unknown shift', () =>
    spec
      .given([])
      .when(cmd('RemoveShift', { productionId, shiftId: shiftIds[0] }))
      .thenThrows('NOT_FOUND'));
});

describe('SetCrewRules', () => {
  it('refuses an escalation before the reminder', () =>
    spec
      .given([])
      .when(
        cmd('SetCrewRules', {
          productionId,
          rules: { minRestMinutes: 600, maxMinutesPerDay: 720 },
          deadlines: { remindAfterMinutes: 60, escalateAfterMinutes: 60 },
        }),
      )
      .thenThrows('VALIDATION', undefined, 'deadlines.escalateAfterMinutes'));
});

describe('PublishCallSheet', () => {
  const publish = cmd('PublishCallSheet', { productionId, day });
  it('publishes a snapshot of the day’s calls; everyone on it must acknowledge', () =>
    spec
      .given([assigned(), assigned(fajarShift)])
      .when(publish)
      .then([published(1, [shift(), fajarShift], [eko, fajar].sort())]));
  it('refuses a day without calls', () =>
    spec
      .given([assigned()])
      .when(cmd('PublishCallSheet', { productionId, day: '2027-03-15' }))
      .thenThrows('VALIDATION', /no calls/, 'day'));
  it('refuses to republish an unchanged day', () =>
    spec
      .given([assigned(), published(1, [shift()], [eko])])
      .when(publish)
      .thenThrows('ILLEGAL_STATE', /unchanged/));
  it('asks only the people whose call changed to acknowledge again', () => {
    const moved = shift({ callAt: '2027-03-14T08:00:00+07:00' });
    spec
      .given([
        assigned(),
        assigned(fajarShift),
        published(1, [shift(), fajarShift], [eko, fajar]),
        acked(eko),
        acked(fajar),
        {
          type: 'ShiftRescheduled',
          data: {
            productionId,
            shift: moved,
            previous: {
              startsAt: moved.startsAt,
              endsAt: moved.endsAt,
              callAt: shift().callAt,
              location: moved.location,
            },
          },
        },
        { type: 'CallSheetChanged', data: { productionId, day, shiftId: shiftIds[0] } },
      ])
      .when(publish)
      .then([published(2, [moved, fajarShift], [eko])]);
  });
  it('notifies a person whose call was removed, without asking them to acknowledge', () =>
    spec
      .given([
        assigned(),
        assigned(fajarShift),
        published(1, [shift(), fajarShift], [eko, fajar]),
        { type: 'ShiftRemoved', data: { productionId, shiftId: fajarShift.shiftId, personId: fajar, day } },
        { type: 'CallSheetChanged', data: { productionId, day, shiftId: fajarShift.shiftId } },
      ])
      .when(publish)
      .then([published(2, [shift()], [], [fajar])]));
});

describe('AcknowledgeCall', () => {
  const ack = (personId = eko, version = 1) =>
    cmd('AcknowledgeCall', { productionId, day, personId, version });
  it('acknowledges the person’s call', () =>
    spec
      .given([assigned(), published(1, [shift()], [eko])])
      .when(ack())
      .then([acked(eko)]));
  it('refuses a day not published', () =>
    spec
      .given([assigned()])
      .when(ack())
      .thenThrows('NOT_FOUND', /No call sheet/));
  it('refuses a person without a call that day', () =>
    spec
      .given([assigned(), published(1, [shift()], [eko])])
      .when(ack(fajar))
      .thenThrows('NOT_FOUND', /no call/));
  it('refuses an old version', () =>
    spec
      .given([assigned(), published(1, [shift()], [eko]), published(2, [shift()], [eko])])
      .when(ack(eko, 1))
      .thenThrows('ILLEGAL_STATE', /version 2/));
  it('refuses a second acknowledgement', () =>
    spec
      .given([assigned(), published(1, [shift()], [eko]), acked(eko)])
      .when(ack())
      .thenThrows('ILLEGAL_STATE', /already/));
});

describe('reminders and escalation', () => {
  const given = [
    assigned(),
    assigned(fajarShift),
    published(1, [shift(), fajarShift], [eko, fajar]),
    acked(fajar),
  ];
  it('reminds each person who has not acknowledged, once', () => {
    spec
      .given(given)
      .when(cmd('SendCallReminders', { productionId, day, version: 1 }))
      .then([{ type: 'CallReminderSent', data: { productionId, day, version: 1, personId: eko } }]);
    spec
      .given([...given, { type: 'CallReminderSent', data: { productionId, day, version: 1, personId: eko } }])
      .when(cmd('SendCallReminders', { productionId, day, version: 1 }))
      .then([]);
  });
  it('escalates the people still unacknowledged', () =>
    spec
      .given(given)
      .when(cmd('EscalateCalls', { productionId, day, version: 1 }))
      .then([{ type: 'CallEscalated', data: { productionId, day, version: 1, personIds: [eko] } }]));
  it('does nothing for a superseded version', () =>
    spec
      .given([...given, published(2, [shift(), fajarShift], [eko])])
      .when(cmd('EscalateCalls', { productionId, day, version: 1 }))
      .then([]));
  it('refuses a day never published', () =>
    spec
      .given([])
      .when(cmd('SendCallReminders', { productionId, day, version: 1 }))
      .thenThrows('NOT_FOUND'));
});

describe('callReadiness', () => {
  const fold = (events: CrewEvent[]) => events.reduce(evolveCrew, initialCrewState);
  it('names days with shifts but no published call sheet', () =>
    expect(callReadiness(fold([assigned()]))).toEqual({
      daysWithoutPublishedCall: [day],
      unacknowledged: [],
    }));
  it('names unacknowledged calls with their key flag', () =>
    expect(
      callReadiness(
        fold([assigned(), assigned(fajarShift), published(1, [shift(), fajarShift], [eko, fajar])]),
      ),
    ).toEqual({
      daysWithoutPublishedCall: [],
      unacknowledged: [
        { personId: eko, day, key: true },
        { personId: fajar, day, key: false },
      ],
    }));
  it('names a changed day until it is republished, and keeps unaffected acknowledgements', () => {
    const moved = shift({ callAt: '2027-03-14T08:00:00+07:00' });
    const base = [
      assigned(),
      assigned(fajarShift),
      published(1, [shift(), fajarShift], [eko, fajar]),
      acked(eko),
      acked(fajar),
    ];
    const changed: CrewEvent[] = [
      ...base,
      {
        type: 'ShiftRescheduled',
        data: {
          productionId,
          shift: moved,
          previous: {
            startsAt: moved.startsAt,
            endsAt: moved.endsAt,
            callAt: shift().callAt,
            location: moved.location,
          },
        },
      },
      { type: 'CallSheetChanged', data: { productionId, day, shiftId: shiftIds[0] } },
    ];
    expect(callReadiness(fold(changed))).toEqual({ daysWithoutPublishedCall: [day], unacknowledged: [] });
    expect(callReadiness(fold([...changed, published(2, [moved, fajarShift], [eko])]))).toEqual({
      daysWithoutPublishedCall: [],
      unacknowledged: [{ personId: eko, day, key: true }],
    });
  });
});
