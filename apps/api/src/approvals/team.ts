import type { ApprovalActor, ApprovalPolicyView, Role, SubmitContractBody } from '@panggung/contracts';
import {
  APPROVAL_POLICY_EVENT_TYPES,
  approvalPolicyStream,
  decideApprovalPolicy,
  decideProduction,
  effectiveApprovalPolicy,
  evolveApprovalPolicy,
  evolveProduction,
  initialApprovalPolicyState,
  initialProductionState,
  PRODUCTION_EVENT_TYPES,
  productionStream,
  ValidationError,
  type ApprovalPolicyCommand,
  type ApprovalPolicyEvent,
  type ApprovalPolicyState,
  type ApproverChoice,
  type MemberRecord,
  type ProductionCommand,
  type ProductionEvent,
  type ProductionState,
} from '@panggung/domain';
import type { FastifyInstance } from 'fastify';
import type { Decider } from '../commands/handle-command.ts';
import { loadState } from '../contracts/streams.ts';

export const policyDecider: Decider<ApprovalPolicyCommand, ApprovalPolicyEvent, ApprovalPolicyState> = {
  decide: decideApprovalPolicy,
  evolve: evolveApprovalPolicy,
  initial: initialApprovalPolicyState,
  eventTypes: APPROVAL_POLICY_EVENT_TYPES,
};
const productionDecider: Decider<ProductionCommand, ProductionEvent, ProductionState> = {
  decide: decideProduction,
  evolve: evolveProduction,
  initial: initialProductionState,
  eventTypes: PRODUCTION_EVENT_TYPES,
};

/** A production's members in the order they joined (from its stream), as approvals need them. */
export class Team {
  constructor(readonly members: readonly MemberRecord[]) {}

  /** The first member holding `role`, if any. */
  first(role: Role): string | undefined {
    return this.members.find((m) => m.role === role)?.personId;
  }

  /** A member as the domain judges approvers: their roles in this production and their company. */
  actor(personId: string): ApprovalActor {
    const own = this.members.filter((m) => m.personId === personId);
    const partyId = own.find((m) => m.partyId)?.partyId;
    return { personId, roles: [...new Set(own.map((m) => m.role))], ...(partyId ? { partyId } : {}) };
  }
}

export async function loadTeam(app: FastifyInstance, productionId: string): Promise<Team> {
  const state = await loadState(app.store, productionStream(productionId), productionDecider);
  return new Team(state.status === 'exists' ? state.members : []);
}

/** The production's approval policy as it stands (the defaults until one is set), with its stream version. */
export async function loadPolicy(
  app: FastifyInstance,
  productionId: string,
  team: Team,
): Promise<{ view: ApprovalPolicyView; state: ApprovalPolicyState; defaultOwnerId: string }> {
  const streamId = approvalPolicyStream(productionId);
  const [state, version] = await Promise.all([
    loadState(app.store, streamId, policyDecider),
    app.store.streamVersion(streamId),
  ]);
  const defaultOwnerId = team.first('production_manager') ?? '00000000-0000-0000-0000-000000000000';
  const policy = effectiveApprovalPolicy(state, defaultOwnerId);
  return {
    view: { productionId, ...policy, isDefault: state.status === 'default', version: Number(version) },
    state,
    defaultOwnerId,
  };
}

/**
 * Who decides each step: those the submitter named, else the policy's owner (if still a manager) or the
 * first production manager, the first finance approver and the first client of the production.
 */
export function chooseApprovers(
  team: Team,
  ownerId: string,
  named: SubmitContractBody['approvers'],
): ApproverChoice {
  const managers = team.members.filter((m) => m.role === 'production_manager').map((m) => m.personId);
  const manager = named?.manager_review ?? (managers.includes(ownerId) ? ownerId : managers[0]);
  const finance = named?.finance_overrun ?? team.first('finance_approver');
  const client = named?.client_approval ?? team.first('client');
  if (!manager)
    throw new ValidationError(
      'The production has no production manager to review it',
      'approvers/manager_review',
    );
  if (!finance)
    throw new ValidationError(
      'The production has no finance approver to decide a budget overrun: add one first',
      'approvers/finance_overrun',
    );
  return {
    manager_review: team.actor(manager),
    finance_overrun: team.actor(finance),
    ...(client ? { client_approval: team.actor(client) } : {}),
  };
}
