import {
  decideRundown,
  decideShow,
  evolveRundown,
  evolveShow,
  initialRundownState,
  initialShowState,
  RUNDOWN_EVENT_TYPES,
  SHOW_EVENT_TYPES,
  type RundownCommand,
  type RundownEvent,
  type RundownRecord,
  type RundownState,
  type ShowCommand,
  type ShowEvent,
  type ShowState,
} from '@panggung/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Decider } from '../commands/handle-command.ts';
import type { Database } from '../schema/tables.ts';
import { runningShowOf, type StoredShow } from './projection.ts';
import type { ShowDaysTable } from './tables.ts';

export const rundownDecider: Decider<RundownCommand, RundownEvent, RundownState> = {
  decide: decideRundown,
  evolve: evolveRundown,
  initial: initialRundownState,
  eventTypes: RUNDOWN_EVENT_TYPES,
};

export const showDecider: Decider<ShowCommand, ShowEvent, ShowState> = {
  decide: decideShow,
  evolve: evolveShow,
  initial: initialShowState,
  eventTypes: SHOW_EVENT_TYPES,
};

export type ShowDayRow = Selectable<ShowDaysTable>;

export function findShowDay(
  db: Kysely<Database>,
  productionId: string,
  showDay: string,
): Promise<ShowDayRow | undefined> {
  return db
    .selectFrom('show_days')
    .selectAll()
    .where('production_id', '=', productionId)
    .where('show_day', '=', showDay)
    .executeTakeFirst();
}

export function listShowDays(db: Kysely<Database>, productionId: string): Promise<ShowDayRow[]> {
  return db
    .selectFrom('show_days')
    .selectAll()
    .where('production_id', '=', productionId)
    .orderBy('show_day')
    .execute();
}

/** The row's rundown, when the day has one. */
export const rundownOf = (row: ShowDayRow | undefined): RundownRecord | undefined => {
  const state = row?.rundown as RundownState | null | undefined;
  return state && state.status !== 'none' ? state : undefined;
};

/** The row's running show, once the show has started. */
export const showOf = (row: ShowDayRow | undefined) =>
  row?.show ? runningShowOf(row.show as StoredShow) : undefined;
