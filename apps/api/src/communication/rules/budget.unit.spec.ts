import type { BudgetEvent } from '@panggung/domain';
import { describe, expect, it } from 'vitest';
import { budgetNotices } from './budget.ts';
import type { Roster } from './roster.ts';

const productionId = '00000000-0000-4000-8000-0000000000f1';
const rina = '00000000-0000-4000-8000-0000000000a0';
const ayu = '00000000-0000-4000-8000-0000000000a1';
const budi = '00000000-0000-4000-8000-0000000000a2';
const eko = '00000000-0000-4000-8000-0000000000a3';
const roster: Roster = new Map([
  [rina, ['org_admin']],
  [ayu, ['production_manager']],
  [budi, ['finance_approver']],
  [eko, ['crew']],
]);
const alert = (kind: 'committed_over_estimate' | 'actual_over_estimate'): BudgetEvent => ({
  type: 'BudgetAlertRaised',
  data: { productionId, category: 'sound', kind, estimate: 100, amount: 120 },
});

describe('budgetNotices', () => {
  it('tells managers and finance approvers a category went over, by which figure, not the actor', () => {
    const payload = { category: 'sound', estimate: 100, amount: 120 };
    expect(budgetNotices(alert('committed_over_estimate'), roster, undefined)).toEqual([
      { personId: ayu, kind: 'budget.committed_over_estimate', payload },
      { personId: budi, kind: 'budget.committed_over_estimate', payload },
    ]);
    expect(budgetNotices(alert('actual_over_estimate'), roster, budi)).toEqual([
      { personId: ayu, kind: 'budget.actual_over_estimate', payload },
    ]);
  });

  it('tells them an overrun was approved, with its reason, except the approver', () => {
    const approved: BudgetEvent = {
      type: 'BudgetOverrunApproved',
      data: {
        productionId,
        category: 'lighting',
        reason: 'Tambahan moving head dari klien',
        approvedBy: budi,
        estimate: 100,
        committed: 130,
        actual: 40,
      },
    };
    expect(budgetNotices(approved, roster, budi)).toEqual([
      {
        personId: ayu,
        kind: 'budget.overrun_approved',
        payload: {
          category: 'lighting',
          estimate: 100,
          amount: 130,
          excerpt: 'Tambahan moving head dari klien',
        },
      },
    ]);
  });

  it('tells nobody of estimates, commitments and payments', () => {
    const estimate: BudgetEvent = {
      type: 'BudgetEstimateSet',
      data: { productionId, category: 'sound', estimate: 100, previous: 0 },
    };
    expect(budgetNotices(estimate, roster, ayu)).toEqual([]);
  });
});
