import type { EventMetadata, JsonObject, StoredEvent } from '../types.ts';

/** An `events` row as `pg` returns it (bigint and xid8 as strings). */
export interface EventRow {
  position: string;
  /** As text under another name: an output column called transaction_id would shadow the xid8 column in ORDER BY. */
  transaction_id_text: string;
  id: string;
  stream_id: string;
  stream_version: string;
  type: string;
  schema_version: number;
  data: JsonObject;
  metadata: EventMetadata;
  /** Hex, encoded by PostgreSQL: cheaper than parsing bytea into a Buffer and encoding it again. */
  hash: string;
}

export const EVENT_COLUMNS = `position, transaction_id::text as transaction_id_text, id, stream_id, stream_version,
  type, schema_version, data, metadata, encode(hash, 'hex') as hash`;

export function toStoredEvent(row: EventRow): StoredEvent {
  const transactionId = BigInt(row.transaction_id_text);
  const position = BigInt(row.position);
  return {
    id: row.id,
    streamId: row.stream_id,
    streamVersion: BigInt(row.stream_version),
    position,
    transactionId,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    hash: row.hash,
    checkpoint: { transactionId, position },
  };
}
