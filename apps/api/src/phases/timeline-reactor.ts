import { productionWorkflowId, timelineChangedSignal } from '@panggung/workflows';
import type { Projection } from '@panggung/event-store';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { TemporalService } from '../services/temporal.ts';
import type { Database } from '../schema/tables.ts';

const TIMELINE_PREFIX = 'timeline-';

/**
 * Tells a production's workflow that its timeline changed (so it reloads the milestones it reminds of):
 * one `timelineChanged` signal per production per batch of `timeline-*` events. Checkpointed like a
 * projection, so a change made while Temporal is down is signalled once it is back.
 */
export function timelineChangedReactor(temporal: TemporalService): Projection<Database> {
  return {
    name: 'phases-timeline-reactor',
    async apply(_trx, events) {
      const productions = new Set(
        events
          .filter((event) => event.streamId.startsWith(TIMELINE_PREFIX))
          .map((event) => event.streamId.slice(TIMELINE_PREFIX.length)),
      );
      if (productions.size === 0) return;
      const client = await temporal.client();
      for (const productionId of productions) {
        await client.workflow
          .getHandle(productionWorkflowId(productionId))
          .signal(timelineChangedSignal)
          .catch((error: unknown) => {
            // A production without a running workflow (closed) has nothing to remind of.
            if (!(error instanceof WorkflowNotFoundError)) throw error;
          });
      }
    },
    async reset() {
      // A signal only asks the workflow to reload: sending it again on a replay is harmless.
    },
  };
}
