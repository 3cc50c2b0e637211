import { IdParams, KeptWorkflows, KeptWorkflowsQuery, WorkflowHistoryParams } from '@panggung/contracts';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type, type Static } from 'typebox';
import { ApiError } from '../errors/api-error.ts';
import { errors, productionFor } from '../contracts/access.ts';

/**
 * The finished approval and phase workflows of a production and their Temporal histories, kept beyond
 * Temporal's retention (issue 7). Budget roles, like time travel: an approval's history carries every
 * decision, note and amount of it.
 */
export async function workflowHistoryRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/api/productions/:id/audit/workflows',
    {
      schema: {
        tags: ['audit'],
        summary: "The production's finished workflows and whether each one's Temporal history is kept",
        params: IdParams,
        querystring: KeptWorkflowsQuery,
        response: { 200: KeptWorkflows, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { cursor, limit = 100 } = request.query as KeptWorkflowsQuery;
      await productionFor(app, request.viewer, id, 'audit.view');
      const [endedAt, afterId] = cursor?.split('~') ?? [];
      if (endedAt !== undefined && Number.isNaN(Date.parse(endedAt)))
        throw new ApiError(400, 'VALIDATION', `cursor "${cursor}" does not name a moment`, 'cursor');
      const rows = await app.store.db
        .selectFrom('workflow_histories')
        .select([
          'workflow_id',
          'kind',
          'status',
          'ended_by',
          'ended_at',
          'run_id',
          'workflow_type',
          'closed_at',
          'event_count',
        ])
        .where('production_id', '=', id)
        .$if(endedAt !== undefined && afterId !== undefined, (query) =>
          query.where(sql<boolean>`(ended_at, workflow_id) > (${endedAt}::timestamptz, ${afterId})`),
        )
        .orderBy('ended_at')
        .orderBy('workflow_id')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        nextCursor: rows.length > limit && last ? `${last.ended_at.toISOString()}~${last.workflow_id}` : null,
        workflows: page.map((row) => ({
          workflowId: row.workflow_id,
          kind: row.kind,
          status: row.status,
          endedBy: row.ended_by,
          endedAt: row.ended_at.toISOString(),
          runId: row.run_id,
          workflowType: row.workflow_type,
          closedAt: row.closed_at?.toISOString() ?? null,
          events: row.event_count,
        })),
      };
    },
  );

  app.get(
    '/api/productions/:id/audit/workflows/:workflowId/history',
    {
      schema: {
        tags: ['audit'],
        summary:
          "A finished workflow's kept Temporal history as JSON (as `temporal workflow show --output json` " +
          'writes it), to download and replay with `Worker.runReplayHistory`',
        params: WorkflowHistoryParams,
        produces: ['application/json'],
        response: {
          200: Type.Object(
            { events: Type.Array(Type.Unknown()) },
            { additionalProperties: true, description: "Temporal's history JSON" },
          ),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { id, workflowId } = request.params as Static<typeof WorkflowHistoryParams>;
      await productionFor(app, request.viewer, id, 'audit.view');
      const row = await app.store.db
        .selectFrom('workflow_histories')
        .select(['status', sql<string | null>`history::text`.as('history')])
        .where('production_id', '=', id)
        .where('workflow_id', '=', workflowId)
        .executeTakeFirst();
      if (!row)
        throw new ApiError(
          404,
          'WORKFLOW_HISTORY_NOT_FOUND',
          `Workflow ${workflowId} has not ended in this production, so no history of it is kept.`,
        );
      if (row.status !== 'kept' || row.history === null)
        throw new ApiError(
          404,
          'WORKFLOW_HISTORY_NOT_KEPT',
          row.status === 'missing'
            ? `Temporal had no history of workflow ${workflowId} left to keep.`
            : `The history of workflow ${workflowId} is still being fetched from Temporal. Try again in a moment.`,
        );
      // Sent as stored: a Buffer is never re-serialised by the response schema.
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${workflowId}.json"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(row.history, 'utf8'));
    },
  );
}
