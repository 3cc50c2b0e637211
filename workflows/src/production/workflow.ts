import { ApplicationFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
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

/**
 * One per production (id `production-<productionId>`), started when the production is created. Opens
 * the planning phase, then waits for `closeProduction`; answers `getPhase` all along. Every transition
 * is an event appended by an activity, so the event store, not this workflow, holds the truth.
 */
export async function productionWorkflow(input: ProductionWorkflowInput): Promise<ProductionWorkflowResult> {
  if (!input?.productionId || !input.organisationId) {
    throw ApplicationFailure.nonRetryable(
      'productionWorkflow needs a productionId and an organisationId',
      'InvalidWorkflowInput',
    );
  }
  const { productionId } = input;
  let phase: ProductionPhase = 'planning';
  let closeRequested = false;
  setHandler(getPhaseQuery, () => phase);
  // A close that arrives before planning is recorded is kept and applied right after it.
  setHandler(closeProductionSignal, () => void (closeRequested = true));

  await openPlanning({ productionId, step: 'open-planning' });
  await condition(() => closeRequested);
  await closeProduction({ productionId, step: 'close' });
  phase = 'closed';
  return { productionId, phase };
}
