import { describe, expect, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import { approvalChainView } from './chain-view.ts';
import { evolveContract, initialContractState, type ContractEvent } from './contract.ts';
import { decideContract } from './contract-decide.ts';
import {
  approved,
  atClientStep,
  ayu,
  bagus,
  bigTerms,
  budgetChecked,
  budgetFigures,
  budi,
  citra,
  command,
  contractId,
  drafted,
  hendra,
  lina,
  maya,
  milestonesFor,
  nina,
  opened,
  organisationId,
  productionId,
  quoteId,
  ref,
  rfqId,
  smallTerms,
  submitted,
  THRESHOLD,
  vendorId,
} from './contract.fixtures.ts';

const spec = specification(decideContract, evolveContract, initialContractState);
const award = {
  productionId,
  rfqId,
  quoteId,
  vendorId,
  category: 'sound' as const,
  currency: 'IDR',
  terms: bigTerms,
};
const draft = (milestones = milestonesFor(bigTerms.total), by = ayu) =>
  command('DraftContract', { contractId, organisationId, award, milestones, by });
const submit = (by = ayu, overrides: object = {}) =>
  command('SubmitContract', {
    contractId,
    contractVersion: 1,
    by,
    approvers: { manager_review: ayu, finance_overrun: budi, client_approval: maya },
    clientApprovalThreshold: THRESHOLD,
    ...overrides,
  });
const decision = (
  type: 'ApproveStep' | 'RejectStep' | 'SendBackContract',
  step: 'manager_review' | 'finance_overrun' | 'client_approval',
  by: typeof ayu,
  contractVersion = 1,
) => command(type, { contractId, contractVersion, step, by, reason: 'Harga terlalu tinggi' } as never);
const approve = (step: Parameters<typeof decision>[1], by: typeof ayu, contractVersion = 1) =>
  command('ApproveStep', { contractId, contractVersion, step, by });
const afterManager: ContractEvent[] = [
  drafted(),
  ...submitted(),
  approved('manager_review', ayu),
  opened('budget_check'),
];

describe('DraftContract', () => {
  it('drafts version 1 from the awarded quote, milestones in payment order', () =>
    spec
      .given([])
      .when(draft([...milestonesFor(bigTerms.total)].reverse()))
      .then([drafted()]));
  it('refuses milestones that do not add up to the total', () =>
    spec
      .given([])
      .when(
        draft([
          { kind: 'down_payment', amount: 40_000_000, dueOn: '2027-02-01' },
          { kind: 'settlement', amount: 40_000_000, dueOn: '2027-03-21' },
        ]),
      )
      .thenThrows('VALIDATION', /Rp 80\.000\.000, not the contract total Rp 88\.800\.000/, 'milestones'));
  it('refuses a contract without a settlement', () =>
    spec
      .given([])
      .when(draft([{ kind: 'down_payment', amount: bigTerms.total, dueOn: '2027-02-01' }]))
      .thenThrows('VALIDATION', /settlement/, 'milestones'));
  it('refuses a down payment due after the settlement', () =>
    spec
      .given([])
      .when(
        draft([
          { kind: 'down_payment', amount: 44_400_000, dueOn: '2027-04-01' },
          { kind: 'settlement', amount: 44_400_000, dueOn: '2027-03-21' },
        ]),
      )
      .thenThrows('VALIDATION', /before the settlement/, 'milestones/0/dueOn'));
  it('refuses a milestone of Rp 0', () =>
    spec
      .given([])
      .when(
        draft([
          { kind: 'down_payment', amount: 0, dueOn: '2027-02-01' },
          { kind: 'settlement', amount: bigTerms.total, dueOn: '2027-03-21' },
        ]),
      )
      .thenThrows('VALIDATION', undefined, 'milestones/0/amount'));
  it('refuses a vendor drafting its own contract', () =>
    spec.given([]).when(draft(undefined, hendra)).thenThrows('FORBIDDEN'));
  it('refuses to draft the same contract twice', () =>
    spec.given([drafted()]).when(draft()).thenThrows('ILLEGAL_STATE'));
});

describe('ReviseContract', () => {
  const revise = (by = hendra, expectedVersion = 1) =>
    command('ReviseContract', {
      contractId,
      expectedVersion,
      lines: smallTerms.lines,
      taxRate: 1100,
      milestones: milestonesFor(smallTerms.total),
      note: 'Tanpa delay tower',
      by,
    });
  const revised: ContractEvent = {
    type: 'ContractRevised',
    data: {
      ...ref(2),
      terms: smallTerms,
      milestones: milestonesFor(smallTerms.total),
      note: 'Tanpa delay tower',
      revisedBy: hendra.personId,
    },
  };
  it('lets the vendor revise a draft: the version goes up and the terms are priced again', () =>
    spec.given([drafted()]).when(revise()).then([revised]));
  it('lets the vendor revise after a send-back', () =>
    spec
      .given([
        ...afterManager.slice(0, 3),
        {
          type: 'ContractSentBack',
          data: {
            ...ref(),
            round: 1,
            step: 'manager_review',
            sentBackBy: ayu.personId,
            reason: 'Terlalu mahal',
          },
        },
      ])
      .when(revise())
      .then([revised]));
  it('refuses a revision made against an older version', () =>
    spec
      .given([drafted(), revised])
      .when(revise(hendra, 1))
      .thenThrows('ILLEGAL_STATE', /version 1 .* version 2/, 'contractVersion'));
  it('refuses another vendor', () => spec.given([drafted()]).when(revise(lina)).thenThrows('FORBIDDEN'));
  it('refuses a revision while the contract is in approval', () =>
    spec
      .given([drafted(), ...submitted()])
      .when(revise())
      .thenThrows('ILLEGAL_STATE', /sent back/));
  it('refuses a revision of a signed contract', () =>
    spec
      .given([
        ...atClientStep,
        approved('client_approval', maya),
        {
          type: 'ContractSigned',
          data: {
            ...ref(),
            round: 1,
            category: 'sound',
            currency: 'IDR',
            total: bigTerms.total,
            approvedSteps: ['manager_review', 'finance_overrun', 'client_approval'],
          },
        },
      ])
      .when(revise())
      .thenThrows('ILLEGAL_STATE', /already signed/));
});

describe('SubmitContract', () => {
  it('opens the manager review, and asks for the client at or above the threshold', () =>
    spec.given([drafted()]).when(submit()).then(submitted()));
  it('needs no client approval below the threshold', () =>
    spec
      .given([drafted(smallTerms)])
      .when(submit(ayu, { approvers: { manager_review: ayu, finance_overrun: budi } }))
      .then(submitted(smallTerms)));
  it('counts a total exactly at the threshold as needing the client', () => {
    const atThreshold = { ...bigTerms, total: THRESHOLD };
    const state = evolveContract(initialContractState, drafted(atThreshold));
    const [submission] = decideContract(submit(), state);
    expect(submission).toMatchObject({
      type: 'ContractSubmitted',
      data: { total: THRESHOLD, clientApprovalRequired: true, approvers: { client_approval: maya.personId } },
    });
  });
  it('refuses a contract at the threshold without a client approver', () =>
    spec
      .given([drafted({ ...bigTerms, total: THRESHOLD })])
      .when(submit(ayu, { approvers: { manager_review: ayu, finance_overrun: budi } }))
      .thenThrows('VALIDATION', /Rp 50\.000\.000/, 'approvers/client_approval'));
  it('refuses an approver without the step’s role', () =>
    spec
      .given([drafted()])
      .when(
        submit(ayu, { approvers: { manager_review: ayu, finance_overrun: bagus, client_approval: maya } }),
      )
      .thenThrows('VALIDATION', /finance_approver/, 'approvers/finance_overrun'));
  it('refuses the vendor as an approver of its own contract', () =>
    spec
      .given([drafted()])
      .when(
        submit(ayu, {
          approvers: {
            manager_review: ayu,
            finance_overrun: budi,
            client_approval: { ...hendra, roles: ['client'] },
          },
        }),
      )
      .thenThrows('FORBIDDEN', /own contract/));
  it('refuses a submission by anyone but a manager', () =>
    spec
      .given([drafted()])
      .when(submit(budi))
      .thenThrows('FORBIDDEN', /production manager/, 'actor'));
  it('refuses a stale version', () =>
    spec
      .given([drafted()])
      .when(submit(ayu, { contractVersion: 2 }))
      .thenThrows('ILLEGAL_STATE', undefined, 'contractVersion'));
  it('refuses a second submission while in approval', () =>
    spec
      .given([drafted(), ...submitted()])
      .when(submit())
      .thenThrows('ILLEGAL_STATE', /in approval/));
  it('refuses to resubmit a sent-back contract before it is revised', () =>
    spec
      .given([
        drafted(),
        ...submitted(),
        {
          type: 'ContractSentBack',
          data: { ...ref(), round: 1, step: 'manager_review', sentBackBy: ayu.personId, reason: 'x' },
        },
      ])
      .when(submit())
      .thenThrows('ILLEGAL_STATE', /revise it/));
  it('refuses an unknown contract', () =>
    spec.given([]).when(submit()).thenThrows('NOT_FOUND', undefined, 'contractId'));
});

describe('ApproveStep', () => {
  it('moves the manager’s approval on to the budget check', () =>
    spec
      .given([drafted(), ...submitted()])
      .when(approve('manager_review', ayu))
      .then([approved('manager_review', ayu), opened('budget_check')]));
  it('moves finance’s approval of an overrun on to the client', () =>
    spec
      .given(atClientStep.slice(0, -2))
      .when(approve('finance_overrun', budi))
      .then([approved('finance_overrun', budi), opened('client_approval', maya.personId, 'client')]));
  it('signs the contract when the client approves, listing the approved steps', () =>
    spec
      .given(atClientStep)
      .when(approve('client_approval', maya))
      .then([
        approved('client_approval', maya),
        {
          type: 'ContractSigned',
          data: {
            ...ref(),
            round: 1,
            category: 'sound',
            currency: 'IDR',
            total: bigTerms.total,
            approvedSteps: ['manager_review', 'finance_overrun', 'client_approval'],
          },
        },
      ]));
  it('refuses the wrong step: the client before the manager has reviewed', () =>
    spec
      .given([drafted(), ...submitted()])
      .when(approve('client_approval', maya))
      .thenThrows('ILLEGAL_STATE', /at the manager review step/, 'step'));
  it('refuses a client on the manager’s step', () =>
    spec
      .given([drafted(), ...submitted()])
      .when(approve('manager_review', { ...maya }))
      .thenThrows('FORBIDDEN', /decided by a production manager/, 'actor'));
  it('refuses finance on any step but the overrun', () =>
    spec
      .given([drafted(), ...submitted()])
      .when(approve('manager_review', budi))
      .thenThrows('FORBIDDEN', /production manager/));
  it('refuses another manager than the assignee', () =>
    spec
      .given([drafted(), ...submitted()])
      .when(approve('manager_review', bagus))
      .thenThrows('FORBIDDEN', /assigned to someone else/));
  it('refuses the vendor on its own contract, even holding the role', () =>
    spec
      .given([drafted(), ...submitted()])
      .when(
        approve('manager_review', {
          ...hendra,
          roles: ['vendor', 'production_manager'],
          personId: ayu.personId,
        }),
      )
      .thenThrows('FORBIDDEN', /never approve/));
  it('refuses a stale version', () =>
    spec
      .given([drafted(), ...submitted()])
      .when(approve('manager_review', ayu, 2))
      .thenThrows('ILLEGAL_STATE', /version 2/, 'contractVersion'));
  it('refuses a step approved already', () =>
    spec
      .given(afterManager)
      .when(approve('manager_review', ayu))
      .thenThrows('ILLEGAL_STATE', /already approved/));
  it('refuses any decision on the budget check, which no person makes', () =>
    spec
      .given(afterManager)
      .when(approve('finance_overrun', budi))
      .thenThrows('ILLEGAL_STATE', /budget check/));
  it('refuses a decision on a draft', () =>
    spec
      .given([drafted()])
      .when(approve('manager_review', ayu))
      .thenThrows('ILLEGAL_STATE', /not in approval/));
  it('refuses a decision on a rejected contract', () =>
    spec
      .given([
        drafted(),
        ...submitted(),
        {
          type: 'ContractRejected',
          data: { ...ref(), round: 1, step: 'manager_review', rejectedBy: ayu.personId, reason: 'x' },
        },
      ])
      .when(approve('manager_review', ayu))
      .thenThrows('ILLEGAL_STATE', /already rejected/));
});

describe('RecordBudgetCheck', () => {
  const record = (withinBudget: boolean, total = bigTerms.total) =>
    command('RecordBudgetCheck', {
      contractId,
      contractVersion: 1,
      result: budgetFigures(withinBudget, total),
    });
  it('passes a contract within budget on to the client', () =>
    spec
      .given(afterManager)
      .when(record(true))
      .then([budgetChecked(true), opened('client_approval', maya.personId, 'client')]));
  it('signs a small contract within budget at once', () =>
    spec
      .given([
        drafted(smallTerms),
        ...submitted(smallTerms),
        approved('manager_review', ayu),
        opened('budget_check'),
      ])
      .when(record(true, smallTerms.total))
      .then([
        budgetChecked(true, smallTerms.total),
        {
          type: 'ContractSigned',
          data: {
            ...ref(),
            round: 1,
            category: 'sound',
            currency: 'IDR',
            total: smallTerms.total,
            approvedSteps: ['manager_review'],
          },
        },
      ]));
  it('sends an overrun to the finance approver', () =>
    spec
      .given(afterManager)
      .when(record(false))
      .then([budgetChecked(false), opened('finance_overrun', budi.personId, 'finance_approver')]));
  it('refuses a budget check at another step', () =>
    spec
      .given([drafted(), ...submitted()])
      .when(record(true))
      .thenThrows('ILLEGAL_STATE', /manager review/, 'step'));
});

describe('RejectStep', () => {
  it('rejects the contract for good, with the reason', () =>
    spec
      .given(atClientStep)
      .when(decision('RejectStep', 'client_approval', maya))
      .then([
        {
          type: 'ContractRejected',
          data: {
            ...ref(),
            round: 1,
            step: 'client_approval',
            rejectedBy: maya.personId,
            reason: 'Harga terlalu tinggi',
          },
        },
      ]));
  it('refuses a rejection without a reason', () =>
    spec
      .given([drafted(), ...submitted()])
      .when(
        command('RejectStep', {
          contractId,
          contractVersion: 1,
          step: 'manager_review',
          by: ayu,
          reason: '  ',
        }),
      )
      .thenThrows('VALIDATION', /why/, 'reason'));
  it('refuses finance rejecting the client’s step', () =>
    spec
      .given(atClientStep)
      .when(decision('RejectStep', 'client_approval', budi))
      .thenThrows('FORBIDDEN'));
});

describe('SendBackContract', () => {
  const sentBack: ContractEvent = {
    type: 'ContractSentBack',
    data: {
      ...ref(),
      round: 1,
      step: 'finance_overrun',
      sentBackBy: budi.personId,
      reason: 'Harga terlalu tinggi',
    },
  };
  it('ends the round and asks for changes', () =>
    spec
      .given(atClientStep.slice(0, -2))
      .when(decision('SendBackContract', 'finance_overrun', budi))
      .then([sentBack]));
  it('keeps the history when the revised contract restarts from the manager review', () => {
    const revised: ContractEvent = {
      type: 'ContractRevised',
      data: {
        ...ref(2),
        terms: smallTerms,
        milestones: milestonesFor(smallTerms.total),
        revisedBy: hendra.personId,
      },
    };
    const events = [...atClientStep.slice(0, -2), sentBack, revised];
    spec
      .given(events)
      .when(
        command('SubmitContract', {
          contractId,
          contractVersion: 2,
          by: ayu,
          approvers: { manager_review: ayu, finance_overrun: budi },
          clientApprovalThreshold: THRESHOLD,
        }),
      )
      .then(submitted(smallTerms, 2, 2));
    const state = [...events, ...submitted(smallTerms, 2, 2)].reduce(evolveContract, initialContractState);
    const view = approvalChainView(state)!;
    expect(view).toMatchObject({
      status: 'in_approval',
      round: 2,
      version: 2,
      step: 'manager_review',
      assigneeId: ayu.personId,
    });
    expect(view.history.map((h) => `${h.round}:${h.step}:${h.outcome}`)).toEqual([
      '1:submission:submitted',
      '1:manager_review:opened',
      '1:manager_review:approved',
      '1:budget_check:opened',
      '1:budget_check:overrun',
      '1:finance_overrun:opened',
      '1:finance_overrun:sent_back',
      '2:submission:submitted',
      '2:manager_review:opened',
    ]);
  });
  it('refuses a vendor sending back its own contract', () =>
    spec
      .given([drafted(), ...submitted()])
      .when(decision('SendBackContract', 'manager_review', hendra))
      .thenThrows('FORBIDDEN', /own contract/));
});

describe('DelegateStep', () => {
  const delegate = (
    by: typeof ayu,
    to: typeof ayu,
    step: 'finance_overrun' | 'client_approval' = 'finance_overrun',
  ) => command('DelegateStep', { contractId, contractVersion: 1, step, by, to, reason: 'Cuti' });
  const atFinance = atClientStep.slice(0, -2);
  it('lets the assignee hand the step to another person with the same role', () =>
    spec
      .given(atFinance)
      .when(delegate(budi, citra))
      .then([
        {
          type: 'ApprovalStepDelegated',
          data: {
            ...ref(),
            round: 1,
            step: 'finance_overrun',
            from: budi.personId,
            to: citra.personId,
            delegatedBy: budi.personId,
            reason: 'Cuti',
          },
        },
      ]));
  it('lets a production manager delegate the client’s step to another client person', () =>
    spec
      .given(atClientStep)
      .when(delegate(ayu, nina, 'client_approval'))
      .then([
        {
          type: 'ApprovalStepDelegated',
          data: {
            ...ref(),
            round: 1,
            step: 'client_approval',
            from: maya.personId,
            to: nina.personId,
            delegatedBy: ayu.personId,
            reason: 'Cuti',
          },
        },
      ]));
  it('then the delegate decides, and the former assignee may not', () => {
    const delegated: ContractEvent = {
      type: 'ApprovalStepDelegated',
      data: {
        ...ref(),
        round: 1,
        step: 'finance_overrun',
        from: budi.personId,
        to: citra.personId,
        delegatedBy: budi.personId,
      },
    };
    spec
      .given([...atFinance, delegated])
      .when(approve('finance_overrun', citra))
      .then([approved('finance_overrun', citra), opened('client_approval', maya.personId, 'client')]);
    spec
      .given([...atFinance, delegated])
      .when(approve('finance_overrun', budi))
      .thenThrows('FORBIDDEN', /assigned to someone else/);
  });
  it('refuses a delegate without the step’s role', () =>
    spec
      .given(atFinance)
      .when(delegate(budi, bagus))
      .thenThrows('VALIDATION', /same role/, 'toPersonId'));
  it('refuses delegation by another person of the role who is not the assignee', () =>
    spec
      .given(atFinance)
      .when(delegate(citra, citra))
      .thenThrows('FORBIDDEN', /assignee or a production manager/));
  it('refuses delegation to the vendor', () =>
    spec
      .given(atClientStep)
      .when(delegate(ayu, { ...hendra, roles: ['client'] }, 'client_approval'))
      .thenThrows('FORBIDDEN', /own contract/));
  it('refuses delegation of a step that is not open', () =>
    spec
      .given(atClientStep)
      .when(delegate(budi, citra))
      .thenThrows('ILLEGAL_STATE', /already approved/));
});

describe('RemindApprover and EscalateStep', () => {
  it('reminds the assignee of the open step', () =>
    spec
      .given([drafted(), ...submitted()])
      .when(command('RemindApprover', { contractId, contractVersion: 1, step: 'manager_review' }))
      .then([
        {
          type: 'ApprovalReminderSent',
          data: { ...ref(), round: 1, step: 'manager_review', assigneeId: ayu.personId },
        },
      ]));
  it('escalates to the production’s owner', () =>
    spec
      .given(atClientStep)
      .when(
        command('EscalateStep', {
          contractId,
          contractVersion: 1,
          step: 'client_approval',
          escalateTo: bagus.personId,
        }),
      )
      .then([
        {
          type: 'ApprovalEscalated',
          data: {
            ...ref(),
            round: 1,
            step: 'client_approval',
            assigneeId: maya.personId,
            escalatedTo: bagus.personId,
          },
        },
      ]));
  it('refuses a reminder for a step that has moved on', () =>
    spec
      .given(afterManager)
      .when(command('RemindApprover', { contractId, contractVersion: 1, step: 'manager_review' }))
      .thenThrows('ILLEGAL_STATE', /already approved/));
});

describe('WithdrawContract', () => {
  const withdraw = (by = ayu, contractVersion = 1) =>
    command('WithdrawContract', { contractId, contractVersion, by, reason: 'Acara dibatalkan' });
  it('withdraws a contract in approval, naming the open step', () =>
    spec
      .given(atClientStep)
      .when(withdraw())
      .then([
        {
          type: 'ContractWithdrawn',
          data: { ...ref(), step: 'client_approval', withdrawnBy: ayu.personId, reason: 'Acara dibatalkan' },
        },
      ]));
  it('withdraws a draft', () =>
    spec
      .given([drafted()])
      .when(withdraw())
      .then([
        {
          type: 'ContractWithdrawn',
          data: { ...ref(), withdrawnBy: ayu.personId, reason: 'Acara dibatalkan' },
        },
      ]));
  it('refuses a client withdrawing', () =>
    spec.given(atClientStep).when(withdraw(maya)).thenThrows('FORBIDDEN'));
  it('refuses a stale version', () =>
    spec
      .given(atClientStep)
      .when(withdraw(ayu, 3))
      .thenThrows('ILLEGAL_STATE', undefined, 'contractVersion'));
  it('refuses to withdraw twice', () =>
    spec
      .given([drafted(), { type: 'ContractWithdrawn', data: { ...ref(), withdrawnBy: ayu.personId } }])
      .when(withdraw())
      .thenThrows('ILLEGAL_STATE', /already withdrawn/));
});

describe('approvalChainView', () => {
  it('shows who decides next, with the role', () => {
    const view = approvalChainView(atClientStep.reduce(evolveContract, initialContractState));
    expect(view).toMatchObject({
      step: 'client_approval',
      assigneeId: maya.personId,
      assigneeRole: 'client',
      overrun: true,
      clientApprovalRequired: true,
      total: bigTerms.total,
    });
  });
  it('is undefined for a contract that does not exist', () =>
    expect(approvalChainView(initialContractState)).toBeUndefined());
});
