import type { ColumnType } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type Version = ColumnType<string, string | number | bigint | undefined, string | number | bigint>;

/**
 * One row per show day (migration `2026_11_29_100_api_show`): the domain's fold of its rundown stream
 * and, once the show has started, of its show stream, with the position in columns of their own for the
 * fast "where is the show" reads (live screens, the manager's overview, the load benchmark's GETs).
 */
export interface ShowDaysTable {
  production_id: string;
  show_day: string;
  /** The domain's `RundownRecord`. */
  rundown: Json<unknown> | null;
  rundown_version: Version;
  /** The domain's `RunningShow` without its idempotency keys (the commands read the stream for those). */
  show: Json<unknown> | null;
  show_version: Version;
  status: string | null;
  current_cue_id: string | null;
  next_cue_id: string | null;
  updated_at: ColumnType<Date, string, string>;
}

export interface ShowTables {
  show_days: ShowDaysTable;
}
