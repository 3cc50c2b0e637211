import type { ProductionEvents } from '@panggung/contracts';
import type { Projection } from '@panggung/event-store';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { TemporalService } from '../services/temporal.ts';
import type { Database } from '../schema/tables.ts';

/**
 * Starts each production's workflow when the production is created. It runs as a checkpointed
 * projector, so a production created while Temporal is down gets its workflow once Temporal is back:
 * the batch fails, is retried, and a workflow that already runs is left alone (its id is the production's).
 */
export function productionWorkflowStarter(temporal: TemporalService): Projection<Database> {
  return {
    name: 'production-workflow-starter',
    async apply(_trx, events) {
      for (const event of events) {
        if (event.type !== 'ProductionCreated') continue;
        const { productionId, organisationId } = event.data as unknown as ProductionEvents.ProductionCreated;
        const client = await temporal.client();
        await client.workflow
          .start('productionWorkflow', {
            workflowId: `production-${productionId}`,
            // A workflow that already ran to its end is never started again (a replay of the reactor).
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            taskQueue: temporal.taskQueue,
            args: [{ productionId, organisationId }],
          })
          .catch((error: unknown) => {
            if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
          });
      }
    },
    async reset() {
      // Starting is idempotent by workflow id: replaying from zero starts nothing twice.
    },
  };
}
