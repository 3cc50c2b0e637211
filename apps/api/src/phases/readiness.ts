import type { GateCondition, PhaseReadiness } from '@panggung/contracts';
import {
  describeCondition,
  evolvePhase,
  gateChecks,
  initialPhaseState,
  nextPhase,
  productionStream,
  type PhaseEvent,
} from '@panggung/domain';
import { gatherGateFacts, loadPhasesSettings } from '@panggung/worker/gate-facts';
import type { FastifyInstance } from 'fastify';

const PHASE_EVENT_TYPES: ReadonlySet<string> = new Set<PhaseEvent['type']>([
  'ProductionPhaseChanged',
  'ProductionClosed',
]);

/** A condition with its English sentence, as the API answers it. */
export const conditionView = (condition: GateCondition, met = false) => ({
  condition,
  met,
  message: describeCondition(condition),
});

/**
 * Where a production stands and its next gate, met or missing, judged on the same facts the workflow
 * gathers (`gatherGateFacts`). The phase comes from the production's stream, not a read table, so it is
 * current the moment the workflow appended the change.
 */
export async function phaseReadiness(app: FastifyInstance, productionId: string): Promise<PhaseReadiness> {
  const [stored, facts, settings] = await Promise.all([
    app.store.readStream(productionStream(productionId), { limit: 100_000 }),
    gatherGateFacts(app.store, productionId),
    loadPhasesSettings(app.store, productionId),
  ]);
  const { phase } = stored
    .filter((event) => PHASE_EVENT_TYPES.has(event.type))
    .reduce(
      (state, event) => evolvePhase(state, { type: event.type, data: event.data } as PhaseEvent),
      initialPhaseState,
    );
  const next = nextPhase(phase);
  const checks = next ? gateChecks(phase, next, facts) : [];
  return {
    productionId,
    phase,
    ...(next ? { next } : {}),
    conditions: checks.map((check) => conditionView(check.condition, check.met)),
    missing: checks.filter((check) => !check.met).map((check) => check.condition),
    requiredCategories: [...facts.requiredCategories],
    requiredCategoriesSet: settings.state.requiredCategories !== undefined,
    version: settings.version,
  };
}
