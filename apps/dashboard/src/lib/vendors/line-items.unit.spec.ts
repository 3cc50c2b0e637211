import { describe, expect, it } from 'vitest';
import { emptyLine, PPN, priceDraft, splitMilestones, toDraft } from './line-items.ts';

describe('priceDraft', () => {
  it('prices the lines as the API does, tax apart and rounded down', () => {
    const { lines, terms, problems } = priceDraft(
      [
        { description: 'Line array utama', quantity: '1', unitPrice: '165.000.000' },
        { description: 'Delay tower', quantity: '2', unitPrice: 'Rp 18.500.000' },
        { description: 'Kabel', quantity: '3', unitPrice: '33.333' },
      ],
      PPN,
    );
    expect(problems).toEqual([]);
    expect(lines[1]).toEqual({ description: 'Delay tower', quantity: 2, unitPrice: 18_500_000 });
    expect(terms).toEqual({
      subtotal: 202_099_999,
      taxRate: 1100,
      tax: 22_230_999, // 22 230 999.89 rounded down
      total: 224_330_998,
    });
  });

  it('names the fields that are not filled in well, and leaves those lines out', () => {
    const { lines, problems, terms } = priceDraft(
      [
        emptyLine(),
        { description: 'Monitor', quantity: '0', unitPrice: '12,5' },
        toDraft({ description: 'IEM', quantity: 2, unitPrice: 1_000 }),
      ],
      0,
    );
    expect(problems).toEqual([
      { index: 0, field: 'description' },
      { index: 0, field: 'unitPrice' },
      { index: 1, field: 'quantity' },
      { index: 1, field: 'unitPrice' },
    ]);
    expect(lines).toHaveLength(1);
    expect(terms.total).toBe(2_000);
  });
});

describe('splitMilestones', () => {
  it('splits into a down payment and a settlement that add up to the total', () => {
    const milestones = splitMilestones(335_220_000, 30, '2027-02-15', '2027-03-21');
    expect(milestones).toEqual([
      { kind: 'down_payment', amount: 100_566_000, dueOn: '2027-02-15' },
      { kind: 'settlement', amount: 234_654_000, dueOn: '2027-03-21' },
    ]);
    expect(splitMilestones(101, 50, 'a', 'b').reduce((s, m) => s + m.amount, 0)).toBe(101);
  });
  it('has only the settlement without a down payment', () => {
    expect(splitMilestones(1_000, 0, 'a', 'b')).toEqual([{ kind: 'settlement', amount: 1_000, dueOn: 'b' }]);
  });
});
