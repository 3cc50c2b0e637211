import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { GateCondition, PhaseChangeAccepted, ProductionStatus, Role } from '@panggung/contracts';

/**
 * The phase machine's messages on the production workflow (`production-<id>`), shared with the API.
 * Their names are part of the contract with running executions.
 */

/** Who asks, as the API resolved them from the session and the production's membership. */
export interface PhaseRequester {
  readonly personId: string;
  readonly roles: readonly Role[];
}

export interface AdvancePhaseArgs {
  readonly to: ProductionStatus;
  readonly requestedBy: PhaseRequester;
}

export interface ForceGateArgs extends AdvancePhaseArgs {
  /** At least 10 characters, recorded in the event. */
  readonly reason: string;
}

/** What a refused phase change carries in its failure's details. */
export interface PhaseRefusalDetails {
  readonly code: string;
  readonly field?: string | undefined;
  /** The gate's missing conditions (a `gate_not_met` refusal). */
  readonly missing?: readonly GateCondition[] | undefined;
}

/**
 * Moves the production to the next phase when its gate is met. Refused (ApplicationFailure
 * `gate_not_met` with the missing conditions in its details, `phase_not_next`, `wrong_role`) otherwise.
 *
 * @example
 * await handle.executeUpdate(advancePhaseUpdate, { args: [{ to: 'pre_production', requestedBy }] });
 */
export const advancePhaseUpdate = defineUpdate<PhaseChangeAccepted, [AdvancePhaseArgs]>('advancePhase');

/** Moves to the next phase although its gate is not met, recording the reason and what was missing. */
export const forceGateUpdate = defineUpdate<PhaseChangeAccepted, [ForceGateArgs]>('forceGate');

/** The production's timeline changed: the workflow reloads its milestones to remind of. */
export const timelineChangedSignal = defineSignal('timelineChanged');

/** Roles that may advance or force a production's phase. */
export const PHASE_MANAGING_ROLES: readonly Role[] = ['org_admin', 'production_manager'];
