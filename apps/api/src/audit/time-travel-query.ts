import { ValidationError, type AuditEvent } from '@panggung/domain';
import {
  formatCheckpoint,
  parseCheckpoint,
  type Checkpoint,
  type EventMetadata,
} from '@panggung/event-store';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema/tables.ts';

/** Where a read of a production's history stops (inclusive): an event position, an instant, or the end. */
export type HistoryBound =
  | { readonly kind: 'position'; readonly checkpoint: Checkpoint }
  | { readonly kind: 'at'; readonly instant: string }
  | { readonly kind: 'end' };

const PAGE = 5_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Row {
  position: string;
  transaction_id_text: string;
  stream_id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

/**
 * A production's events in global order (transaction id, position), from every stream, found by
 * `data->>'productionId'` (every production-scoped event carries it), up to `bound`. Like `readAll`, it
 * never reads past the oldest transaction still running, so a past position's answer does not change
 * once given. Paged by keyset so a long history is not one huge result. `types`, when given, keeps only
 * events of those types (a report that folds one capability need not read the whole history).
 *
 * @example
 * await productionEvents(db, productionId, { kind: 'at', instant: '2027-03-14T10:00:00+07:00' })
 */
export async function productionEvents(
  db: Kysely<unknown>,
  productionId: string,
  bound: HistoryBound,
  types?: readonly string[],
): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let after: Checkpoint = { transactionId: 0n, position: 0n };
  const upTo =
    bound.kind === 'position'
      ? sql`and (transaction_id, position) <= (${bound.checkpoint.transactionId.toString()}::xid8, ${bound.checkpoint.position.toString()}::bigint)`
      : bound.kind === 'at'
        ? sql`and (metadata->>'recordedAt')::timestamptz <= to_timestamp(${epochSeconds(bound.instant)})`
        : sql``;
  const ofTypes = types ? sql`and type = any(${[...types]}::text[])` : sql``;
  for (;;) {
    const { rows } = await sql<Row>`
      select position, transaction_id::text as transaction_id_text, stream_id, type, data, metadata
      from events
      where data->>'productionId' = ${productionId}
        and (transaction_id, position) > (${after.transactionId.toString()}::xid8, ${after.position.toString()}::bigint)
        and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ${upTo}
        ${ofTypes}
      order by transaction_id, position
      limit ${PAGE}
    `.execute(db);
    for (const row of rows) {
      const checkpoint = { transactionId: BigInt(row.transaction_id_text), position: BigInt(row.position) };
      events.push({
        streamId: row.stream_id,
        type: row.type,
        data: row.data,
        position: formatCheckpoint(checkpoint),
        recordedAt: new Date(row.metadata.recordedAt).toISOString(),
        actor: row.metadata.actor,
      });
      after = checkpoint;
    }
    if (rows.length < PAGE) return events;
  }
}

/**
 * An instant as seconds since the epoch for `to_timestamp`, kept within what PostgreSQL can hold: nothing
 * was recorded before 1970, so an earlier instant (year 0, say) asks for the same empty history.
 */
function epochSeconds(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new ValidationError(`"${instant.slice(0, 40)}" is not an instant`, 'at');
  return Math.max(ms, 0) / 1000;
}

const MAX_XID8 = 2n ** 64n - 1n;
const MAX_BIGINT = 2n ** 63n - 1n;

/** A checkpoint from the query string, or a 400 naming the field: a transaction id or position past PostgreSQL's range. */
export function checkpointParam(text: string, field: string): Checkpoint {
  const checkpoint = parseCheckpoint(text, field);
  if (checkpoint.transactionId > MAX_XID8 || checkpoint.position > MAX_BIGINT)
    throw new ValidationError(`${field} is beyond any event position`, field);
  return checkpoint;
}

/** Names of the given people, for the change list's "who". */
export async function personNames(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  // An actor that is not a UUID (a test's or a script's name) is nobody in the table.
  const uuids = ids.filter((id) => UUID.test(id));
  if (uuids.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', uuids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
