import type { CrewRules, Shift, ShiftConflict } from '@panggung/contracts';
import { ValidationError } from '../core/errors.ts';
import { DAY_MS, formatJakarta, jakartaDay, jakartaDayStart } from './jakarta-time.ts';

const MINUTE = 60_000;

/** Ten hours of rest between shifts and at most twelve hours of work a day. */
export const DEFAULT_CREW_RULES: CrewRules = { minRestMinutes: 600, maxMinutesPerDay: 720 };

interface TimedShift {
  readonly shift: Shift;
  readonly start: number;
  readonly end: number;
}

interface PersonShifts {
  /** Sorted by start. */
  readonly shifts: readonly TimedShift[];
  /** The longest of them, so a backwards scan knows when no earlier shift can reach the window. */
  readonly longest: number;
}

/** The organisation's shifts by person, each person's sorted by start: built once, then kept up to date. */
export interface ShiftIndex {
  readonly byPerson: ReadonlyMap<string, PersonShifts>;
}

/** Indexes shifts by person, sorted by start (O(n log n)). */
export function indexShifts(shifts: readonly Shift[]): ShiftIndex {
  const groups = new Map<string, TimedShift[]>();
  for (const shift of shifts) {
    const timed = timedShift(shift);
    const list = groups.get(shift.personId);
    if (list) list.push(timed);
    else groups.set(shift.personId, [timed]);
  }
  const byPerson = new Map<string, PersonShifts>();
  for (const [personId, list] of groups) {
    list.sort((a, b) => a.start - b.start);
    byPerson.set(personId, { shifts: list, longest: Math.max(...list.map((s) => s.end - s.start)) });
  }
  return { byPerson };
}

/**
 * A new index with `shift` added, or replacing the shift with the same id (a reschedule). Copies only
 * the lists that change (a shift given to someone else leaves its former person's list).
 */
export function withShift(index: ShiftIndex, shift: Shift): ShiftIndex {
  const timed = timedShift(shift);
  const current = index.byPerson.get(shift.personId)?.shifts ?? [];
  const shifts = current.filter((s) => s.shift.shiftId !== shift.shiftId);
  shifts.splice(firstStartingAtOrAfter(shifts, timed.start), 0, timed);
  const byPerson = new Map(index.byPerson);
  for (const [personId, entry] of byPerson)
    if (personId !== shift.personId && entry.shifts.some((s) => s.shift.shiftId === shift.shiftId))
      byPerson.set(personId, withoutShift(entry, shift.shiftId));
  byPerson.set(shift.personId, { shifts, longest: Math.max(...shifts.map((s) => s.end - s.start)) });
  return { byPerson };
}

/**
 * What is wrong with assigning `shift`, given the organisation's other shifts (all productions): double
 * booking, too little rest before or after it, too many hours on a Jakarta calendar day it touches.
 * An existing shift with the same id is the one being moved and is ignored. Empty when all is well.
 * Looks only at that person's shifts near the new one: O(log k + nearby) with an index.
 *
 * @example
 * conflictsFor(shift, indexShifts(existing), DEFAULT_CREW_RULES); // [{ kind: 'double_booking', … }]
 */
export function conflictsFor(
  shift: Shift,
  existing: ShiftIndex | readonly Shift[],
  rules: CrewRules = DEFAULT_CREW_RULES,
): ShiftConflict[] {
  const { start, end } = timedShift(shift);
  const person = isIndex(existing)
    ? existing.byPerson.get(shift.personId)
    : indexShifts(existing.filter((s) => s.personId === shift.personId)).byPerson.get(shift.personId);
  const restMs = rules.minRestMinutes * MINUTE;
  const firstDay = jakartaDayStart(start);
  const afterLastDay = jakartaDayStart(end - 1) + DAY_MS;
  const from = Math.min(start - restMs, firstDay);
  const until = Math.max(end + restMs, afterLastDay);

  const nearby: TimedShift[] = [];
  if (person) {
    // Sorted by start: walk back from the first shift starting at or after `until`, and stop once even
    // the longest shift starting there would end before `from`.
    for (let i = firstStartingAtOrAfter(person.shifts, until) - 1; i >= 0; i--) {
      const other = person.shifts[i]!;
      if (other.start + person.longest <= from) break;
      if (other.end > from && other.shift.shiftId !== shift.shiftId) nearby.push(other);
    }
    nearby.reverse();
  }

  const conflicts: ShiftConflict[] = [];
  const { personId } = shift;
  for (const other of nearby) {
    const when = `${formatJakarta(other.start)} – ${formatJakarta(other.end)}`;
    if (other.start < end && other.end > start) {
      conflicts.push({
        kind: 'double_booking',
        personId,
        shiftIds: [other.shift.shiftId],
        productionId: other.shift.productionId,
        message: `Already booked ${when} (production ${other.shift.productionId}, ${other.shift.location})`,
      });
      continue;
    }
    const gap = other.end <= start ? start - other.end : other.start - end;
    if (gap < restMs)
      conflicts.push({
        kind: 'insufficient_rest',
        personId,
        shiftIds: [other.shift.shiftId],
        restMinutes: gap / MINUTE,
        requiredMinutes: rules.minRestMinutes,
        message: `Only ${hours(gap / MINUTE)} of rest ${other.end <= start ? 'after' : 'before'} the shift ${when}; at least ${hours(rules.minRestMinutes)} required`,
      });
  }

  for (let day = firstDay; day < afterLastDay; day += DAY_MS) {
    const dayEnd = day + DAY_MS;
    let minutes = overlapMinutes(start, end, day, dayEnd);
    const shiftIds: string[] = [];
    for (const other of nearby) {
      const part = overlapMinutes(other.start, other.end, day, dayEnd);
      if (part > 0) {
        minutes += part;
        shiftIds.push(other.shift.shiftId);
      }
    }
    if (minutes > rules.maxMinutesPerDay)
      conflicts.push({
        kind: 'max_hours_per_day',
        personId,
        shiftIds,
        day: jakartaDay(day),
        minutes,
        limitMinutes: rules.maxMinutesPerDay,
        message: `${hours(minutes)} of work on ${jakartaDay(day)} (WIB); at most ${hours(rules.maxMinutesPerDay)} a day`,
      });
  }
  return conflicts;
}

function timedShift(shift: Shift): TimedShift {
  const start = Date.parse(shift.startsAt);
  const end = Date.parse(shift.endsAt);
  if (Number.isNaN(start)) throw new ValidationError('The shift start is not an instant', 'startsAt');
  if (Number.isNaN(end)) throw new ValidationError('The shift end is not an instant', 'endsAt');
  if (end <= start) throw new ValidationError('A shift must end after it starts', 'endsAt');
  return { shift, start, end };
}

function isIndex(existing: ShiftIndex | readonly Shift[]): existing is ShiftIndex {
  return !Array.isArray(existing);
}

function withoutShift(entry: PersonShifts, shiftId: string): PersonShifts {
  const shifts = entry.shifts.filter((s) => s.shift.shiftId !== shiftId);
  return { shifts, longest: entry.longest };
}

/** Binary search: the position of the first shift starting at or after `ms`. */
function firstStartingAtOrAfter(shifts: readonly TimedShift[], ms: number): number {
  let lo = 0;
  let hi = shifts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (shifts[mid]!.start < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function overlapMinutes(start: number, end: number, from: number, until: number): number {
  return Math.max(0, Math.min(end, until) - Math.max(start, from)) / MINUTE;
}

function hours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
