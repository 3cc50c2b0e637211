import type { Projection, StoredEvent } from '@panggung/event-store';
import { contractApprovalWorkflowId, incidentWorkflowId, productionWorkflowId } from '@panggung/workflows';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { Transaction } from 'kysely';
import type { TemporalService } from '../services/temporal.ts';
import type { Database } from '../schema/tables.ts';

/** A workflow that an event says has ended (or is about to: the event is appended just before it returns). */
export interface EndedWorkflow {
  readonly productionId: string;
  readonly workflowId: string;
}

const CONTRACT_ENDINGS = new Set([
  'ContractSigned',
  'ContractRejected',
  'ContractSentBack',
  'ContractWithdrawn',
]);

// An acknowledgement or resolution settles the escalation (the API signals it); an escalation ends it too.
const INCIDENT_ENDINGS = new Set(['IncidentAcknowledged', 'IncidentResolved', 'IncidentEscalated']);

/**
 * The workflow an event ends, if it ends one: a contract version's approval, an incident's escalation, or
 * the production's phases. An event about a run already closed names it again; keeping it is idempotent.
 */
export function endedWorkflow(event: Pick<StoredEvent, 'type' | 'data'>): EndedWorkflow | undefined {
  const { productionId, contractId, version, incidentId } = event.data;
  if (typeof productionId !== 'string') return undefined;
  if (CONTRACT_ENDINGS.has(event.type) && typeof contractId === 'string' && typeof version === 'number')
    return { productionId, workflowId: contractApprovalWorkflowId(contractId, version) };
  if (INCIDENT_ENDINGS.has(event.type) && typeof incidentId === 'string')
    return { productionId, workflowId: incidentWorkflowId(incidentId) };
  if (event.type === 'ProductionClosed')
    return { productionId, workflowId: productionWorkflowId(productionId) };
  return undefined;
}

/** How long the keeper waits for a workflow to finish after the event that ends it. */
const FINISH_TIMEOUT_MS = 30_000;

/**
 * Keeps each finished contract approval, incident escalation and production workflow's Temporal history
 * with its production (`workflow_histories`), so `pnpm audit:replay-workflows` can replay it against the current workflow code
 * long after Temporal's retention dropped it. Runs on the events that end a workflow, waits for the run to
 * close (the ending event is appended by its last activities), then stores the history as Temporal's JSON.
 * Checkpointed like a projection: a history missed while Temporal was down is kept once it is back.
 */
export function workflowHistoryKeeper(
  temporal: TemporalService,
  closing?: AbortSignal,
): Projection<Database> {
  return {
    name: 'audit-workflow-history-keeper',
    async apply(trx, events) {
      const ended = new Map<string, EndedWorkflow>();
      for (const event of events) {
        const workflow = endedWorkflow(event);
        if (workflow) ended.set(workflow.workflowId, workflow);
      }
      if (ended.size === 0) return;
      const client = await temporal.client();
      for (const workflow of ended.values()) await keep(trx, client, workflow, closing);
    },
    async reset() {
      // Kept histories outlive Temporal's retention: a replay of the events never deletes them.
    },
  };
}

/**
 * Whether the run closed (completed, failed, cancelled, terminated) within the timeout: false for a run
 * Temporal does not know (a withdrawal before submission, a run past retention) or one still running (an
 * event that did not end it after all, not waited on forever). Rejects when the API closes meanwhile, so
 * the batch is not checkpointed and the history is kept on the next start.
 */
async function closedInTime(handle: WorkflowHandle, closing: AbortSignal | undefined): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    return await Promise.race([
      handle.result().then(
        () => true,
        (error: unknown) => !(error instanceof WorkflowNotFoundError),
      ),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), FINISH_TIMEOUT_MS))),
      new Promise<never>((_, reject) => {
        onAbort = () =>
          reject(new Error('The API is closing: the workflow history is kept on its next start.'));
        if (closing?.aborted) onAbort();
        else closing?.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (onAbort) closing?.removeEventListener('abort', onAbort);
  }
}

async function keep(
  trx: Transaction<Database>,
  client: Client,
  workflow: EndedWorkflow,
  closing: AbortSignal | undefined,
): Promise<void> {
  const handle = client.workflow.getHandle(workflow.workflowId);
  if (!(await closedInTime(handle, closing))) return;
  const description = await handle.describe();
  const history = await handle.fetchHistory();
  await trx
    .insertInto('workflow_histories')
    .values({
      production_id: workflow.productionId,
      workflow_id: workflow.workflowId,
      run_id: description.runId,
      workflow_type: description.type,
      closed_at: description.closeTime ?? new Date(),
      event_count: history.events?.length ?? 0,
      history: historyToJSON(history),
    })
    .onConflict((oc) =>
      oc.columns(['workflow_id', 'run_id']).doUpdateSet((eb) => ({
        closed_at: eb.ref('excluded.closed_at'),
        event_count: eb.ref('excluded.event_count'),
        history: eb.ref('excluded.history'),
      })),
    )
    .execute();
}
