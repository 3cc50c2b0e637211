import { describe, expect, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import {
  budgetLine,
  budgetReadiness,
  decideBudget,
  evolveBudget,
  initialBudgetState,
  type BudgetApprover,
  type BudgetCommand,
  type BudgetEvent,
} from './budget.ts';
import { budgetBurn, paymentsDue } from './monitoring.ts';

const spec = specification(decideBudget, evolveBudget, initialBudgetState);
const metadata = { actor: 'person:budi', now: '2027-01-10T09:00:00+07:00' };
const productionId = '11111111-1111-4111-8111-111111111111';
const vendorId = '55555555-5555-4555-8555-555555555555';
const budi = '22222222-2222-4222-8222-222222222222';
const finance: BudgetApprover = { personId: budi, roles: ['finance_approver'] };

const estimateSet = (estimate: number, previous = 0): BudgetEvent => ({
  type: 'BudgetEstimateSet',
  data: { productionId, category: 'sound', estimate, previous },
});
const committed = (amount: number, contractId: string): BudgetEvent => ({
  type: 'BudgetCommitted',
  data: { productionId, category: 'sound', contractId, vendorId, amount },
});
const paid = (amount: number, paymentId: string): BudgetEvent => ({
  type: 'PaymentRecorded',
  data: { productionId, category: 'sound', paymentId, amount, paidOn: '2027-02-01' },
});
const alert = (
  kind: 'committed_over_estimate' | 'actual_over_estimate',
  estimate: number,
  amount: number,
): BudgetEvent => ({
  type: 'BudgetAlertRaised',
  data: { productionId, category: 'sound', kind, estimate, amount },
});
const approved = (estimate: number, committedAmount: number, actual = 0): BudgetEvent => ({
  type: 'BudgetOverrunApproved',
  data: {
    productionId,
    category: 'sound',
    reason: 'Second delay tower for the far field',
    approvedBy: budi,
    estimate,
    committed: committedAmount,
    actual,
  },
});
const cmd = <T extends BudgetCommand['type']>(type: T, data: Extract<BudgetCommand, { type: T }>['data']) =>
  ({ type, data, metadata }) as BudgetCommand;
const commit = (amount: number, contractId: string) =>
  cmd('CommitContract', { productionId, category: 'sound', contractId, vendorId, amount });
const approve = (reason = 'Second delay tower for the far field', approver = finance) =>
  cmd('ApproveBudgetOverrun', { productionId, category: 'sound', reason, approver });
const stateOf = (events: BudgetEvent[]) => events.reduce(evolveBudget, initialBudgetState);

describe('BudgetAlertRaised', () => {
  it('is raised in the same decision when a commitment makes committed cross the estimate', () =>
    spec
      .given([estimateSet(100_000_000), committed(60_000_000, 'c-1')])
      .when(commit(50_000_000, 'c-2'))
      .then([committed(50_000_000, 'c-2'), alert('committed_over_estimate', 100_000_000, 110_000_000)]));
  it('is not raised when committed lands exactly on the estimate', () =>
    spec
      .given([estimateSet(100_000_000)])
      .when(commit(100_000_000, 'c-1'))
      .then([committed(100_000_000, 'c-1')]));
  it('is not raised again while the category stays over', () =>
    spec
      .given([
        estimateSet(100_000_000),
        committed(110_000_000, 'c-1'),
        alert('committed_over_estimate', 100_000_000, 110_000_000),
      ])
      .when(commit(5_000_000, 'c-2'))
      .then([committed(5_000_000, 'c-2')]));
  it('is raised again after the category came back under and crosses again', () =>
    spec
      .given([
        estimateSet(100_000_000),
        committed(110_000_000, 'c-1'),
        alert('committed_over_estimate', 100_000_000, 110_000_000),
        estimateSet(120_000_000, 100_000_000),
      ])
      .when(commit(20_000_000, 'c-2'))
      .then([committed(20_000_000, 'c-2'), alert('committed_over_estimate', 120_000_000, 130_000_000)]));
  it('is raised when a payment makes actual cross the estimate', () =>
    spec
      .given([estimateSet(50_000_000), paid(40_000_000, 'p-1')])
      .when(
        cmd('RecordPayment', {
          productionId,
          category: 'sound',
          paymentId: 'p-2',
          amount: 20_000_000,
          paidOn: '2027-02-01',
        }),
      )
      .then([paid(20_000_000, 'p-2'), alert('actual_over_estimate', 50_000_000, 60_000_000)]));
  it('is raised when lowering an estimate below committed (and actual) ', () =>
    spec
      .given([estimateSet(100_000_000), committed(90_000_000, 'c-1'), paid(85_000_000, 'p-1')])
      .when(cmd('SetBudgetEstimate', { productionId, category: 'sound', estimate: 80_000_000 }))
      .then([
        estimateSet(80_000_000, 100_000_000),
        alert('committed_over_estimate', 80_000_000, 90_000_000),
        alert('actual_over_estimate', 80_000_000, 85_000_000),
      ]));
  it('is raised for anything committed to a category without an estimate', () =>
    spec
      .given([])
      .when(commit(1, 'c-1'))
      .then([committed(1, 'c-1'), alert('committed_over_estimate', 0, 1)]));
});

describe('ApproveBudgetOverrun', () => {
  const over = [estimateSet(100_000_000), committed(110_000_000, 'c-1')];
  it('records the approval with the figures it accepts, by a finance approver', () =>
    spec
      .given(over)
      .when(approve())
      .then([approved(100_000_000, 110_000_000)]));
  it('may be given by a production manager', () =>
    spec
      .given(over)
      .when(approve('Sponsor pays the difference', { personId: budi, roles: ['production_manager'] }))
      .then([
        {
          ...approved(100_000_000, 110_000_000),
          data: { ...approved(100_000_000, 110_000_000).data, reason: 'Sponsor pays the difference' },
        } as BudgetEvent,
      ]));
  it('refuses a crew member, a client or a vendor', () => {
    for (const role of ['crew', 'client', 'vendor', 'show_caller'] as const)
      spec
        .given(over)
        .when(approve(undefined, { personId: budi, roles: [role] }))
        .thenThrows('FORBIDDEN', /finance approver/);
  });
  it('refuses without a reason', () =>
    spec.given(over).when(approve('   ')).thenThrows('VALIDATION', undefined, 'reason'));
  it('refuses a category within its estimate', () =>
    spec
      .given([estimateSet(100_000_000)])
      .when(approve())
      .thenThrows('ILLEGAL_STATE', /within its estimate/, 'category'));
  it('refuses an overrun already approved', () =>
    spec
      .given([...over, approved(100_000_000, 110_000_000)])
      .when(approve())
      .thenThrows('ILLEGAL_STATE', /already approved/));
  it('may approve again once the overrun grew', () =>
    spec
      .given([...over, approved(100_000_000, 110_000_000), committed(5_000_000, 'c-2')])
      .when(approve())
      .then([approved(100_000_000, 115_000_000)]));
});

describe('line status and budgetReadiness', () => {
  it('is over without approval until approved, then over with approval', () => {
    const over = [estimateSet(100_000_000), committed(110_000_000, 'c-1')];
    expect(budgetLine(stateOf(over), 'sound')).toMatchObject({
      status: 'over',
      alerts: ['committed_over_estimate'],
    });
    expect(budgetReadiness(stateOf(over))).toEqual({ overWithoutApproval: ['sound'] });
    const ok = [...over, approved(100_000_000, 110_000_000)];
    expect(budgetLine(stateOf(ok), 'sound')).toMatchObject({
      status: 'over_approved',
      approval: { reason: 'Second delay tower for the far field', approvedBy: budi },
    });
    expect(budgetReadiness(stateOf(ok))).toEqual({ overWithoutApproval: [] });
  });
  it('is over again when committed or actual grows past the approval, or the estimate is lowered', () => {
    const ok = [estimateSet(100_000_000), committed(110_000_000, 'c-1'), approved(100_000_000, 110_000_000)];
    expect(budgetLine(stateOf([...ok, committed(1, 'c-2')]), 'sound').status).toBe('over');
    expect(budgetLine(stateOf([...ok, paid(1, 'p-1')]), 'sound').status).toBe('over_approved');
    expect(budgetLine(stateOf([...ok, estimateSet(90_000_000, 100_000_000)]), 'sound').status).toBe('over');
  });
  it('forgets an approval once the line is back within its estimate', () => {
    const back = [
      estimateSet(100_000_000),
      committed(110_000_000, 'c-1'),
      approved(100_000_000, 110_000_000),
      estimateSet(120_000_000, 100_000_000),
      estimateSet(100_000_000, 120_000_000),
    ];
    expect(budgetLine(stateOf(back), 'sound')).toMatchObject({ status: 'over' });
    expect(budgetLine(stateOf(back), 'sound').approval).toBeUndefined();
  });
  it('names nothing for an empty budget', () =>
    expect(budgetReadiness(initialBudgetState)).toEqual({ overWithoutApproval: [] }));
});

describe('budgetBurn', () => {
  it('sums committed by the Jakarta day it was recorded and actual by the day paid, cumulatively', () =>
    expect(
      budgetBurn([
        { ...estimateSet(1), recordedAt: '2027-01-09T10:00:00Z' },
        // 17:30 UTC on the 9th is already the 10th in Jakarta
        { ...committed(30, 'c-1'), recordedAt: '2027-01-09T17:30:00Z' },
        { ...committed(20, 'c-2'), recordedAt: '2027-01-10T02:00:00Z' },
        { ...paid(10, 'p-1'), recordedAt: '2027-02-05T02:00:00Z' },
        { ...committed(5, 'c-3'), recordedAt: '2027-01-08T16:59:59Z' },
      ]),
    ).toEqual([
      { day: '2027-01-08', committed: 5, actual: 0 },
      { day: '2027-01-10', committed: 55, actual: 0 },
      { day: '2027-02-01', committed: 55, actual: 10 },
    ]));
  it('is empty without commitments or payments', () => expect(budgetBurn([])).toEqual([]));
});

describe('paymentsDue', () => {
  const contract = {
    contractId: 'c-1',
    vendorId,
    vendorName: 'PT Suara Prima Audio',
    category: 'sound' as const,
    milestones: [
      { kind: 'settlement' as const, amount: 60_000_000, dueOn: '2027-03-20' },
      { kind: 'down_payment' as const, amount: 40_000_000, dueOn: '2027-02-10' },
    ],
  };
  it('lists open milestones due within the window, overdue ones too, soonest first', () => {
    expect(paymentsDue([contract], {}, '2027-02-01', 14)).toEqual([
      {
        contractId: 'c-1',
        vendorId,
        vendorName: 'PT Suara Prima Audio',
        category: 'sound',
        kind: 'down_payment',
        amount: 40_000_000,
        dueOn: '2027-02-10',
        daysLeft: 9,
      },
    ]);
    expect(paymentsDue([contract], {}, '2027-03-10', 14).map((d) => [d.kind, d.daysLeft])).toEqual([
      ['down_payment', -28],
      ['settlement', 10],
    ]);
  });
  it('settles milestones in due order with what was paid, leaving only the rest', () => {
    expect(paymentsDue([contract], { 'c-1': 40_000_000 }, '2027-02-01', 60)).toMatchObject([
      { kind: 'settlement', amount: 60_000_000 },
    ]);
    expect(paymentsDue([contract], { 'c-1': 50_000_000 }, '2027-02-01', 60)).toMatchObject([
      { kind: 'settlement', amount: 50_000_000 },
    ]);
    expect(paymentsDue([contract], { 'c-1': 100_000_000 }, '2027-02-01', 60)).toEqual([]);
  });
  it('leaves out milestones beyond the window', () =>
    expect(paymentsDue([contract], {}, '2027-01-01', 14)).toEqual([]));
});
