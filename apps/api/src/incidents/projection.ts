import {
  evolveIncidents,
  INCIDENT_EVENT_TYPES,
  initialIncidentsState,
  type IncidentEvent,
  type IncidentsState,
} from '@panggung/domain';
import type { Projection } from '@panggung/event-store';
import type { Database } from '../schema/tables.ts';

/**
 * Incidents per production: the domain's own fold of the `incidents-<id>` stream, kept as JSON, so the
 * list shows exactly what the rules decide on.
 */
export const incidentsProjection: Projection<Database> = {
  name: 'incidents',
  async apply(trx, events) {
    for (const event of events) {
      if (!event.streamId.startsWith('incidents-')) continue;
      const productionId = event.streamId.slice('incidents-'.length);
      const row = await trx
        .selectFrom('incident_views')
        .select('state')
        .where('production_id', '=', productionId)
        .executeTakeFirst();
      const current = (row?.state as IncidentsState | undefined) ?? initialIncidentsState;
      const state = INCIDENT_EVENT_TYPES.has(event.type)
        ? evolveIncidents(current, { type: event.type, data: event.data } as unknown as IncidentEvent)
        : current;
      const values = {
        production_id: productionId,
        state: JSON.stringify(state),
        version: event.streamVersion.toString(),
      };
      await trx
        .insertInto('incident_views')
        .values(values)
        .onConflict((oc) =>
          oc.column('production_id').doUpdateSet({ state: values.state, version: values.version }),
        )
        .execute();
    }
  },
  async reset(trx) {
    await trx.deleteFrom('incident_views').execute();
  },
};
