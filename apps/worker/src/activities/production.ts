import { productionStream } from '@panggung/domain';
import type { EventStore } from '@panggung/event-store';
import type { ProductionActivities } from '@panggung/workflows';
import { appendStep } from './append-step.ts';

/** The stream of a production's lifecycle events: the production's own (named by the domain). */
export const productionStreamId = productionStream;

/**
 * The production workflow's activities.
 *
 * @example
 * const activities = createProductionActivities({ store });
 * await Worker.create({ ..., activities });
 */
export function createProductionActivities({ store }: { store: EventStore }): ProductionActivities {
  return {
    openPlanning: ({ productionId, step }) =>
      appendStep(store, productionStreamId(productionId), step, [
        { type: 'ProductionPlanningOpened', data: { productionId } },
      ]),
    closeProduction: ({ productionId, step }) =>
      appendStep(store, productionStreamId(productionId), step, [
        { type: 'ProductionClosed', data: { productionId } },
      ]),
  };
}
