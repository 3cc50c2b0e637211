import type { Locale, ShowHistory } from '@panggung/contracts';
import { showReport, type ShowReport } from '@panggung/domain';
import { replayShowView, replayTimeline } from '../show/replay.ts';

const enc = encodeURIComponent;

/** The planned-vs-actual CSV of a show day, in `lang` (a plain link: the session cookie goes with it). */
export const showReportCsvHref = (productionId: string, day: string, lang: Locale) =>
  `/api/productions/${enc(productionId)}/shows/${enc(day)}/report.csv?lang=${lang}`;

/** The approval history of every contract as CSV, in `lang`. */
export const approvalsCsvHref = (productionId: string, lang: Locale) =>
  `/api/productions/${enc(productionId)}/reports/approvals.csv?lang=${lang}`;

/** The budget at close (per category, line and approved overrun) as CSV, in `lang`. */
export const budgetReportCsvHref = (productionId: string, lang: Locale) =>
  `/api/productions/${enc(productionId)}/reports/budget.csv?lang=${lang}`;

/** Whole currency units as the report's language writes them: id `Rp 12.500.000`, en `IDR 12,500,000`. */
export function formatReportAmount(amount: number, lang: Locale, currency = 'IDR'): string {
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    style: 'currency',
    currency,
    currencyDisplay: lang === 'id' ? 'symbol' : 'code',
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(amount);
}

/** A variance in per cent, signed, one decimal at most (id `−8,8%`, en `-8.8%`); `—` without an estimate. */
export function formatVariancePercent(percent: number | null, lang: Locale): string {
  if (percent === null) return '—';
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(percent / 100);
}

/**
 * Prints one report alone: the page marks which (`<html data-printing="…">`), so each report's print
 * styles hide the others, and the mark goes once the print dialog closes.
 */
export function printReport(name: string, win: Window = window): void {
  const root = win.document.documentElement;
  root.dataset['printing'] = name;
  win.addEventListener('afterprint', () => delete root.dataset['printing'], { once: true });
  win.print();
}

/**
 * The printable planned-vs-actual report, from the day's record: the show as it stood at its last event,
 * timed by the same `showTiming` as the CSV. Undefined before the show started.
 *
 * @example showReportOf(await getShowHistory(id, day))?.total.overUnderSeconds
 */
export function showReportOf(history: ShowHistory): ShowReport | undefined {
  const { events, range } = replayTimeline(history.events);
  if (!range) return undefined;
  const view = replayShowView(events, range.endMs, { ...history, departments: [] });
  return view ? showReport(view.timing, view.run.timeZone) : undefined;
}

/** Seconds as a signed `+m:ss` / `−m:ss` for the report's over/under column. */
export function signedMinutes(seconds: number | undefined): string {
  if (seconds === undefined) return '—';
  const sign = seconds > 0 ? '+' : seconds < 0 ? '−' : '±';
  const abs = Math.abs(Math.round(seconds));
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}
