import type { CueStatus, Locale } from '@panggung/contracts';
import type { ShowReport } from '@panggung/domain';
import { stringify } from 'csv-stringify/sync';

const HEADER: Record<Locale, string[]> = {
  id: [
    'No.',
    'Cue',
    'Status',
    'Mulai rencana',
    'Durasi rencana (detik)',
    'Mulai aktual',
    'Selesai aktual',
    'Durasi aktual (detik)',
    'Selisih (detik)',
  ],
  en: [
    'No.',
    'Cue',
    'Status',
    'Planned start',
    'Planned duration (s)',
    'Actual start',
    'Actual end',
    'Actual duration (s)',
    'Over/under (s)',
  ],
};

const STATUS: Record<Locale, Record<CueStatus, string>> = {
  id: { pending: 'Tidak berjalan', live: 'Berjalan', done: 'Selesai', skipped: 'Dilewati' },
  en: { pending: 'Not run', live: 'Live', done: 'Done', skipped: 'Skipped' },
};

const TOTAL: Record<Locale, string> = { id: 'Total', en: 'Total' };

/**
 * The planned-vs-actual report as CSV for Excel: UTF-8 with a byte order mark, Windows line ends, a row per
 * cue and a total row. A cue title starting with = + - @ stays text (`escape_formulas`).
 */
export function showReportCsv(report: ShowReport, locale: Locale): string {
  const blank = (value: string | number | undefined) => value ?? '';
  const rows = report.rows.map((row) => [
    row.number,
    row.title,
    STATUS[locale][row.status],
    row.plannedStart,
    row.plannedSeconds,
    blank(row.actualStart),
    blank(row.actualEnd),
    blank(row.actualSeconds),
    blank(row.overUnderSeconds),
  ]);
  const { plannedSeconds, actualSeconds, overUnderSeconds } = report.total;
  rows.push(['', TOTAL[locale], '', '', plannedSeconds, '', '', actualSeconds, overUnderSeconds]);
  return stringify([HEADER[locale], ...rows], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}
