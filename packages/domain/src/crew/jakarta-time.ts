/**
 * Calendar days and clock times in Asia/Jakarta (WIB) from UTC instants.
 *
 * Asia/Jakarta is UTC+07:00 all year: Indonesia has no daylight saving time (none since 1964), so a
 * fixed offset gives the right day boundaries and no Intl time zone database is needed. Productions in
 * WITA or WIT would need their own offset.
 */
export const JAKARTA_OFFSET_MS = 7 * 60 * 60_000;
export const DAY_MS = 24 * 60 * 60_000;

/** The instant (ms since the epoch) at which the Jakarta calendar day holding `ms` begins. */
export function jakartaDayStart(ms: number): number {
  return Math.floor((ms + JAKARTA_OFFSET_MS) / DAY_MS) * DAY_MS - JAKARTA_OFFSET_MS;
}

/** The Jakarta calendar day holding `ms`, as `YYYY-MM-DD`. */
export function jakartaDay(ms: number): string {
  return new Date(ms + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm WIB`, for messages. */
export function formatJakarta(ms: number): string {
  return `${new Date(ms + JAKARTA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')} WIB`;
}
