import type { Projection, StoredEvent } from '@panggung/event-store';
import type { Database } from '../schema/tables.ts';
import type { Fold } from './fold-stream.ts';

/** Read-model tables that hold one production's folded state as JSON, with the stream's version. */
type StateViewTable = 'incident_views' | 'technical_views';

/**
 * A projection that keeps, per production, the domain's own fold of a `<prefix>-<productionId>` stream as
 * JSON, so a page shows exactly what the rules decide on. Used where the view is the state itself
 * (incidents, technical preparation) rather than rows of its own.
 *
 * @example
 * export const technicalProjection = stateViewProjection('technical', 'technical-', 'technical_views', fold);
 */
export function stateViewProjection<Event, State>(
  name: string,
  streamPrefix: string,
  table: StateViewTable,
  fold: Fold<Event, State>,
): Projection<Database> {
  const handles = (event: StoredEvent): boolean => event.streamId.startsWith(streamPrefix);
  return {
    name,
    handles,
    async apply(trx, events) {
      // Folded per production in memory, then one read and one write per production the batch touches
      // (not per event): a rebuild replays long streams through here.
      const touched = new Map<string, StoredEvent[]>();
      for (const event of events) {
        if (!handles(event)) continue;
        const productionId = event.streamId.slice(streamPrefix.length);
        const list = touched.get(productionId);
        if (list) list.push(event);
        else touched.set(productionId, [event]);
      }
      for (const [productionId, own] of touched) {
        const row = await trx
          .selectFrom(table)
          .select('state')
          .where('production_id', '=', productionId)
          .executeTakeFirst();
        let state = (row?.state as State | undefined) ?? fold.initial;
        for (const event of own)
          if (fold.eventTypes.has(event.type))
            state = fold.evolve(state, { type: event.type, data: event.data } as unknown as Event);
        const values = {
          production_id: productionId,
          state: JSON.stringify(state),
          version: own.at(-1)!.streamVersion.toString(),
        };
        await trx
          .insertInto(table)
          .values(values)
          .onConflict((oc) =>
            oc.column('production_id').doUpdateSet({ state: values.state, version: values.version }),
          )
          .execute();
      }
    },
    async reset(trx) {
      await trx.deleteFrom(table).execute();
    },
  };
}
