/**
 * Dates and times as people at the venue read them: always in the production's own time zone (Asia/Jakarta
 * unless said otherwise), never the browser's, with the Indonesian zone label (WIB, WITA, WIT) in both
 * languages, because that is how schedules in Indonesia are written.
 */
export type DateLocale = 'id' | 'en';

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

const intlLocale = (locale: DateLocale) => (locale === 'id' ? 'id-ID' : 'en-GB');

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: DateLocale, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone });
    formatters.set(key, found);
  }
  return found;
}

const DATE: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
};
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** The zone's short name as Indonesians write it: `WIB` for Asia/Jakarta, `WITA`, `WIT`; else `GMT+x`. */
export function timeZoneLabel(timeZone: string, at: Date = new Date(0)): string {
  const part = formatter('id', timeZone, { timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** The calendar day of an instant in a zone, as `YYYY-MM-DD`, to tell whether two instants share a day. */
export function dayInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `Min, 14 Mar 2027` / `Sun, 14 Mar 2027` in the zone. */
export function formatDate(iso: string, timeZone: string, locale: DateLocale): string {
  return formatter(locale, timeZone, DATE).format(new Date(iso));
}

/** `16.00` / `16:00` in the zone (24-hour, as schedules are written). */
export function formatTime(iso: string, timeZone: string, locale: DateLocale): string {
  return formatter(locale, timeZone, TIME).format(new Date(iso));
}

/**
 * A production's dates: one day as `Min, 14 Mar 2027 · 16.00–23.30 WIB`; a show that runs past midnight
 * names both days, `Min, 14 Mar 2027 · 20.00 – Sen, 15 Mar 2027 · 01.30 WIB`.
 */
export function formatDateRange(
  startIso: string,
  endIso: string,
  timeZone: string,
  locale: DateLocale,
): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  const zone = timeZoneLabel(timeZone, start);
  const startDate = formatDate(startIso, timeZone, locale);
  const startTime = formatTime(startIso, timeZone, locale);
  const endTime = formatTime(endIso, timeZone, locale);
  if (dayInZone(start, timeZone) === dayInZone(end, timeZone))
    return `${startDate} · ${startTime}–${endTime} ${zone}`;
  return `${startDate} · ${startTime} – ${formatDate(endIso, timeZone, locale)} · ${endTime} ${zone}`;
}

/**
 * When something happened, for an activity feed: the time with seconds when it was today (in the zone),
 * else the date too. `now` comes in so the function stays pure.
 */
export function formatEventTime(iso: string, timeZone: string, locale: DateLocale, now: Date): string {
  const at = new Date(iso);
  const zone = timeZoneLabel(timeZone, at);
  const time = formatter(locale, timeZone, { ...TIME, second: '2-digit' }).format(at);
  if (dayInZone(at, timeZone) === dayInZone(now, timeZone)) return `${time} ${zone}`;
  const date = formatter(locale, timeZone, { day: 'numeric', month: 'short', year: 'numeric' }).format(at);
  return `${date}, ${time} ${zone}`;
}

/** One instant with its date: `Min, 14 Mar 2027 · 16.00 WIB`. */
export function formatDateTime(iso: string, timeZone: string, locale: DateLocale): string {
  return `${formatDate(iso, timeZone, locale)} · ${formatTime(iso, timeZone, locale)} ${timeZoneLabel(timeZone, new Date(iso))}`;
}

/** The zone's offset from UTC at an instant, in minutes (Asia/Jakarta: 420). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * A wall-clock time typed in a form (`<input type="datetime-local">`, `2027-01-15T17:00`) read in the
 * production's zone, as an instant: `2027-01-15T10:00:00.000Z` for Asia/Jakarta. Undefined when the text
 * is not such a time.
 */
export function zonedLocalToIso(local: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(naive)) return undefined;
  // The offset at the naive instant is right everywhere except in the hour a zone changes its clocks.
  const offset = zoneOffsetMinutes(new Date(naive), timeZone);
  return new Date(naive - offset * 60_000).toISOString();
}

/** An instant as the wall-clock text a `datetime-local` input shows, in the zone. */
export function isoToZonedLocal(iso: string, timeZone: string): string {
  const at = new Date(iso);
  const shifted = new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** A calendar date (`2027-02-15`, a due date) as `Sen, 15 Feb 2027` / `Mon, 15 Feb 2027`. */
export function formatCalendarDate(date: string, locale: DateLocale): string {
  // Noon UTC is the same calendar day in every zone from UTC−11 to UTC+11.
  return formatter(locale, 'UTC', DATE).format(new Date(`${date}T12:00:00Z`));
}
