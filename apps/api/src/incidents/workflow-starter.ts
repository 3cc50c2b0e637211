import type { IncidentEvents } from '@panggung/contracts';
import { incidentWorkflowId, type incidentEscalationWorkflow } from '@panggung/workflows';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Projection } from '@panggung/event-store';
import type { TemporalService } from '../services/temporal.ts';
import type { Database } from '../schema/tables.ts';

/**
 * Starts the escalation workflow of each logged incident, with the deadline the event recorded. A
 * checkpointed reactor: an incident logged while Temporal is down gets its escalation once Temporal is
 * back (the batch fails and is retried), and a workflow already running is left alone (its id names the
 * incident).
 */
export function incidentWorkflowStarter(temporal: TemporalService): Projection<Database> {
  return {
    name: 'incident-workflow-starter',
    async apply(_trx, events) {
      for (const event of events) {
        if (event.type !== 'IncidentLogged') continue;
        const { productionId, incidentId, escalateAfterMinutes, at } =
          event.data as unknown as IncidentEvents.IncidentLogged;
        // Counted from the logging, not from now: a start delayed by an outage does not delay the escalation.
        const escalateAfterMs = Math.max(1, Date.parse(at) + escalateAfterMinutes * 60_000 - Date.now());
        const client = await temporal.client();
        await client.workflow
          .start<typeof incidentEscalationWorkflow>('incidentEscalationWorkflow', {
            taskQueue: temporal.taskQueue,
            workflowId: incidentWorkflowId(incidentId),
            // A workflow that already ran to its end is never started again (a replay of the reactor).
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            args: [{ productionId, incidentId, escalateAfterMs }],
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
