import type { BudgetReport, BudgetReportFigures, Locale } from '@panggung/contracts';
import { wallTime } from '@panggung/domain';
import { stringify } from 'csv-stringify/sync';
import { CATEGORY, STATUS } from '../budget/csv.ts';

const header = (locale: Locale, currency: string): string[] =>
  locale === 'id'
    ? [
        'Baris',
        'Kategori',
        'Uraian',
        'Vendor',
        `Estimasi (${currency})`,
        `Komitmen (${currency})`,
        `Realisasi (${currency})`,
        `Selisih estimasi − komitmen (${currency})`,
        'Selisih estimasi − komitmen (%)',
        `Selisih estimasi − realisasi (${currency})`,
        'Selisih estimasi − realisasi (%)',
        'Status',
        'Disetujui oleh',
        'Waktu',
        'Alasan',
      ]
    : [
        'Row',
        'Category',
        'Item',
        'Vendor',
        `Estimate (${currency})`,
        `Committed (${currency})`,
        `Actual (${currency})`,
        `Variance estimate − committed (${currency})`,
        'Variance estimate − committed (%)',
        `Variance estimate − actual (${currency})`,
        'Variance estimate − actual (%)',
        'Status',
        'Approved by',
        'When',
        'Reason',
      ];

const TEXT = {
  id: {
    asOf: 'Keadaan',
    closed: 'Saat penutupan produksi',
    now: 'Sekarang: produksi belum ditutup',
    category: 'Kategori',
    contract: 'Kontrak',
    other: 'Pembayaran tanpa kontrak',
    approval: 'Persetujuan pelampauan',
    inForce: 'Berlaku',
    lapsed: 'Tidak berlaku lagi',
    total: 'Total',
  },
  en: {
    asOf: 'State',
    closed: 'At the production’s close',
    now: 'As of now: the production is not closed yet',
    category: 'Category',
    contract: 'Contract',
    other: 'Payments without a contract',
    approval: 'Overrun approval',
    inForce: 'In force',
    lapsed: 'No longer in force',
    total: 'Total',
  },
} as const;

type Cell = string | number;

const figureCells = (f: BudgetReportFigures): Cell[] => [
  f.estimate,
  f.committed,
  f.actual,
  f.variance,
  f.variancePercent ?? '',
  f.actualVariance,
  f.actualVariancePercent ?? '',
];

/**
 * The budget at close as CSV: a first row saying which state it is (at the production's close, or as of
 * now while it is not closed, with the wall time in the production's zone), then per category its row,
 * its lines (contracts, payments without a contract) and its approved overruns, and a total row. The row
 * kind is the first column, so a spreadsheet filter on it sums categories without counting lines twice.
 * Amounts are plain whole units of the currency named in the header; percentages have one decimal.
 * UTF-8 with BOM, Windows line ends, free text never a formula (`escape_formulas`).
 */
export function budgetReportCsv(report: BudgetReport, locale: Locale): string {
  const text = TEXT[locale];
  const when = (instant: string) => wallTime(instant, report.timeZone);
  const rows: Cell[][] = [
    [
      text.asOf,
      '',
      report.asOf.kind === 'closed' ? text.closed : text.now,
      '',
      ...Array<Cell>(7).fill(''),
      '',
      '',
      when(report.asOf.at),
      '',
    ],
  ];
  for (const line of report.categories) {
    const category = CATEGORY[locale][line.category];
    rows.push([
      text.category,
      category,
      '',
      '',
      ...figureCells(line),
      STATUS[locale][line.status],
      '',
      '',
      '',
    ]);
    for (const item of line.items)
      rows.push([
        item.kind === 'contract' ? text.contract : text.other,
        category,
        item.title,
        item.vendor?.name ?? '',
        '',
        item.committed,
        item.actual,
        ...Array<Cell>(4).fill(''),
        '',
        '',
        '',
        '',
      ]);
    for (const approval of line.approvals)
      rows.push([
        text.approval,
        category,
        '',
        '',
        ...Array<Cell>(7).fill(''),
        approval.inForce ? text.inForce : text.lapsed,
        approval.approvedBy.name,
        when(approval.at),
        approval.reason,
      ]);
  }
  rows.push([text.total, '', '', '', ...figureCells(report.totals), '', '', '', '']);
  return stringify([header(locale, report.currency), ...rows], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}
