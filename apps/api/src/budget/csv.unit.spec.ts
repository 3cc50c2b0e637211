import type { Budget } from '@panggung/contracts';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { budgetCsv } from './csv.ts';

const budget: Budget = {
  productionId: '00000000-0000-4000-8000-000000000001',
  currency: 'IDR',
  version: 3,
  lines: [
    {
      category: 'sound',
      estimate: 300_000_000,
      committed: 335_220_000,
      actual: 0,
      variance: -35_220_000,
      status: 'over_approved',
      alerts: ['committed_over_estimate'],
      approval: {
        reason: '=HYPERLINK("http://evil.test","klik")',
        approvedBy: '00000000-0000-4000-8000-000000000002',
        estimate: 300_000_000,
        committed: 335_220_000,
        actual: 0,
      },
    },
  ],
  totals: { estimate: 300_000_000, committed: 335_220_000, actual: 0, variance: -35_220_000 },
};

describe('the budget as CSV', () => {
  it('opens a free-text cell that looks like a formula as text, and keeps amounts numbers', () => {
    const [, sound, total] = parse(budgetCsv(budget, 'id'), { bom: true }) as string[][];
    expect(sound).toEqual([
      'Tata suara',
      '300000000',
      '335220000',
      '0',
      '-35220000',
      'Melebihi (disetujui)',
      `'=HYPERLINK("http://evil.test","klik")`,
    ]);
    expect(total?.[0]).toBe('Total');
  });
});
