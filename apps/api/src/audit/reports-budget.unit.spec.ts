import type { BudgetReport } from '@panggung/contracts';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { budgetReportCsv } from './reports-budget.ts';

const vendor = { id: '55555555-5555-4555-8555-555555555555', name: 'PT Suara Prima Audio' };
const budi = { id: '77777777-7777-4777-8777-777777777777', name: 'Budi Santoso' };
const report: BudgetReport = {
  productionId: '11111111-1111-4111-8111-111111111111',
  productionName: 'Senandung Senja',
  currency: 'IDR',
  timeZone: 'Asia/Jakarta',
  asOf: { kind: 'closed', at: '2027-03-20T10:00:00.000Z', position: '900:1234' },
  categories: [
    {
      category: 'sound',
      estimate: 100_000_000,
      committed: 108_800_000,
      actual: 46_900_000,
      variance: -8_800_000,
      variancePercent: -8.8,
      actualVariance: 53_100_000,
      actualVariancePercent: 53.1,
      status: 'over_approved',
      items: [
        {
          kind: 'contract',
          contractId: '66666666-6666-4666-8666-666666666661',
          title: '=HYPERLINK("x") sound',
          vendor,
          committed: 108_800_000,
          actual: 44_400_000,
        },
        { kind: 'other_payments', title: '', committed: 0, actual: 2_500_000 },
      ],
      approvals: [
        {
          approvedBy: budi,
          at: '2027-03-05T17:30:00.000Z',
          reason: 'Tambahan delay tower, "disetujui" klien',
          estimate: 100_000_000,
          committed: 108_800_000,
          actual: 44_400_000,
          inForce: true,
        },
      ],
    },
  ],
  totals: {
    estimate: 100_000_000,
    committed: 108_800_000,
    actual: 46_900_000,
    variance: -8_800_000,
    variancePercent: -8.8,
    actualVariance: 53_100_000,
    actualVariancePercent: 53.1,
  },
};

const rows = (csv: string) => parse(csv, { bom: true }) as string[][];

describe('the budget-at-close CSV', () => {
  it('says first which state it is, then a row per category, line and approval, and a total', () => {
    const csv = budgetReportCsv(report, 'id');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const [header, ...body] = rows(csv);
    expect(header?.slice(0, 8)).toEqual([
      'Baris',
      'Kategori',
      'Uraian',
      'Vendor',
      'Estimasi (IDR)',
      'Komitmen (IDR)',
      'Realisasi (IDR)',
      'Selisih estimasi − komitmen (IDR)',
    ]);
    expect(body.map((row) => row[0])).toEqual([
      'Keadaan',
      'Kategori',
      'Kontrak',
      'Pembayaran tanpa kontrak',
      'Persetujuan pelampauan',
      'Total',
    ]);
    for (const row of body) expect(row).toHaveLength(header!.length);
    expect(body[0]?.slice(2, 3)).toEqual(['Saat penutupan produksi']);
    expect(body[0]?.[13]).toBe('2027-03-20 17:00:00');
    expect(body[1]?.slice(1, 12)).toEqual([
      'Tata suara',
      '',
      '',
      '100000000',
      '108800000',
      '46900000',
      '-8800000',
      '-8.8',
      '53100000',
      '53.1',
      'Melebihi (disetujui)',
    ]);
    expect(body[4]?.slice(11)).toEqual([
      'Berlaku',
      'Budi Santoso',
      '2027-03-06 00:30:00',
      'Tambahan delay tower, "disetujui" klien',
    ]);
    expect(body[5]?.slice(4, 11)).toEqual([
      '100000000',
      '108800000',
      '46900000',
      '-8800000',
      '-8.8',
      '53100000',
      '53.1',
    ]);
  });

  it('is in English on request, labels a production not yet closed as "as of now", and never runs a formula', () => {
    const open = {
      ...report,
      asOf: { kind: 'now' as const, at: '2027-03-20T10:00:00.000Z', position: null },
    };
    const [header, state, , contract] = rows(budgetReportCsv(open, 'en'));
    expect(header?.[4]).toBe('Estimate (IDR)');
    expect(state?.slice(0, 3)).toEqual(['State', '', 'As of now: the production is not closed yet']);
    expect(contract?.slice(0, 7)).toEqual([
      'Contract',
      'Sound',
      `'=HYPERLINK("x") sound`,
      'PT Suara Prima Audio',
      '',
      '108800000',
      '44400000',
    ]);
  });
});
