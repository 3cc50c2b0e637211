import {
  AuditChangePage,
  AuditChangesQuery,
  AuditState,
  AuditStateQuery,
  IdParams,
} from '@panggung/contracts';
import { changesBetween, peopleIn, ValidationError } from '@panggung/domain';
import { compareCheckpoints, parseCheckpoint } from '@panggung/event-store';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import { errors, productionFor } from '../contracts/access.ts';
import {
  checkpointParam,
  personNames,
  productionHistory,
  productionStateAt,
  type HistoryBound,
} from './time-travel-query.ts';

/**
 * Time travel: a production's state at a past moment or position, and the list of changes between two
 * moments with who made each. Computed from the events, never from the read models, so it answers for
 * any moment: from the nearest stored snapshot of the fold (`audit-snapshots`), then the events after it. Budget roles only (managers, org admin, finance): the snapshot holds every contract with its
 * approvals and the budget figures, which crew and show callers do not see elsewhere either.
 */
export async function timeTravelRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);
  const db = () => app.store.db as unknown as Kysely<unknown>;

  app.get(
    '/api/productions/:id/audit/state',
    {
      schema: {
        tags: ['audit'],
        summary: 'The production as it was at a past instant (`at`) or event position (`position`)',
        params: IdParams,
        querystring: AuditStateQuery,
        response: { 200: AuditState, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const query = request.query as AuditStateQuery;
      await productionFor(app, request.viewer, id, 'audit.view');
      const { at, position } = query;
      let bound: HistoryBound;
      if (position !== undefined && at === undefined)
        bound = { kind: 'position', checkpoint: checkpointParam(position, 'position') };
      else if (at !== undefined && position === undefined) bound = { kind: 'at', instant: at };
      else
        throw new ValidationError('Give exactly one of `at` (an instant) or `position` (a checkpoint)', 'at');
      return productionStateAt(db(), id, bound);
    },
  );

  app.get(
    '/api/productions/:id/audit/changes',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Every change between two instants (`from` exclusive, `to` inclusive) with who made it, paged',
        params: IdParams,
        querystring: AuditChangesQuery,
        response: { 200: AuditChangePage, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { from, to, cursor, limit = 100, lang = 'id' } = request.query as AuditChangesQuery;
      await productionFor(app, request.viewer, id, 'audit.view');
      if (from !== undefined && to !== undefined && Date.parse(to) < Date.parse(from))
        throw new ValidationError('`to` is before `from`', 'to');
      const after = cursor === undefined ? undefined : checkpointParam(cursor, 'cursor');
      // Earlier events are still folded (from a snapshot of events all recorded by `from`, if there is
      // one): they say what the items in the range are called.
      const { start, events } = await productionHistory(
        db(),
        id,
        to === undefined ? { kind: 'end' } : { kind: 'at', instant: to },
        from === undefined ? { fromZero: true } : { snapshotRecordedBy: from },
      );
      const names = await personNames(app.store.db, peopleIn(events));
      const all = changesBetween(events, { from, to, lang, names }, start);
      const rest =
        after === undefined
          ? all
          : all.filter((change) => compareCheckpoints(parseCheckpoint(change.position), after) > 0);
      const items = rest.slice(0, limit);
      return { items, nextCursor: rest.length > limit ? (items.at(-1)?.position ?? null) : null };
    },
  );
}
