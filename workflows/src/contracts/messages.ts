import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  ApprovalActor,
  ApprovalChainView,
  DecisionAccepted,
  HumanApprovalStep,
} from '@panggung/contracts';
import type { ApproverChoice } from '@panggung/domain';

/**
 * The contract approval workflow's messages, shared by the workflow and its clients (the API). Their
 * names are part of the contract with running executions: renaming one breaks approvals in flight.
 */

/** Per production: when to remind the assignee of a waiting step, and when to escalate it after that. */
export interface ApprovalPolicy {
  /** Contracts whose total (with tax) is at or above this need the client's approval, e.g. Rp 50.000.000. */
  readonly clientApprovalThreshold: number;
  /** A human step waiting this long (ms) reminds its assignee. */
  readonly reminderAfterMs: number;
  /** This long (ms) after the reminder, the step escalates to the production's owner. */
  readonly escalateAfterMs: number;
  /** The production's owner (a production manager): escalations go to them. */
  readonly ownerId: string;
}

/** What starts the approval of one version of a contract. */
export interface ContractApprovalInput {
  readonly contractId: string;
  /** The version being submitted: a stale one fails the workflow at once. */
  readonly contractVersion: number;
  readonly submittedBy: ApprovalActor;
  readonly approvers: ApproverChoice;
  readonly policy: ApprovalPolicy;
}

export type ContractApprovalOutcome = 'signed' | 'rejected' | 'sent_back' | 'withdrawn';

export interface ContractApprovalResult {
  readonly contractId: string;
  readonly contractVersion: number;
  readonly outcome: ContractApprovalOutcome;
}

/** A decision on a human step: the step and contract version the person looked at, and who they are. */
export interface DecisionArgs {
  readonly step: HumanApprovalStep;
  readonly contractVersion: number;
  /** As the API resolved them from the session and the production's membership. */
  readonly by: ApprovalActor;
  readonly note?: string;
}
export interface ReasonedDecisionArgs extends Omit<DecisionArgs, 'note'> {
  readonly reason: string;
}
export interface DelegateArgs extends Omit<DecisionArgs, 'note'> {
  readonly to: ApprovalActor;
  readonly reason?: string;
}
export interface WithdrawArgs {
  readonly contractVersion: number;
  readonly by: ApprovalActor;
  readonly reason?: string;
}

/**
 * Approves the open step. Refused at once (a failed update, nothing in the workflow's history, no event)
 * for the wrong step, role or person, a vendor on its own contract, a stale version or a chain already
 * decided: the failure's `type` is the refusal (`wrong_step`, `wrong_role`, `wrong_person`,
 * `own_contract`, `stale_version`, `already_decided`) or a domain code (`VALIDATION`, `NOT_FOUND`…).
 * Accepted, it answers once the step's events are in the event store.
 *
 * @example
 * await handle.executeUpdate(approveUpdate, { args: [{ step: 'manager_review', contractVersion: 1, by }] });
 */
export const approveUpdate = defineUpdate<DecisionAccepted, [DecisionArgs]>('approve');
/** Rejects the contract for good, with a reason. Refusals as `approveUpdate`. */
export const rejectUpdate = defineUpdate<DecisionAccepted, [ReasonedDecisionArgs]>('reject');
/** Sends the contract back for changes: this workflow ends; a revised version is submitted anew. */
export const sendBackUpdate = defineUpdate<DecisionAccepted, [ReasonedDecisionArgs]>('sendBack');
/** Hands the open step to another person with the same role (its assignee or a production manager asks). */
export const delegateUpdate = defineUpdate<DecisionAccepted, [DelegateArgs]>('delegate');
/** The production manager withdraws the contract: the chain ends. */
export const withdrawUpdate = defineUpdate<DecisionAccepted, [WithdrawArgs]>('withdraw');

/** The chain as it stands: step, assignee, and the history of every round (undefined before loading). */
export const getApprovalChainQuery = defineQuery<ApprovalChainView | undefined>('getApprovalChain');

/**
 * One workflow per submitted contract version: `contract-approval-<contractId>-v<version>`. A send-back
 * ends it; the revision bumps the version and its submission starts the next one, so the id says which
 * version is in approval, a version can never be in approval twice (start with the reject-duplicate id
 * reuse policy), and each history stays short.
 */
export function contractApprovalWorkflowId(contractId: string, contractVersion: number): string {
  return `contract-approval-${contractId}-v${contractVersion}`;
}
