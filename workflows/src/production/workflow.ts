import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { PhaseChangeAccepted, ProductionStatus } from '@panggung/contracts';
import {
  decidePhase,
  DEFAULT_MILESTONE_REMINDER_LEAD_MS,
  DomainError,
  GateNotMetError,
  MIN_FORCE_REASON_LENGTH,
  nextPhase,
  PhaseSkipError,
  nextMilestoneReminder,
  reminderKey,
  type DueMilestone,
  type PhaseCommand,
} from '@panggung/domain';
import type { PhaseActivities } from '../phases/activities.ts';
import {
  advancePhaseUpdate,
  forceGateUpdate,
  PHASE_MANAGING_ROLES,
  timelineChangedSignal,
  type AdvancePhaseArgs,
  type PhaseRefusalDetails,
} from '../phases/messages.ts';
import type { ProductionActivities } from './activities.ts';
import {
  closeProductionSignal,
  getPhaseQuery,
  type ProductionPhase,
  type ProductionWorkflowInput,
  type ProductionWorkflowResult,
} from './messages.ts';

const { openPlanning, closeProduction } = proxyActivities<ProductionActivities>({
  // An append is one database round trip; a minute covers a slow or restarting PostgreSQL.
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    // Unlimited attempts: an append that cannot reach the database waits for it. Bad input fails at
    // once, because the activity raises it as a non-retryable ApplicationFailure.
  },
});

const phases = proxyActivities<PhaseActivities>({
  // Gathering facts reads a few streams; a minute covers a slow or restarting PostgreSQL.
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Temporal's clock: the sandbox's `Date` is the current workflow task's time, recorded in history. */
function workflowNowMs(): number {
  // eslint-disable-next-line no-restricted-properties -- deterministic in the workflow sandbox
  return Date.now();
}

/** A refusal as the non-retryable failure the update's caller receives, with the missing conditions. */
function refused(type: string, message: string, details: PhaseRefusalDetails): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true, details: [details] });
}

function asRefusal(error: unknown): ApplicationFailure {
  if (error instanceof GateNotMetError)
    return refused('gate_not_met', error.message, { code: error.code, missing: error.missing });
  if (error instanceof DomainError) {
    const type = (error as { refusal?: string }).refusal ?? error.code;
    return refused(type, error.message, { code: error.code, field: error.field });
  }
  return refused('INVALID_ARGUMENT', error instanceof Error ? error.message : String(error), {
    code: 'INVALID_ARGUMENT',
  });
}

/**
 * One per production (id `production-<productionId>`), started when the production is created. Opens
 * the planning phase, then moves through the phases on `advancePhase`/`forceGate` (each gate judged by
 * the domain's `decidePhase` against facts gathered by an activity), reminds of timeline milestones a
 * lead time before they are due once told the timeline changed, opens the vendor settlement on entering
 * wrap-up, and ends when closed (by the last gate, or the `closeProduction` signal). Every transition is
 * an event appended by an idempotent activity, so the event store, not this workflow, holds the truth.
 *
 * Replay compatibility: a run that receives none of the phase messages issues exactly the commands the
 * first version did (open planning, wait for the close, close).
 */
export async function productionWorkflow(input: ProductionWorkflowInput): Promise<ProductionWorkflowResult> {
  if (!input?.productionId || !input.organisationId) {
    throw ApplicationFailure.nonRetryable(
      'productionWorkflow needs a productionId and an organisationId',
      'InvalidWorkflowInput',
    );
  }
  const { productionId } = input;
  const leadMs = input.milestoneReminderLeadMs ?? DEFAULT_MILESTONE_REMINDER_LEAD_MS;
  let phase: ProductionPhase = 'planning';
  let closeRequested = false;
  let timelineDirty = false;
  let changing = false;
  let milestones: DueMilestone[] = [];
  const reminded = new Set<string>();
  setHandler(getPhaseQuery, () => phase);
  // A close that arrives before planning is recorded is kept and applied right after it.
  setHandler(closeProductionSignal, () => void (closeRequested = true));
  setHandler(timelineChangedSignal, () => void (timelineDirty = true));

  /** Synchronous checks only (an async validator validates nothing): the role, and the next phase. */
  const validate = (args: AdvancePhaseArgs, reason?: string) => {
    if (!args?.requestedBy?.personId || !Array.isArray(args.requestedBy.roles))
      throw refused('INVALID_ARGUMENT', 'A phase change names who asks (requestedBy)', {
        code: 'INVALID_ARGUMENT',
        field: 'requestedBy',
      });
    if (!args.requestedBy.roles.some((role) => PHASE_MANAGING_ROLES.includes(role)))
      throw refused('wrong_role', 'Only a production manager or organisation admin changes the phase', {
        code: 'FORBIDDEN',
      });
    if (phase === 'closed' || closeRequested)
      throw refused('phase_not_next', 'The production is closed', { code: 'ILLEGAL_STATE', field: 'to' });
    if (nextPhase(phase) !== args.to) throw asRefusal(new PhaseSkipError(phase, args.to, nextPhase(phase)));
    if (
      reason !== undefined &&
      (typeof reason !== 'string' || reason.trim().length < MIN_FORCE_REASON_LENGTH)
    )
      throw refused(
        'VALIDATION',
        `A forced gate needs a written reason of at least ${MIN_FORCE_REASON_LENGTH} characters`,
        { code: 'VALIDATION', field: 'reason' },
      );
  };

  /** Judges and records one phase change; one at a time, each against the phase the last one left. */
  const change = async (
    args: AdvancePhaseArgs,
    forced: { reason: string } | undefined,
  ): Promise<PhaseChangeAccepted> => {
    await condition(() => !changing);
    changing = true;
    try {
      const from: ProductionStatus = phase;
      const facts = await phases.gatherGateFacts({ productionId });
      const metadata = {
        actor: `person:${args.requestedBy.personId}`,
        now: new Date(workflowNowMs()).toISOString(),
      };
      const command: PhaseCommand = forced
        ? {
            type: 'ForceGate',
            data: {
              productionId,
              to: args.to,
              reason: forced.reason,
              byPersonId: args.requestedBy.personId,
              facts,
            },
            metadata,
          }
        : { type: 'AdvancePhase', data: { productionId, to: args.to, facts }, metadata };
      let events;
      try {
        events = decidePhase(command, { phase: from });
      } catch (error) {
        throw asRefusal(error);
      }
      await phases.changePhase({
        productionId,
        step: `phase-${from}-${args.to}`,
        events,
        actor: metadata.actor,
      });
      phase = args.to;
      if (phase === 'wrap_up') await phases.openSettlement({ productionId, step: 'open-settlement' });
      return { productionId, from, phase, forced: forced !== undefined, at: metadata.now };
    } finally {
      changing = false;
    }
  };

  setHandler(advancePhaseUpdate, (args) => change(args, undefined), {
    validator: (args) => validate(args),
  });
  setHandler(forceGateUpdate, (args) => change(args, { reason: args.reason }), {
    validator: (args) => validate(args, args?.reason ?? ''),
  });

  await openPlanning({ productionId, step: 'open-planning' });
  const ended = () => closeRequested || phase === 'closed';
  while (!ended()) {
    if (timelineDirty) {
      timelineDirty = false;
      milestones = await phases.upcomingMilestones({ productionId });
      continue;
    }
    // Timers exist only once milestones are known (after a timelineChanged): a run without phase
    // messages waits exactly as the first version did.
    const next = nextMilestoneReminder(milestones, reminded, leadMs, workflowNowMs());
    const wake = () => ended() || timelineDirty;
    if (!next) {
      await condition(wake);
      continue;
    }
    const waitMs = next.remindAtMs - workflowNowMs();
    if (waitMs > 0 && (await condition(wake, waitMs))) continue;
    const key = reminderKey(next.milestone);
    reminded.add(key);
    await phases.sendMilestoneReminder({
      productionId,
      step: `remind-${key}`,
      milestone: next.milestone,
      leadMs,
    });
  }
  await condition(() => !changing && allHandlersFinished());
  // Closed by the last gate already, or by the signal: only the signal appends ProductionClosed.
  if ((phase as ProductionPhase) !== 'closed') {
    await closeProduction({ productionId, step: 'close' });
    phase = 'closed';
  }
  return { productionId, phase: 'closed' };
}
