import type { EventStore } from '@panggung/event-store';
import { createContractActivities } from './contracts.ts';
import { createPhaseActivities } from './phases.ts';
import { createCrewActivities } from './crew.ts';
import { createIncidentActivities } from './incidents.ts';
import { createProductionActivities } from './production.ts';

/** What the activities need from the process. */
export interface ActivityDeps {
  readonly store: EventStore;
}

/**
 * Every activity the worker registers, one factory per capability.
 *
 * @example
 * const worker = await createWorker({ connection, config, activities: createActivities({ store }) });
 */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createProductionActivities(deps),
    ...createContractActivities(deps),
    ...createPhaseActivities(deps),
    ...createCrewActivities(deps),
    ...createIncidentActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export { createProductionActivities, productionStreamId } from './production.ts';
export { createContractActivities } from './contracts.ts';
export { createPhaseActivities } from './phases.ts';
export { createCrewActivities } from './crew.ts';
export { createIncidentActivities } from './incidents.ts';
