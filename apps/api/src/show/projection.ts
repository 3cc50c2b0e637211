import {
  evolveRundown,
  evolveShow,
  initialRundownState,
  initialShowState,
  RUNDOWN_EVENT_TYPES,
  SHOW_EVENT_TYPES,
  showPosition,
  type RundownEvent,
  type RundownState,
  type RunningShow,
  type ShowEvent,
  type ShowState,
} from '@panggung/domain';
import type { Projection, StoredEvent } from '@panggung/event-store';
import type { Database } from '../schema/tables.ts';

/** A running show as the read model keeps it: without the keys only the commands need. */
export type StoredShow = Omit<RunningShow, 'keys'>;

/** The read model's show, ready for the domain's `showTiming` and `showPosition`. */
export const runningShowOf = (stored: StoredShow): RunningShow => ({ ...stored, keys: new Map() });

const onRundown = (event: StoredEvent): boolean =>
  event.streamId.startsWith('rundown-') && RUNDOWN_EVENT_TYPES.has(event.type);
const onShow = (event: StoredEvent): boolean =>
  event.streamId.startsWith('show-') && SHOW_EVENT_TYPES.has(event.type);

/**
 * Show days per production: the domain's fold of the rundown stream, and of the show stream once the
 * show has started, with where the show stands in columns of its own. GET routes read this instead of
 * the streams, so a screen's reload or a thousand screens' costs one row each.
 */
export const showProjection: Projection<Database> = {
  name: 'show',
  handles: (event) => onRundown(event) || onShow(event),
  async apply(trx, events) {
    for (const event of events) {
      const isRundown = onRundown(event);
      if (!isRundown && !onShow(event)) continue;
      const { productionId, showDay } = event.data as { productionId: string; showDay: string };
      const row = await trx
        .selectFrom('show_days')
        .selectAll()
        .where('production_id', '=', productionId)
        .where('show_day', '=', showDay)
        .executeTakeFirst();
      const now = new Date().toISOString();
      const key = { production_id: productionId, show_day: showDay };
      if (isRundown) {
        const before = (row?.rundown as RundownState | null | undefined) ?? initialRundownState;
        const rundown = evolveRundown(before, {
          type: event.type,
          data: event.data,
        } as unknown as RundownEvent);
        const values = {
          rundown: JSON.stringify(rundown),
          rundown_version: event.streamVersion,
          updated_at: now,
        };
        await trx
          .insertInto('show_days')
          .values({ ...key, ...values })
          .onConflict((oc) => oc.columns(['production_id', 'show_day']).doUpdateSet(values))
          .execute();
        continue;
      }
      const stored = row?.show as StoredShow | null | undefined;
      const before: ShowState = stored ? runningShowOf(stored) : initialShowState;
      const show = evolveShow(before, { type: event.type, data: event.data } as unknown as ShowEvent);
      if (show.status === 'none') continue;
      const { keys: _keys, ...kept } = show;
      const position = showPosition(show);
      const values = {
        show: JSON.stringify(kept),
        show_version: event.streamVersion,
        status: position.status,
        current_cue_id: position.currentCueId,
        next_cue_id: position.nextCueId,
        updated_at: now,
      };
      await trx
        .insertInto('show_days')
        .values({ ...key, ...values })
        .onConflict((oc) => oc.columns(['production_id', 'show_day']).doUpdateSet(values))
        .execute();
    }
  },
  async reset(trx) {
    await trx.deleteFrom('show_days').execute();
  },
};
