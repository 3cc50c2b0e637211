import type { CrewSchedule, Role, ScheduledShift, ShiftConflict } from '@panggung/contracts';
import type { Locale, Translate } from '../i18n/translate.ts';

/** Production managers and organisation admins assign shifts and publish call sheets. */
export const canManageCrew = (roles: readonly Role[]): boolean =>
  roles.includes('production_manager') || roles.includes('org_admin');

/** An instant from a Jakarta wall-clock date and time (WIB is UTC+7 all year). */
export function wibInstant(date: string, time: string): string {
  return `${date}T${time}:00+07:00`;
}

/**
 * The instants of a shift typed as WIB times on one day: a start or end earlier than the call, or an end
 * earlier than the start, falls on the next day (a night shift).
 */
export function shiftTimes(
  date: string,
  call: string,
  start: string,
  end: string,
): { callAt: string; startsAt: string; endsAt: string } {
  const next = nextDay(date);
  const startDay = start < call ? next : date;
  const endDay = end <= start ? nextDay(startDay) : startDay;
  return {
    callAt: wibInstant(date, call),
    startsAt: wibInstant(startDay, start),
    endsAt: wibInstant(endDay, end),
  };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Shifts grouped by their Jakarta day, days in order, each day's shifts by call time. */
export function shiftsByDay(schedule: CrewSchedule): { day: string; shifts: ScheduledShift[] }[] {
  const days = new Map<string, ScheduledShift[]>();
  for (const day of schedule.days) days.set(day.day, []);
  for (const shift of schedule.shifts) {
    const list = days.get(shift.day) ?? [];
    list.push(shift);
    days.set(shift.day, list);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, shifts]) => ({
      day,
      shifts: shifts.sort((a, b) => Date.parse(a.callAt) - Date.parse(b.callAt)),
    }));
}

/** The conflicts a refused shift came back with (empty for any other error). */
export function conflictsOf(error: unknown): readonly ShiftConflict[] {
  const conflicts = (error as { code?: string; conflicts?: readonly ShiftConflict[] } | null)?.conflicts;
  return (error as { code?: string } | null)?.code === 'SHIFT_CONFLICT' ? (conflicts ?? []) : [];
}

/** A person's own shifts, for "my calls". */
export const myShifts = (schedule: CrewSchedule, personId: string): ScheduledShift[] =>
  schedule.shifts.filter((shift) => shift.personId === personId);

/** Minutes as hours in the reader's language, e.g. `8,5 jam` / `8.5 h`. */
export function hoursText(minutes: number, t: Translate, locale: Locale): string {
  const hours = (minutes / 60).toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB', {
    maximumFractionDigits: 1,
  });
  return t('crew.hours', { hours });
}

/**
 * A conflict in the reader's language (the API's `message` is English, for logs and the API's users).
 * `productionId` is the schedule's own production, to tell "this production" from another one.
 */
export function conflictText(
  conflict: ShiftConflict,
  productionId: string,
  t: Translate,
  locale: Locale,
): string {
  switch (conflict.kind) {
    case 'double_booking':
      return t(
        conflict.productionId === productionId ? 'crew.conflict.doubleHere' : 'crew.conflict.doubleElsewhere',
      );
    case 'insufficient_rest':
      return t('crew.conflict.rest', {
        rest: hoursText(conflict.restMinutes, t, locale),
        required: hoursText(conflict.requiredMinutes, t, locale),
      });
    case 'max_hours_per_day':
      return t('crew.conflict.maxHours', {
        hours: hoursText(conflict.minutes, t, locale),
        day: conflict.day,
        limit: hoursText(conflict.limitMinutes, t, locale),
      });
    case 'unavailable':
      return t('crew.conflict.unavailable');
    default: {
      const unknown: never = conflict;
      return String(unknown);
    }
  }
}
