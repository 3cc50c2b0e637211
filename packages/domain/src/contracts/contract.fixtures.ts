/**
 * Shared examples for the contract specifications (test code only: imported by `*.unit.spec.ts`).
 */
import type { ApprovalActor, Terms } from '@panggung/contracts';
import type { ContractCommand, ContractEvent } from './contract.ts';

export const productionId = '11111111-1111-4111-8111-111111111111';
export const organisationId = '22222222-2222-4222-8222-222222222222';
export const contractId = '66666666-6666-4666-8666-666666666666';
export const rfqId = '77777777-7777-4777-8777-777777777777';
export const quoteId = '88888888-8888-4888-8888-888888888888';
export const vendorId = '55555555-5555-4555-8555-555555555555';
export const otherVendorId = '55555555-5555-4555-8555-000000000002';
export const clientPartyId = '44444444-4444-4444-8444-444444444444';

const person = (n: number) => `99999999-9999-4999-8999-${String(n).padStart(12, '0')}`;
export const ayu: ApprovalActor = { personId: person(1), roles: ['production_manager'] };
export const bagus: ApprovalActor = { personId: person(2), roles: ['production_manager'] };
export const budi: ApprovalActor = { personId: person(3), roles: ['finance_approver'] };
export const citra: ApprovalActor = { personId: person(4), roles: ['finance_approver'] };
export const maya: ApprovalActor = { personId: person(5), roles: ['client'], partyId: clientPartyId };
export const nina: ApprovalActor = { personId: person(6), roles: ['client'], partyId: clientPartyId };
export const hendra: ApprovalActor = { personId: person(7), roles: ['vendor'], partyId: vendorId };
export const lina: ApprovalActor = { personId: person(8), roles: ['vendor'], partyId: otherVendorId };

export const metadata = { actor: `person:${ayu.personId}`, now: '2027-01-20T10:00:00+07:00' };
export const THRESHOLD = 50_000_000;

/** Rp 45.000.000 + PPN 11 % = Rp 49.950.000: under the client threshold. */
export const smallTerms: Terms = {
  lines: [
    { description: 'Line array system', quantity: 1, unitPrice: 30_000_000 },
    { description: 'Sound engineer', quantity: 3, unitPrice: 5_000_000 },
  ],
  subtotal: 45_000_000,
  taxRate: 1100,
  tax: 4_950_000,
  total: 49_950_000,
};

/** Rp 80.000.000 + PPN = Rp 88.800.000: needs the client. */
export const bigTerms: Terms = {
  lines: [{ description: 'Line array system with delay towers', quantity: 2, unitPrice: 40_000_000 }],
  subtotal: 80_000_000,
  taxRate: 1100,
  tax: 8_800_000,
  total: 88_800_000,
};

export const milestonesFor = (total: number) => [
  { kind: 'down_payment' as const, amount: Math.floor(total / 2), dueOn: '2027-02-01' },
  { kind: 'settlement' as const, amount: total - Math.floor(total / 2), dueOn: '2027-03-21' },
];

export const ref = (version = 1) => ({ productionId, contractId, vendorId, version });

export const drafted = (terms: Terms = bigTerms): ContractEvent => ({
  type: 'ContractDrafted',
  data: {
    ...ref(1),
    organisationId,
    rfqId,
    quoteId,
    category: 'sound',
    currency: 'IDR',
    terms,
    milestones: milestonesFor(terms.total),
    draftedBy: ayu.personId,
  },
});

export const submitted = (terms: Terms = bigTerms, round = 1, version = 1): ContractEvent[] => {
  const clientApprovalRequired = terms.total >= THRESHOLD;
  return [
    {
      type: 'ContractSubmitted',
      data: {
        ...ref(version),
        round,
        submittedBy: ayu.personId,
        approvers: {
          manager_review: ayu.personId,
          finance_overrun: budi.personId,
          ...(clientApprovalRequired ? { client_approval: maya.personId } : {}),
        },
        total: terms.total,
        clientApprovalThreshold: THRESHOLD,
        clientApprovalRequired,
      },
    },
    opened('manager_review', ayu.personId, 'production_manager', round, version),
  ];
};

export const opened = (
  step: 'manager_review' | 'budget_check' | 'finance_overrun' | 'client_approval',
  assigneeId?: string,
  role?: 'production_manager' | 'finance_approver' | 'client',
  round = 1,
  version = 1,
): ContractEvent => ({
  type: 'ApprovalStepOpened',
  data: {
    ...ref(version),
    round,
    step,
    ...(assigneeId ? { assigneeId } : {}),
    ...(role ? { role } : {}),
  },
});

export const approved = (
  step: 'manager_review' | 'finance_overrun' | 'client_approval',
  by: ApprovalActor,
  round = 1,
  version = 1,
): ContractEvent => ({
  type: 'ApprovalStepApproved',
  data: { ...ref(version), round, step, approvedBy: by.personId },
});

export const budgetFigures = (withinBudget: boolean, total = bigTerms.total) => {
  const estimate = withinBudget ? 100_000_000 : 60_000_000;
  return {
    category: 'sound' as const,
    estimate,
    committed: 0,
    contractTotal: total,
    remainingAfter: estimate - total,
    withinBudget,
  };
};

export const budgetChecked = (withinBudget: boolean, total = bigTerms.total): ContractEvent => {
  const { withinBudget: _w, ...figures } = budgetFigures(withinBudget, total);
  return {
    type: withinBudget ? 'BudgetCheckPassed' : 'BudgetOverrunFlagged',
    data: { ...ref(), round: 1, step: 'budget_check', ...figures },
  };
};

/** A big contract waiting for the client: manager approved, budget overran, finance approved. */
export const atClientStep: ContractEvent[] = [
  drafted(),
  ...submitted(),
  approved('manager_review', ayu),
  opened('budget_check'),
  budgetChecked(false),
  opened('finance_overrun', budi.personId, 'finance_approver'),
  approved('finance_overrun', budi),
  opened('client_approval', maya.personId, 'client'),
];

export const command = <T extends ContractCommand['type']>(
  type: T,
  data: Extract<ContractCommand, { type: T }>['data'],
): ContractCommand => ({ type, data, metadata }) as ContractCommand;
