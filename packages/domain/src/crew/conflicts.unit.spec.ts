import type { CrewRules, Shift } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { conflictsFor, DEFAULT_CREW_RULES, indexShifts, withShift } from './conflicts.ts';

const budi = 'person-budi';
const sari = 'person-sari';
const konser = 'production-konser';
const gala = 'production-gala';
const noRestRule: CrewRules = { ...DEFAULT_CREW_RULES, minRestMinutes: 0 };

let counter = 0;
/** A shift on Jakarta wall-clock times (+07:00). */
function shift(startsAt: string, endsAt: string, over: Partial<Shift> = {}): Shift {
  counter += 1;
  return {
    shiftId: `shift-${counter}`,
    personId: budi,
    productionId: konser,
    startsAt: `${startsAt}:00+07:00`,
    endsAt: `${endsAt}:00+07:00`,
    location: 'Lapangan Banteng',
    department: 'sound',
    ...over,
  };
}

describe('conflictsFor', () => {
  it('finds nothing with a night of rest between two shifts', () => {
    const existing = [shift('2027-03-13T08:00', '2027-03-13T18:00')];
    expect(conflictsFor(shift('2027-03-14T08:00', '2027-03-14T18:00'), existing)).toEqual([]);
  });

  it('finds a double booking across productions of the organisation', () => {
    const gala1 = shift('2027-03-14T17:00', '2027-03-14T23:00', {
      productionId: gala,
      location: 'Hotel Mulia',
    });
    expect(conflictsFor(shift('2027-03-14T14:00', '2027-03-14T20:00'), [gala1])).toEqual([
      {
        kind: 'double_booking',
        personId: budi,
        shiftIds: [gala1.shiftId],
        productionId: gala,
        message: `Already booked 2027-03-14 17:00 WIB – 2027-03-14 23:00 WIB (production ${gala}, Hotel Mulia)`,
      },
    ]);
  });

  it('finds a double booking with a long shift that began well before shorter ones', () => {
    const long = shift('2027-03-14T00:00', '2027-03-14T16:00');
    const short = shift('2027-03-14T01:00', '2027-03-14T02:00', { personId: sari });
    const conflicts = conflictsFor(shift('2027-03-14T15:00', '2027-03-14T15:30'), [long, short], noRestRule);
    expect(conflicts.map((c) => [c.kind, c.shiftIds])).toEqual([
      ['double_booking', [long.shiftId]],
      ['max_hours_per_day', [long.shiftId]],
    ]);
  });

  it('finds too little rest before and after, and accepts exactly the minimum', () => {
    const before = shift('2027-03-13T14:00', '2027-03-13T22:00');
    const after = shift('2027-03-15T02:00', '2027-03-15T06:00');
    const next = shift('2027-03-14T06:00', '2027-03-14T14:00'); // 8 h after `before`, 12 h before `after`
    const conflicts = conflictsFor(next, [before, after]);
    expect(conflicts).toEqual([
      {
        kind: 'insufficient_rest',
        personId: budi,
        shiftIds: [before.shiftId],
        restMinutes: 480,
        requiredMinutes: 600,
        message:
          'Only 8 h of rest after the shift 2027-03-13 14:00 WIB – 2027-03-13 22:00 WIB; at least 10 h required',
      },
    ]);
    expect(conflictsFor(shift('2027-03-14T08:00', '2027-03-14T14:00'), [before, after])).toEqual([]);
  });

  it('counts a shift that starts as another ends as no rest, not a double booking', () => {
    const first = shift('2027-03-14T06:00', '2027-03-14T10:00');
    const conflicts = conflictsFor(shift('2027-03-14T10:00', '2027-03-14T12:00'), [first]);
    expect(conflicts.map((c) => c.kind)).toEqual(['insufficient_rest']);
    expect(conflicts[0]).toMatchObject({ restMinutes: 0, message: /^Only 0 h of rest after the shift/ });
  });

  it('uses the configured rest', () => {
    const before = shift('2027-03-13T14:00', '2027-03-13T22:00');
    const next = shift('2027-03-14T06:00', '2027-03-14T14:00');
    expect(conflictsFor(next, [before], { ...DEFAULT_CREW_RULES, minRestMinutes: 480 })).toEqual([]);
    expect(conflictsFor(next, [before], { ...DEFAULT_CREW_RULES, minRestMinutes: 540 })).toHaveLength(1);
  });

  it('finds more than the maximum hours in a day', () => {
    const morning = shift('2027-03-14T07:00', '2027-03-14T13:00');
    const conflicts = conflictsFor(shift('2027-03-14T14:00', '2027-03-14T21:00'), [morning], noRestRule);
    expect(conflicts).toEqual([
      {
        kind: 'max_hours_per_day',
        personId: budi,
        shiftIds: [morning.shiftId],
        day: '2027-03-14',
        minutes: 780,
        limitMinutes: 720,
        message: '13 h of work on 2027-03-14 (WIB); at most 12 h a day',
      },
    ]);
    expect(conflictsFor(shift('2027-03-14T14:00', '2027-03-14T20:00'), [morning], noRestRule)).toEqual([]);
  });

  it('counts hours per calendar day in Asia/Jakarta, not in UTC', () => {
    // 20:00–06:00 WIB is 4 h on the 14th and 6 h on the 15th; with 07:00–15:00 WIB that makes 14 h on
    // the 15th. In UTC the night shift (13:00–23:00Z) would all fall on the 14th and nothing would be over.
    const day15 = shift('2027-03-15T07:00', '2027-03-15T15:00');
    const conflicts = conflictsFor(shift('2027-03-14T20:00', '2027-03-15T06:00'), [day15], noRestRule);
    expect(conflicts).toMatchObject([{ kind: 'max_hours_per_day', day: '2027-03-15', minutes: 840 }]);
  });

  it('ignores other people and the shift being moved', () => {
    const sariShift = shift('2027-03-14T08:00', '2027-03-14T18:00', { personId: sari });
    const current = shift('2027-03-14T08:00', '2027-03-14T18:00');
    const moved = { ...current, startsAt: '2027-03-14T09:00:00+07:00' };
    expect(conflictsFor(moved, [sariShift, current])).toEqual([]);
  });

  it('refuses a shift that ends before it starts', () => {
    expect(() => conflictsFor(shift('2027-03-14T18:00', '2027-03-14T08:00'), [])).toThrow(
      expect.objectContaining({ code: 'VALIDATION', field: 'endsAt' }),
    );
  });

  it('gives the same answers from an index kept up to date as from the list', () => {
    const shifts = [
      shift('2027-03-13T14:00', '2027-03-13T22:00'),
      shift('2027-03-14T17:00', '2027-03-14T23:00', { productionId: gala }),
      shift('2027-03-14T08:00', '2027-03-14T12:00', { personId: sari }),
    ];
    const [first, ...rest] = shifts;
    const index = rest.reduce(withShift, indexShifts([first!]));
    const candidate = shift('2027-03-14T06:00', '2027-03-14T18:00');
    expect(conflictsFor(candidate, index)).toEqual(conflictsFor(candidate, shifts));
    expect(conflictsFor(candidate, index).map((c) => c.kind)).toEqual([
      'insufficient_rest',
      'double_booking',
      'max_hours_per_day',
    ]);
    // A shift handed to Sari leaves Budi's list.
    const handedOver = withShift(index, { ...shifts[1]!, personId: sari });
    expect(conflictsFor(candidate, handedOver).map((c) => c.kind)).toEqual(['insufficient_rest']);
  });
});
