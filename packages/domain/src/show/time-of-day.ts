import { ValidationError } from '../core/errors.ts';

const DAY_SECONDS = 24 * 60 * 60;

/** Seconds since midnight of a `HH:mm` or `HH:mm:ss` clock time. */
export function secondsOfDay(time: string, field = 'startsAt'): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(time);
  if (!match) throw new ValidationError(`"${time}" is not a clock time (HH:mm or HH:mm:ss)`, field);
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0);
}

/**
 * The offset of `timeZone` from UTC at the instant `ms`, in ms (Asia/Jakarta: +7 h all year). Read from
 * the time zone data Intl carries, which is data, not a clock.
 */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new ValidationError(`"${timeZone}" is not a known time zone`, 'timeZone');
  }
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(format.formatToParts(ms).find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - (ms - (ms % 1000));
}

/**
 * The instant (ms since the epoch) of the clock time `seconds` after midnight on the calendar day `day`
 * (`YYYY-MM-DD`) in `timeZone`; `seconds` may pass 24 h for times after midnight.
 *
 * @example
 * zonedInstant('2027-03-14', 19 * 3600, 'Asia/Jakarta') // Date.parse('2027-03-14T12:00:00Z')
 */
export function zonedInstant(day: string, seconds: number, timeZone: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new ValidationError(`"${day}" is not a calendar day (YYYY-MM-DD)`, 'showDay');
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + seconds * 1000;
  // Two passes find the offset in force at the instant itself, not at the wall time read as UTC.
  const first = wall - zoneOffsetMs(timeZone, wall);
  return wall - zoneOffsetMs(timeZone, first);
}

/**
 * The clock time `time` read forward from `afterSeconds` (seconds since the show day's midnight): the
 * first occurrence at or after it, so `00:30` after `23:00` lands on the next day (24.5 h).
 */
export function secondsOnOrAfter(time: string, afterSeconds: number): number {
  const clock = secondsOfDay(time);
  const days = Math.max(0, Math.ceil((afterSeconds - clock) / DAY_SECONDS));
  return clock + days * DAY_SECONDS;
}
