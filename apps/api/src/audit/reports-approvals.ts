import type { ContractView, Locale } from '@panggung/contracts';
import { wallTime } from '@panggung/domain';
import { stringify } from 'csv-stringify/sync';

const HEADER: Record<Locale, string[]> = {
  id: ['Kontrak', 'Vendor', 'Putaran', 'Langkah', 'Hasil', 'Oleh', 'Waktu', 'Alasan / catatan'],
  en: ['Contract', 'Vendor', 'Round', 'Step', 'Outcome', 'By', 'When', 'Reason / note'],
};

/**
 * The approval history of every contract as CSV: one row per step of each chain (who, when, which step,
 * what came of it), contracts in the order given, each chain in the order it happened. Step and outcome
 * are the API's codes (`budget_check`, `approved`), stable for a spreadsheet filter in either language;
 * times are wall time in `timeZone`. UTF-8 with BOM; free text cannot run as a formula.
 */
export function approvalHistoryCsv(
  contracts: readonly Pick<ContractView, 'title' | 'vendor' | 'timeline'>[],
  timeZone: string,
  locale: Locale,
): string {
  const rows = contracts.flatMap((contract) =>
    contract.timeline.map((entry) => [
      contract.title,
      contract.vendor.name,
      entry.round,
      entry.step ?? '',
      entry.outcome,
      entry.by?.name ?? '',
      wallTime(entry.at, timeZone),
      entry.reason ?? entry.note ?? '',
    ]),
  );
  return stringify([HEADER[locale], ...rows], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}
