import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely table types for the event store's own tables (created by `migrations.ts` beside this file).
 * bigint and xid8 columns arrive from `pg` as strings, so they never pass through a lossy number.
 */
export interface EventsTable {
  position: ColumnType<string, never, never>;
  transaction_id: ColumnType<string, never, never>;
  id: string;
  stream_id: string;
  stream_version: ColumnType<string, string | bigint, never>;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: unknown;
  recorded_at: ColumnType<Date, string, never>;
  hash: ColumnType<Buffer, Buffer, never>;
}

export interface StreamsTable {
  stream_id: string;
  version: ColumnType<string, string | bigint, string | bigint>;
  last_hash: Buffer;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AppendRequestsTable {
  idempotency_key: string;
  stream_id: string;
  first_version: string | null;
  last_version: string | null;
  first_position: string | null;
  last_position: string | null;
  transaction_id: string | null;
  created_at: Generated<Date>;
}

export interface ProjectionCheckpointsTable {
  name: string;
  transaction_id: ColumnType<string, string | undefined, string>;
  position: ColumnType<string, string | undefined, string>;
  updated_at: Generated<Date>;
}

export interface EventStoreTables {
  events: EventsTable;
  streams: StreamsTable;
  append_requests: AppendRequestsTable;
  projection_checkpoints: ProjectionCheckpointsTable;
}
