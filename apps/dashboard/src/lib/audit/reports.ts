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
