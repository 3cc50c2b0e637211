import type { CrewSchedule, ScheduledShift } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate.ts';
import {
  canManageCrew,
  conflictsOf,
  conflictText,
  myShifts,
  shiftsByDay,
  shiftTimes,
  wibInstant,
} from './crew.ts';

const shift = (shiftId: string, day: string, callAt: string, personId = 'eko'): ScheduledShift => ({
  shiftId,
  personId,
  productionId: 'p',
  startsAt: callAt,
  endsAt: callAt,
  callAt,
  location: 'Lapangan Banteng',
  department: 'sound',
  key: false,
  personName: personId,
  day,
  conflicts: [],
});

describe('shift times typed in WIB', () => {
  it('writes a Jakarta wall-clock time as an instant with +07:00', () =>
    expect(wibInstant('2027-03-14', '09:30')).toBe('2027-03-14T09:30:00+07:00'));
  it('keeps a day shift on its day', () =>
    expect(shiftTimes('2027-03-14', '09:00', '10:00', '20:00')).toEqual({
      callAt: '2027-03-14T09:00:00+07:00',
      startsAt: '2027-03-14T10:00:00+07:00',
      endsAt: '2027-03-14T20:00:00+07:00',
    }));
  it('moves the end of a night shift to the next day, also across a month', () =>
    expect(shiftTimes('2027-03-31', '21:00', '22:00', '04:00')).toEqual({
      callAt: '2027-03-31T21:00:00+07:00',
      startsAt: '2027-03-31T22:00:00+07:00',
      endsAt: '2027-04-01T04:00:00+07:00',
    }));
});

describe('the schedule view', () => {
  const schedule = {
    days: [
      { day: '2027-03-14', status: 'published', version: 1, pending: 1 },
      { day: '2027-03-13', status: 'draft', version: 0, pending: 0 },
    ],
    shifts: [
      shift('b', '2027-03-14', '2027-03-14T10:00:00+07:00'),
      shift('a', '2027-03-14', '2027-03-14T08:00:00+07:00', 'fajar'),
      shift('c', '2027-03-13', '2027-03-13T08:00:00+07:00'),
    ],
  } as unknown as CrewSchedule;
  it('groups shifts by day in order, by call time within a day', () =>
    expect(shiftsByDay(schedule).map(({ day, shifts }) => [day, shifts.map((s) => s.shiftId)])).toEqual([
      ['2027-03-13', ['c']],
      ['2027-03-14', ['a', 'b']],
    ]));
  it('finds one’s own shifts', () =>
    expect(myShifts(schedule, 'fajar').map((s) => s.shiftId)).toEqual(['a']));
  it('lets only managers and admins manage', () => {
    expect(canManageCrew(['production_manager'])).toBe(true);
    expect(canManageCrew(['crew', 'show_caller'])).toBe(false);
  });
  it('reads the conflicts of a refused shift, and none from other errors', () => {
    const conflicts = [
      { kind: 'double_booking', personId: 'eko', shiftIds: ['x'], productionId: 'q', message: 'm' },
    ];
    expect(conflictsOf({ code: 'SHIFT_CONFLICT', conflicts })).toEqual(conflicts);
    expect(conflictsOf({ code: 'VALIDATION', conflicts })).toEqual([]);
    expect(conflictsOf(undefined)).toEqual([]);
  });
});

describe('conflicts in the reader’s language', () => {
  const base = { personId: 'eko', shiftIds: ['x'], message: 'English for the API' };
  it('tells this production from another', () => {
    const t = translator('id');
    expect(conflictText({ ...base, kind: 'double_booking', productionId: 'p' }, 'p', t, 'id')).toBe(
      'Bertabrakan dengan shift lain orang ini di produksi ini',
    );
    expect(conflictText({ ...base, kind: 'double_booking', productionId: 'q' }, 'p', t, 'id')).toBe(
      'Bertabrakan dengan shift orang ini di produksi lain',
    );
  });
  it('writes hours with the language’s decimal sign', () => {
    const conflict = {
      ...base,
      kind: 'insufficient_rest' as const,
      restMinutes: 510,
      requiredMinutes: 600,
    };
    expect(conflictText(conflict, 'p', translator('id'), 'id')).toBe(
      'Istirahat antar-shift hanya 8,5 jam; minimal 10 jam',
    );
    expect(conflictText(conflict, 'p', translator('en'), 'en')).toBe(
      'Only 8.5 h of rest between shifts; at least 10 h',
    );
    expect(
      conflictText(
        { ...base, kind: 'max_hours_per_day', day: '2027-03-14', minutes: 780, limitMinutes: 720 },
        'p',
        translator('en'),
        'en',
      ),
    ).toBe('13 h of work on 2027-03-14; at most 12 h a day');
    expect(conflictText({ ...base, kind: 'unavailable', periodId: 'u' }, 'p', translator('en'), 'en')).toBe(
      'The person marked this time as unavailable',
    );
  });
});
