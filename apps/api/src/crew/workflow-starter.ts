import type { CrewEvents } from '@panggung/contracts';
import { CREW_EVENT_TYPES, crewStream, evolveCrew, initialCrewState, type CrewEvent } from '@panggung/domain';
import type { EventStore, Projection } from '@panggung/event-store';
import {
  callSheetSupersededSignal,
  callSheetWorkflowId,
  type callAcknowledgementWorkflow,
} from '@panggung/workflows';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { TemporalService } from '../services/temporal.ts';
import type { Database } from '../schema/tables.ts';

/**
 * Starts the acknowledgement workflow of each published call-sheet version, and tells the version before
 * it that it is superseded. A checkpointed reactor, like the production workflow's starter: a call sheet
 * published while Temporal is down gets its reminders once Temporal is back (the batch fails and is
 * retried), and a workflow that already runs is left alone (its id names the version).
 */
export function callSheetWorkflowStarter(
  temporal: TemporalService,
  store: Pick<EventStore<Database>, 'readStream'>,
): Projection<Database> {
  return {
    name: 'call-sheet-workflow-starter',
    async apply(_trx, events) {
      for (const event of events) {
        if (event.type !== 'CallSheetPublished') continue;
        const { productionId, day, version } = event.data as unknown as CrewEvents.CallSheetPublished;
        // The deadlines in force when the sheet was published, not whatever they became later.
        const { deadlines } = (await store.readStream(crewStream(productionId), { limit: 100_000 }))
          .filter(
            (stored) => stored.streamVersion <= event.streamVersion && CREW_EVENT_TYPES.has(stored.type),
          )
          .map((stored) => ({ type: stored.type, data: stored.data }) as unknown as CrewEvent)
          .reduce(evolveCrew, initialCrewState);
        const client = await temporal.client();
        await client.workflow
          .start<typeof callAcknowledgementWorkflow>('callAcknowledgementWorkflow', {
            taskQueue: temporal.taskQueue,
            workflowId: callSheetWorkflowId(productionId, day, version),
            // A workflow that already ran to its end is never started again (a replay of the reactor).
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            args: [
              {
                productionId,
                day,
                version,
                remindAfterMs: deadlines.remindAfterMinutes * 60_000,
                escalateAfterMs: deadlines.escalateAfterMinutes * 60_000,
              },
            ],
          })
          .catch((error: unknown) => {
            if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
          });
        if (version > 1)
          await client.workflow
            .getHandle(callSheetWorkflowId(productionId, day, version - 1))
            .signal(callSheetSupersededSignal)
            .catch((error: unknown) => {
              // Already ended (all acknowledged, or superseded before): nothing to tell.
              if (!(error instanceof WorkflowNotFoundError)) throw error;
            });
      }
    },
    async reset() {
      // Starting is idempotent by workflow id: replaying from zero starts nothing twice.
    },
  };
}
