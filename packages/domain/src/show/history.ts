import { zonedInstant } from './time-of-day.ts';

const DAY_SECONDS = 24 * 3600;

/**
 * The span of a show day's history: its calendar day in the show's zone, stretched to the show stream's
 * own span (a show may run past midnight, and a rehearsal run may be recorded on another day).
 */
export interface ShowDayWindow {
  readonly fromMs: number;
  readonly toMs: number;
}

export function showDayWindow(showDay: string, timeZone: string, show?: ShowDayWindow): ShowDayWindow {
  const fromMs = zonedInstant(showDay, 0, timeZone);
  const toMs = zonedInstant(showDay, DAY_SECONDS, timeZone);
  return show ? { fromMs: Math.min(fromMs, show.fromMs), toMs: Math.max(toMs, show.toMs) } : { fromMs, toMs };
}

/**
 * Whether an incident or check-in event belongs to the show day's replay: a check-in or arrival names its
 * day; an incident's change happened (`at`) within the window.
 *
 * @example inShowDay({ type: 'CrewCheckedIn', data: { day: '2027-03-14', … } }, '2027-03-14', window) // true
 */
export function inShowDay(
  event: { readonly type: string; readonly data: unknown },
  showDay: string,
  window: ShowDayWindow,
): boolean {
  const data = (event.data ?? {}) as { day?: unknown; at?: unknown };
  if (typeof data.day === 'string') return data.day === showDay;
  if (typeof data.at !== 'string') return false;
  const at = Date.parse(data.at);
  return at >= window.fromMs && at <= window.toMs;
}
