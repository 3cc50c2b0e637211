import type { TimelineEntry } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate.ts';
import { describeEntry } from './timeline.ts';

const AYU = { id: 'a', name: 'Ayu Lestari' };
const BUDI = { id: 'b', name: 'Budi Santoso' };
const entry = (over: Partial<TimelineEntry>): TimelineEntry => ({
  at: '2027-01-20T03:00:00.000Z',
  type: 'X',
  round: 1,
  version: 1,
  outcome: 'approved',
  ...over,
});

describe('describeEntry', () => {
  const id = translator('id');
  const en = translator('en');

  it('says who did what at which step, in both languages', () => {
    const approved = entry({ step: 'manager_review', by: AYU });
    expect(describeEntry(approved, id, 'x').sentence).toBe(
      'Ayu Lestari menyetujui Tinjauan pengelola produksi',
    );
    expect(describeEntry(approved, en, 'x').sentence).toBe('Ayu Lestari approved Manager review');
    expect(describeEntry(approved, en, 'a').sentence).toBe('you approved Manager review');
    expect(describeEntry(approved, id, 'x').tone).toBe('done');
  });

  it('names the person a step was opened or delegated for', () => {
    expect(
      describeEntry(entry({ outcome: 'delegated', step: 'finance_overrun', by: AYU, to: BUDI }), en, 'x')
        .sentence,
    ).toBe('Ayu Lestari delegated Finance approval (overrun) to Budi Santoso');
    expect(describeEntry(entry({ outcome: 'opened', step: 'budget_check' }), en, 'x').sentence).toBe(
      'Budget check started',
    );
  });

  it('shows the budget check’s figures with the overrun', () => {
    const described = describeEntry(
      entry({
        outcome: 'overrun',
        step: 'budget_check',
        budget: {
          estimate: 300_000_000,
          committed: 0,
          contractTotal: 335_220_000,
          remainingAfter: -35_220_000,
        },
      }),
      en,
      'x',
    );
    expect(described.tone).toBe('warn');
    expect(described.figures).toBe(
      'Estimate Rp\u00a0300.000.000, committed Rp\u00a00, this contract Rp\u00a0335.220.000: over by Rp\u00a035.220.000',
    );
  });
});
