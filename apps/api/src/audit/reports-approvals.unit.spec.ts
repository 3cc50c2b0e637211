import type { TimelineEntry } from '@panggung/contracts';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { approvalHistoryCsv } from './reports-approvals.ts';

const ayu = { id: '6a1f0c2e-0000-4000-8000-0000000000a1', name: 'Ayu Lestari' };
const maya = { id: '6a1f0c2e-0000-4000-8000-0000000000a2', name: 'Maya, klien' };
const entry = (e: Partial<TimelineEntry> & Pick<TimelineEntry, 'outcome' | 'at'>): TimelineEntry => ({
  type: 'x',
  round: 1,
  version: 1,
  ...e,
});
const contract = {
  title: 'Tata cahaya',
  vendor: { id: '6a1f0c2e-0000-4000-8000-0000000000b1', name: 'CV Cahaya Panggung' },
  timeline: [
    entry({ outcome: 'submitted', step: 'submission', by: ayu, at: '2027-03-01T03:00:00Z' }),
    entry({ outcome: 'approved', step: 'manager_review', by: ayu, at: '2027-03-01T04:00:00Z' }),
    entry({
      outcome: 'rejected',
      step: 'client_approval',
      by: maya,
      at: '2027-03-01T17:30:00Z',
      reason: '=1+1 terlalu mahal, "kurangi"',
    }),
  ],
};

describe('the approval history CSV', () => {
  it('has a row per step: who, when (WIB), which step, what came of it', () => {
    const rows = parse(approvalHistoryCsv([contract], 'Asia/Jakarta', 'id'), { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      'Kontrak',
      'Vendor',
      'Putaran',
      'Langkah',
      'Hasil',
      'Oleh',
      'Waktu',
      'Alasan / catatan',
    ]);
    expect(rows.slice(1).map((row) => row.slice(3, 7))).toEqual([
      ['submission', 'submitted', 'Ayu Lestari', '2027-03-01 10:00:00'],
      ['manager_review', 'approved', 'Ayu Lestari', '2027-03-01 11:00:00'],
      ['client_approval', 'rejected', 'Maya, klien', '2027-03-02 00:30:00'],
    ]);
  });

  it('keeps a reason with quotes and commas in one cell, never a formula', () => {
    const csv = approvalHistoryCsv([contract], 'Asia/Jakarta', 'en');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]?.[0]).toBe('Contract');
    expect(rows[3]?.[7]).toBe(`'=1+1 terlalu mahal, "kurangi"`);
  });
});
