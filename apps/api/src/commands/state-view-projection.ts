import type { Projection } from '@panggung/event-store';
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
  return {
    name,
    async apply(trx, events) {
      for (const event of events) {
        if (!event.streamId.startsWith(streamPrefix)) continue;
        const productionId = event.streamId.slice(streamPrefix.length);
        const row = await trx
          .selectFrom(table)
          .select('state')
          .where('production_id', '=', productionId)
          .executeTakeFirst();
        const current = (row?.state as State | undefined) ?? fold.initial;
        const state = fold.eventTypes.has(event.type)
          ? fold.evolve(current, { type: event.type, data: event.data } as unknown as Event)
          : current;
        const values = {
          production_id: productionId,
          state: JSON.stringify(state),
          version: event.streamVersion.toString(),
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
