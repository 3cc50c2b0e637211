import type { Budget, LiveEvent, VendorCategory } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { applyBudgetEvent, canSeeBudget, monitoringOf, standingOf } from './budget.ts';

const PRODUCTION = '6a1f0c2e-0000-4000-8000-0000000000c1';
const ORDER: VendorCategory[] = ['sound', 'lighting', 'staging', 'led_screens', 'catering'];

const budget: Budget = {
  productionId: PRODUCTION,
  currency: 'IDR',
  lines: [
    {
      category: 'sound',
      estimate: 300_000_000,
      committed: 0,
      actual: 0,
      variance: 300_000_000,
      status: 'within',
      alerts: [],
    },
    {
      category: 'lighting',
      estimate: 275_000_000,
      committed: 0,
      actual: 0,
      variance: 275_000_000,
      status: 'within',
      alerts: [],
    },
  ],
  totals: { estimate: 575_000_000, committed: 0, actual: 0, variance: 575_000_000 },
  version: 7,
};

const event = (
  type: string,
  data: object,
  streamVersion = 8,
  streamId = `budget-${PRODUCTION}`,
): LiveEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  type,
  streamId,
  streamVersion,
  productionId: PRODUCTION,
  data,
  actor: 'workflow:x',
  recordedAt: '2027-01-20T03:00:00.000Z',
  checkpoint: '1:1',
});

describe('applyBudgetEvent', () => {
  it('raises committed when a contract is signed, and the variance turns negative past the estimate', () => {
    const { budget: next, reload } = applyBudgetEvent(
      budget,
      event('BudgetCommitted', { productionId: PRODUCTION, category: 'sound', amount: 335_220_000 }),
      ORDER,
    );
    expect(reload).toBe(false);
    expect(next.lines[0]).toEqual({
      category: 'sound',
      estimate: 300_000_000,
      committed: 335_220_000,
      actual: 0,
      variance: -35_220_000,
      status: 'over',
      alerts: ['committed_over_estimate'],
    });
    expect(next.totals).toEqual({
      estimate: 575_000_000,
      committed: 335_220_000,
      actual: 0,
      variance: 239_780_000,
    });
    expect(next.version).toBe(8);
    expect(standingOf(next.lines[0]!)).toBe('over');
    expect(standingOf(next.lines[1]!)).toBe('within');
  });

  it('adds a category it had no line for, in the directory’s order', () => {
    const { budget: next } = applyBudgetEvent(
      budget,
      event('BudgetEstimateSet', { productionId: PRODUCTION, category: 'staging', estimate: 400_000_000 }),
      ORDER,
    );
    expect(next.lines.map((l) => l.category)).toEqual(['sound', 'lighting', 'staging']);
    expect(next.totals.estimate).toBe(975_000_000);
  });

  it('follows payments in the actual column', () => {
    const { budget: next } = applyBudgetEvent(
      budget,
      event('PaymentRecorded', { productionId: PRODUCTION, category: 'lighting', amount: 10_000_000 }),
      ORDER,
    );
    expect(next.lines[1]).toMatchObject({ actual: 10_000_000, variance: 275_000_000 });
  });

  it('ignores other streams and what it has seen; asks for a reload after a gap', () => {
    const committed = { productionId: PRODUCTION, category: 'sound', amount: 1 };
    expect(applyBudgetEvent(budget, event('BudgetCommitted', committed, 7), ORDER).budget).toBe(budget);
    expect(applyBudgetEvent(budget, event('ContractSigned', committed, 8, 'contract-x'), ORDER).budget).toBe(
      budget,
    );
    expect(applyBudgetEvent(budget, event('BudgetCommitted', committed, 10), ORDER)).toEqual({
      budget,
      reload: true,
    });
  });
});

describe('canSeeBudget', () => {
  it('is for managers, finance and admins only', () => {
    expect(canSeeBudget(['finance_approver'])).toBe(true);
    expect(canSeeBudget(['vendor'])).toBe(false);
    expect(canSeeBudget(['client', 'crew'])).toBe(false);
  });
});

describe('alerts and overrun approval on the page', () => {
  const over = applyBudgetEvent(
    budget,
    event('BudgetCommitted', { productionId: PRODUCTION, category: 'sound', amount: 335_220_000 }),
    ORDER,
  ).budget;
  const approval = {
    productionId: PRODUCTION,
    category: 'sound',
    reason: 'Sponsor menanggung selisih',
    approvedBy: '6a1f0c2e-0000-4000-8000-0000000000a3',
    estimate: 300_000_000,
    committed: 335_220_000,
    actual: 0,
  };
  it('follows an alert (figures unchanged) and an approval without a reload', () => {
    const alerted = applyBudgetEvent(over, event('BudgetAlertRaised', { category: 'sound' }, 9), ORDER);
    expect(alerted.reload).toBe(false);
    expect(alerted.budget.lines[0]!.status).toBe('over');
    const approved = applyBudgetEvent(alerted.budget, event('BudgetOverrunApproved', approval, 10), ORDER);
    expect(approved.budget.lines[0]).toMatchObject({
      status: 'over_approved',
      approval: { reason: 'Sponsor menanggung selisih' },
    });
    const grew = applyBudgetEvent(
      approved.budget,
      event('BudgetCommitted', { productionId: PRODUCTION, category: 'sound', amount: 1 }, 11),
      ORDER,
    );
    expect(grew.budget.lines[0]!.status).toBe('over');
  });
  it('keeps an approval through a payment within the estimate, not past a lowered estimate', () => {
    const line = {
      estimate: 300,
      committed: 335,
      actual: 0,
      approval: { ...approval, estimate: 300, committed: 335 },
    };
    expect(monitoringOf({ ...line, actual: 100 }).status).toBe('over_approved');
    expect(monitoringOf({ ...line, estimate: 299 }).status).toBe('over');
    expect(monitoringOf({ ...line, estimate: 400 })).toEqual({ status: 'within', alerts: [] });
    expect(monitoringOf({ estimate: 10, committed: 5, actual: 11 }).alerts).toEqual(['actual_over_estimate']);
  });
});
