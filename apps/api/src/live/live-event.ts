import type { LiveEvent } from '@panggung/contracts';
import { formatCheckpoint, type Checkpoint, type StoredEvent } from '@panggung/event-store';
import { sql, type Kysely } from 'kysely';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** The production an event belongs to: from its metadata, its data, or its stream's name. */
export function productionOf(event: StoredEvent): string | undefined {
  const fromMetadata = event.metadata.productionId;
  if (typeof fromMetadata === 'string') return fromMetadata;
  const fromData = (event.data as { productionId?: unknown }).productionId;
  if (typeof fromData === 'string') return fromData;
  return event.streamId.startsWith('production-') ? UUID.exec(event.streamId)?.[0] : undefined;
}

/** The event as sent; `data` replaces the stored data when the viewer may see only part of it. */
export function toLiveEvent(event: StoredEvent, productionId: string, data: unknown = event.data): LiveEvent {
  return {
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    streamVersion: Number(event.streamVersion),
    productionId,
    data,
    actor: event.metadata.actor,
    recordedAt: event.metadata.recordedAt,
    checkpoint: formatCheckpoint(event.checkpoint),
  };
}

/** The checkpoint of the newest event every reader can already see (where "live from now" starts). */
export async function readHead(db: Kysely<unknown>): Promise<Checkpoint> {
  const { rows } = await sql<{ transaction_id: string; position: string }>`
    with horizon as materialized (select pg_snapshot_xmin(pg_current_snapshot()) as xmin)
    select e.transaction_id::text as transaction_id, e.position::text as position
    from events e, horizon where e.transaction_id < horizon.xmin
    order by e.transaction_id desc, e.position desc limit 1
  `.execute(db);
  const row = rows[0];
  return row
    ? { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) }
    : { transactionId: 0n, position: 0n };
}
