import type { Projection } from '@panggung/event-store';
import type { Database } from '../schema/tables.ts';
import { endedWorkflow, type EndedWorkflow } from './workflow-endings.ts';

/**
 * Queues the history of each workflow an event ends (`workflow_histories`, status `pending`) for the
 * keeper to fetch from Temporal. It only writes rows, in its batch's transaction, and never talks to
 * Temporal: an open transaction holds back every reader of the store, so the waiting and fetching happen
 * in the keeper, outside any transaction.
 *
 * Checkpointed like the workflow starters and run beside them, not among the rebuildable projections:
 * the rows it queues also carry what the keeper fetched, which no replay of the events can reproduce, so
 * `reset` deletes nothing and the table is not in `rebuild/projection-tables.ts`.
 */
export const workflowHistoryQueue: Projection<Database> = {
  name: 'audit-workflow-histories',
  async apply(trx, events) {
    const ended = new Map<string, EndedWorkflow & { endedBy: string; endedAt: string }>();
    for (const event of events) {
      const workflow = endedWorkflow(event);
      // The first event that ends a workflow dates its end; later ones (a resolution after the
      // acknowledgement) name a workflow already queued.
      if (workflow && !ended.has(workflow.workflowId))
        ended.set(workflow.workflowId, {
          ...workflow,
          endedBy: event.type,
          endedAt: event.metadata.recordedAt,
        });
    }
    if (ended.size === 0) return;
    await trx
      .insertInto('workflow_histories')
      .values(
        [...ended.values()].map((workflow) => ({
          workflow_id: workflow.workflowId,
          production_id: workflow.productionId,
          kind: workflow.kind,
          ended_by: workflow.endedBy,
          ended_at: workflow.endedAt,
        })),
      )
      .onConflict((oc) => oc.column('workflow_id').doNothing())
      .execute();
  },
  async reset() {
    // Kept histories outlive Temporal's retention: replaying the events never deletes them.
  },
};
