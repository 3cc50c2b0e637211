import {
  ErrorBody,
  IdParams,
  KeptWorkflowHistories,
  KeptWorkflowHistoryWithEvents,
  WorkflowHistoryParams,
} from '@panggung/contracts';
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { ApiError } from '../errors/api-error.ts';
import { productionFor } from '../contracts/access.ts';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody };

/** The kept Temporal histories of a production's finished workflows (issue 7), for managers. */
export async function workflowHistoryRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/api/productions/:id/audit/workflows',
    {
      schema: {
        tags: ['audit'],
        summary: "The production's finished approval and phase workflows whose histories are kept (managers)",
        params: IdParams,
        response: { 200: KeptWorkflowHistories, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      await productionFor(app, request.viewer, id, 'audit.verify');
      const rows = await app.store.db
        .selectFrom('workflow_histories')
        .select(['workflow_id', 'run_id', 'workflow_type', 'closed_at', 'event_count'])
        .where('production_id', '=', id)
        .orderBy('closed_at')
        .orderBy('workflow_id')
        .execute();
      return {
        workflows: rows.map((row) => ({
          workflowId: row.workflow_id,
          runId: row.run_id,
          workflowType: row.workflow_type,
          closedAt: row.closed_at.toISOString(),
          events: row.event_count,
        })),
      };
    },
  );

  app.get(
    '/api/productions/:id/audit/workflows/:workflowId',
    {
      schema: {
        tags: ['audit'],
        summary: "A kept workflow's latest run with its Temporal history as JSON (managers)",
        params: WorkflowHistoryParams,
        response: { 200: KeptWorkflowHistoryWithEvents, ...errors },
      },
    },
    async (request) => {
      const { id, workflowId } = request.params as Static<typeof WorkflowHistoryParams>;
      await productionFor(app, request.viewer, id, 'audit.verify');
      const row = await app.store.db
        .selectFrom('workflow_histories')
        .selectAll()
        .where('production_id', '=', id)
        .where('workflow_id', '=', workflowId)
        .orderBy('closed_at', 'desc')
        .executeTakeFirst();
      if (!row)
        throw new ApiError(
          404,
          'WORKFLOW_HISTORY_NOT_FOUND',
          `No kept history of workflow ${workflowId} here.`,
        );
      return {
        workflowId: row.workflow_id,
        runId: row.run_id,
        workflowType: row.workflow_type,
        closedAt: row.closed_at.toISOString(),
        events: row.event_count,
        history: row.history as KeptWorkflowHistoryWithEvents['history'],
      };
    },
  );
}
