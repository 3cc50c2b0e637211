import type { Budget, BudgetLineStatus, Locale, VendorCategory } from '@panggung/contracts';
import { stringify } from 'csv-stringify/sync';

export const CATEGORY: Record<Locale, Record<VendorCategory, string>> = {
  id: {
    sound: 'Tata suara',
    lighting: 'Tata cahaya',
    staging: 'Panggung & rigging',
    led_screens: 'Layar LED',
    catering: 'Katering',
    security: 'Keamanan',
    venue: 'Tempat',
    transport: 'Transportasi',
    other: 'Lainnya',
  },
  en: {
    sound: 'Sound',
    lighting: 'Lighting',
    staging: 'Staging & rigging',
    led_screens: 'LED screens',
    catering: 'Catering',
    security: 'Security',
    venue: 'Venue',
    transport: 'Transport',
    other: 'Other',
  },
};

export const STATUS: Record<Locale, Record<BudgetLineStatus, string>> = {
  id: { within: 'Sesuai anggaran', over: 'Melebihi anggaran', over_approved: 'Melebihi (disetujui)' },
  en: { within: 'Within budget', over: 'Over budget', over_approved: 'Over (approved)' },
};

const HEADER: Record<Locale, string[]> = {
  id: [
    'Kategori',
    'Estimasi (IDR)',
    'Komitmen (IDR)',
    'Realisasi (IDR)',
    'Selisih (IDR)',
    'Status',
    'Alasan persetujuan',
  ],
  en: [
    'Category',
    'Estimate (IDR)',
    'Committed (IDR)',
    'Actual (IDR)',
    'Variance (IDR)',
    'Status',
    'Approval reason',
  ],
};

const TOTAL: Record<Locale, string> = { id: 'Total', en: 'Total' };

/**
 * The budget as CSV for Excel: a UTF-8 byte order mark (so Excel reads "Rp" and accents right), one row
 * per category and a total row; amounts as plain whole rupiah so they stay numbers in a spreadsheet.
 * Quoting and escaping are csv-stringify's (a reason with a comma, quote or line break stays one cell).
 *
 * @example
 * reply.type('text/csv; charset=utf-8').send(budgetCsv(budget, 'id'));
 */
export function budgetCsv(budget: Budget, locale: Locale): string {
  const rows = budget.lines.map((line) => [
    CATEGORY[locale][line.category],
    line.estimate,
    line.committed,
    line.actual,
    line.variance,
    STATUS[locale][line.status],
    line.approval?.reason ?? '',
  ]);
  const { estimate, committed, actual, variance } = budget.totals;
  rows.push([TOTAL[locale], estimate, committed, actual, variance, '', '']);
  // escape_formulas: a free-text cell (an overrun's reason) that starts with = + - @ is opened by a
  // spreadsheet as text, never run as a formula.
  return stringify([HEADER[locale], ...rows], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}
