/** The minus sign (not a hyphen), so "−05:00" reads as a negative amount to screen readers and eyes. */
export const MINUS = '\u2212';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A length of time as a show clock shows it: `05:07` under an hour, `1:02:03` from an hour on (hours are
 * not capped at 24), whole seconds, a minus sign when negative.
 *
 * @example
 * formatDuration(307) // '05:07'
 * formatDuration(-3723) // '−1:02:03'
 */
export function formatDuration(seconds: number): string {
  const whole = Math.round(Math.abs(seconds));
  const sign = seconds < 0 && whole > 0 ? MINUS : '';
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return h > 0 ? `${sign}${h}:${pad(m)}:${pad(s)}` : `${sign}${pad(m)}:${pad(s)}`;
}

export type OverUnderKind = 'over' | 'under' | 'on_time';

/**
 * How far the show runs behind (over: later than planned, `+`) or ahead (under: earlier, `−`); within half
 * a second it is on time. The kind carries the meaning, so a screen says it in words, not only in colour.
 *
 * @example
 * overUnder(135) // { kind: 'over', text: '+02:15' }
 */
export function overUnder(seconds: number): { readonly kind: OverUnderKind; readonly text: string } {
  const whole = Math.round(seconds);
  if (whole === 0) return { kind: 'on_time', text: formatDuration(0) };
  return whole > 0
    ? { kind: 'over', text: `+${formatDuration(whole)}` }
    : { kind: 'under', text: formatDuration(whole) };
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock in the production's time zone, `21:04:09` (24-hour, with seconds, as on a show clock). */
export function clockText(ms: number, timeZone: string): string {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    clockFormats.set(timeZone, format);
  }
  return format.format(new Date(ms));
}
