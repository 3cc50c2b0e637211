import { describe, expect, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import {
  budgetLine,
  budgetLines,
  checkBudget,
  decideBudget,
  evolveBudget,
  initialBudgetState,
  type BudgetCommand,
  type BudgetEvent,
} from './budget.ts';

const spec = specification(decideBudget, evolveBudget, initialBudgetState);
const metadata = { actor: 'person:budi', now: '2027-01-10T09:00:00+07:00' };
const productionId = '11111111-1111-4111-8111-111111111111';
const contractId = '66666666-6666-4666-8666-666666666666';
const vendorId = '55555555-5555-4555-8555-555555555555';
const paymentId = '12121212-1212-4212-8212-121212121212';

const estimateSet = (estimate: number, previous = 0): BudgetEvent => ({
  type: 'BudgetEstimateSet',
  data: { productionId, category: 'sound', estimate, previous },
});
const committed = (amount: number, id = contractId): BudgetEvent => ({
  type: 'BudgetCommitted',
  data: { productionId, category: 'sound', contractId: id, vendorId, amount },
});
const paid: BudgetEvent = {
  type: 'PaymentRecorded',
  data: { productionId, category: 'sound', paymentId, contractId, amount: 44_400_000, paidOn: '2027-02-01' },
};
const cmd = <T extends BudgetCommand['type']>(type: T, data: Extract<BudgetCommand, { type: T }>['data']) =>
  ({ type, data, metadata }) as BudgetCommand;

describe('SetBudgetEstimate', () => {
  it('sets a category’s estimate, saying what it was', () =>
    spec
      .given([estimateSet(100_000_000)])
      .when(cmd('SetBudgetEstimate', { productionId, category: 'sound', estimate: 120_000_000 }))
      .then([estimateSet(120_000_000, 100_000_000)]));
  it('records nothing when the estimate does not change', () =>
    spec
      .given([estimateSet(100_000_000)])
      .when(cmd('SetBudgetEstimate', { productionId, category: 'sound', estimate: 100_000_000 }))
      .then([]));
  it('refuses a negative or fractional estimate', () =>
    spec
      .given([])
      .when(cmd('SetBudgetEstimate', { productionId, category: 'sound', estimate: 1.5 }))
      .thenThrows('VALIDATION', undefined, 'estimate'));
});

describe('CommitContract', () => {
  it('raises the committed amount of the contract’s category', () =>
    spec
      .given([estimateSet(100_000_000)])
      .when(
        cmd('CommitContract', { productionId, category: 'sound', contractId, vendorId, amount: 88_800_000 }),
      )
      .then([committed(88_800_000)]));
  it('refuses to commit one contract twice', () =>
    spec
      .given([committed(88_800_000)])
      .when(
        cmd('CommitContract', { productionId, category: 'sound', contractId, vendorId, amount: 88_800_000 }),
      )
      .thenThrows('ILLEGAL_STATE', /already committed/, 'contractId'));
});

describe('RecordPayment', () => {
  it('raises the actual amount', () =>
    spec
      .given([estimateSet(100_000_000), committed(88_800_000)])
      .when(
        cmd('RecordPayment', {
          productionId,
          category: 'sound',
          paymentId,
          contractId,
          amount: 44_400_000,
          paidOn: '2027-02-01',
        }),
      )
      .then([paid]));
  it('refuses a payment recorded twice, and one of Rp 0', () => {
    spec
      .given([paid])
      .when(
        cmd('RecordPayment', { productionId, category: 'sound', paymentId, amount: 1, paidOn: '2027-02-01' }),
      )
      .thenThrows('ILLEGAL_STATE', undefined, 'paymentId');
    spec
      .given([])
      .when(
        cmd('RecordPayment', { productionId, category: 'sound', paymentId, amount: 0, paidOn: '2027-02-01' }),
      )
      .thenThrows('VALIDATION', undefined, 'amount');
  });
});

describe('budget lines and the budget check', () => {
  const state = [estimateSet(100_000_000), committed(30_000_000, 'c-1'), paid].reduce(
    evolveBudget,
    initialBudgetState,
  );
  it('shows estimate, committed, actual and variance (estimate − committed) per category', () => {
    expect(budgetLines(state)).toEqual([
      {
        category: 'sound',
        estimate: 100_000_000,
        committed: 30_000_000,
        actual: 44_400_000,
        variance: 70_000_000,
        status: 'within',
        alerts: [],
      },
    ]);
    expect(budgetLine(state, 'lighting')).toEqual({
      category: 'lighting',
      estimate: 0,
      committed: 0,
      actual: 0,
      variance: 0,
      status: 'within',
      alerts: [],
    });
  });
  it('passes a contract that fits, exactly at the estimate too', () =>
    expect(checkBudget(state, 'sound', 70_000_000)).toEqual({
      category: 'sound',
      estimate: 100_000_000,
      committed: 30_000_000,
      contractTotal: 70_000_000,
      remainingAfter: 0,
      withinBudget: true,
    }));
  it('flags a contract that overruns, by how much', () =>
    expect(checkBudget(state, 'sound', 88_800_000)).toMatchObject({
      remainingAfter: -18_800_000,
      withinBudget: false,
    }));
  it('flags anything committed to a category without an estimate', () =>
    expect(checkBudget(initialBudgetState, 'catering', 1)).toMatchObject({
      estimate: 0,
      withinBudget: false,
    }));
});
