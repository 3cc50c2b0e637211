import type { ApprovalActor, ApprovalStep, HumanApprovalStep, Role } from '@panggung/contracts';
import { IllegalStateError, ValidationError } from '../core/errors.ts';
import { assertNever } from '../core/messages.ts';
import {
  coreOf,
  isHumanStep,
  STEP_ROLE,
  type ApprovalChain,
  type ContractCommand,
  type ContractCore,
  type ContractEvent,
  type ContractState,
  type ExistingContract,
} from './contract.ts';
import {
  AlreadyDecidedError,
  ContractNotFoundError,
  NotYourStepError,
  OwnContractError,
  StaleContractVersionError,
  WrongRoleError,
  WrongStepError,
} from './errors.ts';
import { checkMilestones } from './milestones.ts';
import { formatRupiah } from './money.ts';
import { priceTerms } from './pricing.ts';

/** Those who run a production's contracting: draft, submit, withdraw. */
const MANAGING: readonly Role[] = ['production_manager', 'org_admin'];

/**
 * Decides what a command means for a contract and its approval chain, or throws a DomainError saying
 * why not. Approval refusals are the classes of `errors.ts`, checked in this order: the chain already
 * decided, a stale version, the wrong step, a vendor on its own contract, the wrong role, the wrong
 * person. The same function serves the API (drafting, revising) and the approval workflow's update
 * validators (everything else), so both refuse alike.
 */
export function decideContract(command: ContractCommand, state: ContractState): ContractEvent[] {
  switch (command.type) {
    case 'DraftContract': {
      const { contractId, organisationId, award, milestones, by } = command.data;
      if (state.status !== 'none')
        throw new IllegalStateError(`Contract ${contractId} already exists`, 'contractId');
      requireRole(by, MANAGING, 'draft a contract');
      return [
        {
          type: 'ContractDrafted',
          data: {
            productionId: award.productionId,
            contractId,
            vendorId: award.vendorId,
            version: 1,
            organisationId,
            rfqId: award.rfqId,
            quoteId: award.quoteId,
            category: award.category,
            currency: award.currency,
            terms: award.terms,
            milestones: checkMilestones(milestones, award.terms.total),
            draftedBy: by.personId,
          },
        },
      ];
    }
    case 'ReviseContract': {
      const contract = existing(state, command.data.contractId);
      if (contract.status === 'in_approval')
        throw new IllegalStateError(
          'A contract in approval is revised only after it is sent back',
          'contractId',
        );
      if (contract.status !== 'draft' && contract.status !== 'changes_requested')
        throw new AlreadyDecidedError(`The contract was already ${contract.status}`);
      if (command.data.expectedVersion !== contract.version)
        throw new StaleContractVersionError(command.data.expectedVersion, contract.version);
      const { by, lines, taxRate, milestones, note } = command.data;
      if (by.partyId !== contract.vendorId || !by.roles.includes('vendor'))
        requireRole(by, MANAGING, 'revise this contract (its vendor may too)');
      const terms = priceTerms(lines, taxRate);
      return [
        {
          type: 'ContractRevised',
          data: {
            ...ref(contract),
            version: contract.version + 1,
            terms,
            milestones: checkMilestones(milestones, terms.total),
            ...(note === undefined ? {} : { note }),
            revisedBy: by.personId,
          },
        },
      ];
    }
    case 'SubmitContract': {
      const contract = existing(state, command.data.contractId);
      if (contract.status === 'changes_requested')
        throw new IllegalStateError(
          'The contract was sent back: revise it before submitting again',
          'contractId',
        );
      if (contract.status !== 'draft')
        throw new AlreadyDecidedError(`The contract is ${contract.status.replace('_', ' ')}`);
      if (command.data.contractVersion !== contract.version)
        throw new StaleContractVersionError(command.data.contractVersion, contract.version);
      const { by, approvers, clientApprovalThreshold } = command.data;
      requireRole(by, MANAGING, 'submit a contract for approval');
      const clientApprovalRequired = contract.terms.total >= clientApprovalThreshold;
      if (clientApprovalRequired && !approvers.client_approval)
        throw new ValidationError(
          `A contract of ${formatRupiah(contract.terms.total)} needs the client's approval (threshold ${formatRupiah(clientApprovalThreshold)}): name the client approver`,
          'approvers/client_approval',
        );
      for (const step of ['manager_review', 'finance_overrun', 'client_approval'] as const) {
        const approver = approvers[step];
        if (!approver || (step === 'client_approval' && !clientApprovalRequired)) continue;
        if (approver.partyId === contract.vendorId)
          throw new OwnContractError('A vendor can never approve its own contract');
        if (!approver.roles.includes(STEP_ROLE[step]))
          throw new ValidationError(
            `The ${step.replace('_', ' ')} step needs a ${STEP_ROLE[step]}`,
            `approvers/${step}`,
          );
      }
      const round = contract.round + 1;
      return [
        {
          type: 'ContractSubmitted',
          data: {
            ...ref(contract),
            round,
            submittedBy: by.personId,
            approvers: {
              manager_review: approvers.manager_review.personId,
              finance_overrun: approvers.finance_overrun.personId,
              ...(clientApprovalRequired ? { client_approval: approvers.client_approval!.personId } : {}),
            },
            total: contract.terms.total,
            clientApprovalThreshold,
            clientApprovalRequired,
          },
        },
        opened(contract, round, 'manager_review', approvers.manager_review.personId),
      ];
    }
    case 'RecordBudgetCheck': {
      const { contract, chain } = atStep(state, command.data, 'budget_check');
      const { result } = command.data;
      const figures = {
        ...ref(contract),
        round: contract.round,
        step: 'budget_check' as const,
        category: result.category,
        estimate: result.estimate,
        committed: result.committed,
        contractTotal: result.contractTotal,
        remainingAfter: result.remainingAfter,
      };
      if (!result.withinBudget)
        return [
          { type: 'BudgetOverrunFlagged', data: figures },
          opened(contract, contract.round, 'finance_overrun', chain.approvers.finance_overrun),
        ];
      return [{ type: 'BudgetCheckPassed', data: figures }, ...after(contract, chain, 'budget_check')];
    }
    case 'ApproveStep': {
      const { contract, chain } = decidedBy(state, command.data);
      const { step, by, note } = command.data;
      return [
        {
          type: 'ApprovalStepApproved',
          data: {
            ...ref(contract),
            round: contract.round,
            step,
            approvedBy: by.personId,
            ...(note === undefined ? {} : { note }),
          },
        },
        ...after(contract, { ...chain, approved: [...chain.approved, step] }, step),
      ];
    }
    case 'RejectStep':
    case 'SendBackContract': {
      const { contract } = decidedBy(state, command.data);
      const { step, by } = command.data;
      const reason = command.data.reason.trim();
      if (!reason) throw new ValidationError('Say why', 'reason');
      const base = { ...ref(contract), round: contract.round, step, reason };
      return command.type === 'RejectStep'
        ? [{ type: 'ContractRejected', data: { ...base, rejectedBy: by.personId } }]
        : [{ type: 'ContractSentBack', data: { ...base, sentBackBy: by.personId } }];
    }
    case 'DelegateStep': {
      const { contract, chain } = atStep(state, command.data, command.data.step);
      const { step, by, to, reason } = command.data;
      const role = STEP_ROLE[step];
      if (by.partyId === contract.vendorId) throw new OwnContractError();
      const isAssignee = by.personId === chain.assigneeId && by.roles.includes(role);
      if (!isAssignee) {
        if (!by.roles.some((r) => MANAGING.includes(r)))
          throw by.roles.includes(role)
            ? new NotYourStepError('Only the step’s assignee or a production manager may delegate it')
            : new WrongRoleError(
                `The ${step.replace('_', ' ')} step is delegated by its assignee or a production manager`,
              );
      }
      if (to.partyId === contract.vendorId)
        throw new OwnContractError('A vendor can never approve its own contract');
      if (!to.roles.includes(role))
        throw new ValidationError(
          `A step is delegated to another person with the same role (${role})`,
          'toPersonId',
        );
      if (to.personId === chain.assigneeId)
        throw new ValidationError('The step is already assigned to this person', 'toPersonId');
      return [
        {
          type: 'ApprovalStepDelegated',
          data: {
            ...ref(contract),
            round: contract.round,
            step,
            from: chain.assigneeId!,
            to: to.personId,
            delegatedBy: by.personId,
            ...(reason === undefined ? {} : { reason }),
          },
        },
      ];
    }
    case 'RemindApprover': {
      const { contract, chain } = atStep(state, command.data, command.data.step);
      return [
        {
          type: 'ApprovalReminderSent',
          data: {
            ...ref(contract),
            round: contract.round,
            step: command.data.step,
            assigneeId: chain.assigneeId!,
          },
        },
      ];
    }
    case 'EscalateStep': {
      const { contract, chain } = atStep(state, command.data, command.data.step);
      return [
        {
          type: 'ApprovalEscalated',
          data: {
            ...ref(contract),
            round: contract.round,
            step: command.data.step,
            assigneeId: chain.assigneeId!,
            escalatedTo: command.data.escalateTo,
          },
        },
      ];
    }
    case 'WithdrawContract': {
      const contract = existing(state, command.data.contractId);
      if (contract.status === 'rejected' || contract.status === 'withdrawn' || contract.status === 'signed')
        throw new AlreadyDecidedError(`The contract was already ${contract.status}`);
      if (command.data.contractVersion !== contract.version)
        throw new StaleContractVersionError(command.data.contractVersion, contract.version);
      const { by, reason } = command.data;
      requireRole(by, MANAGING, 'withdraw a contract');
      return [
        {
          type: 'ContractWithdrawn',
          data: {
            ...ref(contract),
            ...(contract.status === 'in_approval' ? { step: contract.chain.step } : {}),
            withdrawnBy: by.personId,
            ...(reason === undefined ? {} : { reason }),
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

function existing(state: ContractState, contractId: string): ExistingContract {
  if (state.status === 'none') throw new ContractNotFoundError(contractId);
  return state;
}

const ref = (contract: ContractCore) => ({
  productionId: contract.productionId,
  contractId: contract.id,
  vendorId: contract.vendorId,
  version: contract.version,
});

function opened(
  contract: ContractCore,
  round: number,
  step: ApprovalStep,
  assigneeId?: string,
): ContractEvent {
  return {
    type: 'ApprovalStepOpened',
    data: {
      ...ref(contract),
      round,
      step,
      ...(assigneeId === undefined ? {} : { assigneeId }),
      ...(isHumanStep(step) ? { role: STEP_ROLE[step] } : {}),
    },
  };
}

/** What follows a step that passed: the next step of the chain, or the signature. */
function after(contract: ContractCore, chain: ApprovalChain, step: ApprovalStep): ContractEvent[] {
  const next: ApprovalStep | 'signed' =
    step === 'manager_review'
      ? 'budget_check'
      : step === 'budget_check' || step === 'finance_overrun'
        ? chain.clientApprovalRequired
          ? 'client_approval'
          : 'signed'
        : 'signed';
  if (next === 'signed')
    return [
      {
        type: 'ContractSigned',
        data: {
          ...ref(contract),
          round: contract.round,
          category: contract.category,
          currency: contract.currency,
          total: contract.terms.total,
          approvedSteps: [...chain.approved],
        },
      },
    ];
  return [opened(contract, contract.round, next, isHumanStep(next) ? chain.approvers[next] : undefined)];
}

/** The contract in approval, at `step`, for the version the caller saw. */
function atStep(
  state: ContractState,
  data: { contractId: string; contractVersion: number },
  step: ApprovalStep,
): { contract: ContractCore; chain: ApprovalChain } {
  const contract = existing(state, data.contractId);
  switch (contract.status) {
    case 'rejected':
    case 'withdrawn':
    case 'signed':
      throw new AlreadyDecidedError(`The contract was already ${contract.status}`);
    case 'changes_requested':
      throw new AlreadyDecidedError('The contract was sent back for changes: this round is over');
    case 'draft':
      throw new WrongStepError('The contract is not in approval', undefined);
    case 'in_approval':
      break;
    default:
      return assertNever(contract);
  }
  if (data.contractVersion !== contract.version)
    throw new StaleContractVersionError(data.contractVersion, contract.version);
  const { chain } = contract;
  if (chain.step !== step) {
    if (isHumanStep(step) && chain.approved.includes(step))
      throw new AlreadyDecidedError(`The ${step.replace('_', ' ')} step was already approved`);
    throw new WrongStepError(
      `The contract is at the ${chain.step.replace('_', ' ')} step, not ${step.replace('_', ' ')}`,
      chain.step,
    );
  }
  return { contract: coreOf(contract), chain };
}

/** As `atStep`, and the caller is the one who decides it. */
function decidedBy(
  state: ContractState,
  data: { contractId: string; contractVersion: number; step: HumanApprovalStep; by: ApprovalActor },
): { contract: ContractCore; chain: ApprovalChain } {
  const found = atStep(state, data, data.step);
  const { by, step } = data;
  if (by.partyId === found.contract.vendorId) throw new OwnContractError();
  const role = STEP_ROLE[step];
  if (!by.roles.includes(role))
    throw new WrongRoleError(`The ${step.replace('_', ' ')} step is decided by a ${role.replace('_', ' ')}`);
  if (by.personId !== found.chain.assigneeId)
    throw new NotYourStepError(
      `The ${step.replace('_', ' ')} step is assigned to someone else; ask them to delegate it`,
    );
  return found;
}

function requireRole(by: ApprovalActor, roles: readonly Role[], what: string): void {
  if (!by.roles.some((role) => roles.includes(role)))
    throw new WrongRoleError(`Only a ${roles.map((r) => r.replace('_', ' ')).join(' or ')} may ${what}`);
}
