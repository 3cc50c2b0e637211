import type { LogisticsEvents } from '@panggung/contracts';
import type { Projection, StoredEvent } from '@panggung/event-store';
import type { Database } from '../schema/tables.ts';

const handles = (event: StoredEvent): boolean => event.streamId.startsWith('logistics-');

/** Venue, equipment, transport runs and load windows per production; conflicts are computed on read. */
export const logisticsProjection: Projection<Database> = {
  name: 'logistics',
  handles,
  async apply(trx, events) {
    for (const event of events) {
      if (!handles(event)) continue;
      switch (event.type) {
        case 'VenueDetailsSet': {
          const { productionId, venue } = event.data as unknown as LogisticsEvents.VenueDetailsSet;
          const details = JSON.stringify(venue);
          await trx
            .insertInto('logistics_venues')
            .values({ production_id: productionId, details })
            .onConflict((oc) => oc.column('production_id').doUpdateSet({ details }))
            .execute();
          break;
        }
        case 'EquipmentAdded': {
          const { productionId, item } = event.data as unknown as LogisticsEvents.EquipmentAdded;
          await trx
            .insertInto('logistics_equipment')
            .values({
              item_id: item.itemId,
              production_id: productionId,
              department: item.department,
              item: JSON.stringify(item),
              added_at: event.position.toString(),
            })
            .onConflict((oc) => oc.column('item_id').doNothing())
            .execute();
          break;
        }
        case 'EquipmentRemoved': {
          const { itemId } = event.data as unknown as LogisticsEvents.EquipmentRemoved;
          await trx.deleteFrom('logistics_equipment').where('item_id', '=', itemId).execute();
          break;
        }
        case 'TransportRunScheduled': {
          const { productionId, run } = event.data as unknown as LogisticsEvents.TransportRunScheduled;
          await trx
            .insertInto('logistics_runs')
            .values({
              run_id: run.runId,
              production_id: productionId,
              departs_at: run.departsAt,
              run: JSON.stringify(run),
            })
            .onConflict((oc) => oc.column('run_id').doNothing())
            .execute();
          break;
        }
        case 'TransportRunCancelled': {
          const { runId } = event.data as unknown as LogisticsEvents.TransportRunCancelled;
          await trx.deleteFrom('logistics_runs').where('run_id', '=', runId).execute();
          break;
        }
        case 'LoadWindowScheduled': {
          const { productionId, window } = event.data as unknown as LogisticsEvents.LoadWindowScheduled;
          await trx
            .insertInto('logistics_windows')
            .values({
              window_id: window.windowId,
              production_id: productionId,
              starts_at: window.startsAt,
              load_window: JSON.stringify(window),
            })
            .onConflict((oc) => oc.column('window_id').doNothing())
            .execute();
          break;
        }
        case 'LoadWindowRemoved': {
          const { windowId } = event.data as unknown as LogisticsEvents.LoadWindowRemoved;
          await trx.deleteFrom('logistics_windows').where('window_id', '=', windowId).execute();
          break;
        }
      }
    }
  },
  async reset(trx) {
    await trx.deleteFrom('logistics_windows').execute();
    await trx.deleteFrom('logistics_runs').execute();
    await trx.deleteFrom('logistics_equipment').execute();
    await trx.deleteFrom('logistics_venues').execute();
  },
};
