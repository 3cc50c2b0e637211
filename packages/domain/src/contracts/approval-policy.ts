import type { ApprovalActor, ApprovalPolicySet } from '@panggung/contracts';
import { ValidationError } from '../core/errors.ts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';
import { WrongRoleError } from './errors.ts';

/** The stream of one production's approval policy. */
export const approvalPolicyStream = (productionId: string): string => `approval-policy-${productionId}`;

/** Contracts at or above Rp 50.000.000 (with tax) need the client's approval unless a production says otherwise. */
export const DEFAULT_CLIENT_APPROVAL_THRESHOLD = 50_000_000;
/** A step waiting a day reminds its assignee; a day after that it escalates. */
export const DEFAULT_REMINDER_AFTER_MS = 24 * 3_600_000;
export const DEFAULT_ESCALATE_AFTER_MS = 24 * 3_600_000;
const MIN_DEADLINE_MS = 1_000;
const MAX_DEADLINE_MS = 30 * 24 * 3_600_000;

/** What the approval workflow is started with (structurally the workflow's `ApprovalPolicy`). */
export interface ApprovalPolicySettings {
  readonly clientApprovalThreshold: number;
  readonly reminderAfterMs: number;
  readonly escalateAfterMs: number;
  /** A production manager: escalations go to them. */
  readonly ownerId: string;
}

export type ApprovalPolicyCommand = Command<
  'SetApprovalPolicy',
  {
    productionId: string;
    clientApprovalThreshold?: number;
    reminderAfterMs?: number;
    escalateAfterMs?: number;
    /** The new owner, with the roles the API found them to hold in the production. */
    owner?: ApprovalActor;
    /** The production's default owner (its first manager), used while no policy names one. */
    defaultOwnerId: string;
    by: ApprovalActor;
  }
>;

export type ApprovalPolicyEvent = DomainEvent<'ApprovalPolicySet', ApprovalPolicySet>;

export const APPROVAL_POLICY_EVENT_TYPES: ReadonlySet<string> = new Set<ApprovalPolicyEvent['type']>([
  'ApprovalPolicySet',
]);

export type ApprovalPolicyState =
  { readonly status: 'default' } | { readonly status: 'set'; readonly policy: ApprovalPolicySettings };

export const initialApprovalPolicyState: ApprovalPolicyState = { status: 'default' };

export function evolveApprovalPolicy(
  _state: ApprovalPolicyState,
  event: ApprovalPolicyEvent,
): ApprovalPolicyState {
  switch (event.type) {
    case 'ApprovalPolicySet': {
      const { clientApprovalThreshold, reminderAfterMs, escalateAfterMs, ownerId } = event.data;
      return {
        status: 'set',
        policy: { clientApprovalThreshold, reminderAfterMs, escalateAfterMs, ownerId },
      };
    }
    default:
      return assertNever(event.type);
  }
}

/**
 * The policy in force: the one set, or the defaults with `defaultOwnerId` (the production's first
 * manager) as owner.
 *
 * @example
 * effectiveApprovalPolicy(initialApprovalPolicyState, managerId).clientApprovalThreshold // 50_000_000
 */
export function effectiveApprovalPolicy(
  state: ApprovalPolicyState,
  defaultOwnerId: string,
): ApprovalPolicySettings {
  if (state.status === 'set') return state.policy;
  return {
    clientApprovalThreshold: DEFAULT_CLIENT_APPROVAL_THRESHOLD,
    reminderAfterMs: DEFAULT_REMINDER_AFTER_MS,
    escalateAfterMs: DEFAULT_ESCALATE_AFTER_MS,
    ownerId: defaultOwnerId,
  };
}

/**
 * Sets what is given and keeps the rest. Only a production manager or organisation admin may; the owner
 * must be a production manager of the production; deadlines run from a second to thirty days. A change
 * that changes nothing records nothing.
 */
export function decideApprovalPolicy(
  command: ApprovalPolicyCommand,
  state: ApprovalPolicyState,
): ApprovalPolicyEvent[] {
  switch (command.type) {
    case 'SetApprovalPolicy': {
      const { productionId, owner, by, defaultOwnerId } = command.data;
      if (!by.roles.some((role) => role === 'production_manager' || role === 'org_admin'))
        throw new WrongRoleError(
          'Only a production manager or organisation admin may set the approval policy',
        );
      const current = effectiveApprovalPolicy(state, defaultOwnerId);
      if (owner && !owner.roles.includes('production_manager'))
        throw new ValidationError('The owner is a production manager of this production', 'ownerId');
      const next: ApprovalPolicySettings = {
        clientApprovalThreshold: command.data.clientApprovalThreshold ?? current.clientApprovalThreshold,
        reminderAfterMs: command.data.reminderAfterMs ?? current.reminderAfterMs,
        escalateAfterMs: command.data.escalateAfterMs ?? current.escalateAfterMs,
        ownerId: owner?.personId ?? current.ownerId,
      };
      if (!Number.isSafeInteger(next.clientApprovalThreshold) || next.clientApprovalThreshold < 0)
        throw new ValidationError('The threshold is whole rupiah, not negative', 'clientApprovalThreshold');
      for (const field of ['reminderAfterMs', 'escalateAfterMs'] as const)
        if (!Number.isInteger(next[field]) || next[field] < MIN_DEADLINE_MS || next[field] > MAX_DEADLINE_MS)
          throw new ValidationError('A deadline runs from one second to thirty days', field);
      if (state.status === 'set' && JSON.stringify(state.policy) === JSON.stringify(next)) return [];
      return [{ type: 'ApprovalPolicySet', data: { productionId, ...next, setBy: by.personId } }];
    }
    default:
      return assertNever(command.type);
  }
}
