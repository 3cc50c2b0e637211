import type { AuditState } from '@panggung/contracts';
import {
  AUDIT_FOLDER_VERSION,
  AuditFolder,
  decodeFold,
  productionAt,
  ValidationError,
  type AuditEvent,
} from '@panggung/domain';
import {
  compareCheckpoints,
  formatCheckpoint,
  parseCheckpoint,
  type Checkpoint,
  type EventMetadata,
  type StoredEvent,
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
  data: StoredEvent['data'];
  metadata: EventMetadata;
}

/** A stored event as time travel folds it (the same for a read and for the snapshot projection). */
export const auditEventOf = (
  event: Pick<StoredEvent, 'streamId' | 'type' | 'data' | 'metadata' | 'checkpoint'>,
): AuditEvent => ({
  streamId: event.streamId,
  type: event.type,
  data: event.data,
  position: formatCheckpoint(event.checkpoint),
  recordedAt: new Date(event.metadata.recordedAt).toISOString(),
  actor: event.metadata.actor,
});

/** Which of a production's events to read: after one checkpoint, up to another, recorded by an instant. */
export interface EventRange {
  /** Exclusive; default: from the first event. */
  readonly after?: Checkpoint;
  /** Inclusive; default: to the last event. */
  readonly through?: Checkpoint;
  /** Only the events whose `recordedAt` is at or before this instant. */
  readonly recordedBy?: string;
  /** Only events of these types (a report that needs one capability's events). */
  readonly types?: readonly string[];
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
export function productionEvents(
  db: Kysely<unknown>,
  productionId: string,
  bound: HistoryBound,
  types?: readonly string[],
): Promise<AuditEvent[]> {
  return eventsIn(db, productionId, { ...rangeOf(bound), ...(types ? { types } : {}) });
}

const rangeOf = (bound: HistoryBound): EventRange =>
  bound.kind === 'position'
    ? { through: bound.checkpoint }
    : bound.kind === 'at'
      ? { recordedBy: bound.instant }
      : {};

/** The production's events in `range`, in global order, below the horizon (see `productionEvents`). */
export async function eventsIn(
  db: Kysely<unknown>,
  productionId: string,
  range: EventRange,
): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let after: Checkpoint = range.after ?? { transactionId: 0n, position: 0n };
  const through = range.through
    ? sql`and (transaction_id, position) <= (${range.through.transactionId.toString()}::xid8, ${range.through.position.toString()}::bigint)`
    : sql``;
  const recordedBy =
    range.recordedBy === undefined
      ? sql``
      : sql`and (metadata->>'recordedAt')::timestamptz <= to_timestamp(${epochSeconds(range.recordedBy)})`;
  const ofTypes = range.types ? sql`and type = any(${[...range.types]}::text[])` : sql``;
  for (;;) {
    const { rows } = await sql<Row>`
      select position, transaction_id::text as transaction_id_text, stream_id, type, data, metadata
      from events
      where data->>'productionId' = ${productionId}
        and (transaction_id, position) > (${after.transactionId.toString()}::xid8, ${after.position.toString()}::bigint)
        and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ${through}
        ${recordedBy}
        ${ofTypes}
      order by transaction_id, position
      limit ${PAGE}
    `.execute(db);
    for (const row of rows) {
      const checkpoint = { transactionId: BigInt(row.transaction_id_text), position: BigInt(row.position) };
      events.push(
        auditEventOf({
          streamId: row.stream_id,
          type: row.type,
          data: row.data,
          metadata: row.metadata,
          checkpoint,
        }),
      );
      after = checkpoint;
    }
    if (rows.length < PAGE) return events;
  }
}

/** A production's history from its nearest stored snapshot: where the fold starts, and the events after. */
export interface ProductionHistory {
  /** The fold of every event before `events`: a stored snapshot, or empty. */
  readonly start: AuditFolder;
  /** The events after the snapshot, up to the bound. */
  readonly events: AuditEvent[];
  /** The snapshot's checkpoint, when one was used. */
  readonly snapshot: Checkpoint | undefined;
}

export interface HistoryOptions {
  /**
   * Use only a snapshot of events all recorded at or before this instant (the change list's `from`:
   * none of them is then a change of the range). Without it, the latest snapshot within the bound.
   */
  readonly snapshotRecordedBy?: string;
  /** Fold from the first event, ignoring snapshots (to compare, and in tests). */
  readonly fromZero?: boolean;
}

interface SnapshotRow {
  transaction_id_text: string;
  position_text: string;
  state: string;
}

/**
 * A production's history up to `bound`, from the latest `audit-snapshots` checkpoint within it (of this
 * `AUDIT_FOLDER_VERSION`): the snapshot's fold, then only the events after it. For a position, the
 * snapshot at or before it; for an instant, the latest whose folded events were all recorded by then
 * (`max_recorded_at`), and the read after it stops at the last snapshot segment that holds an event
 * recorded by then (`segment_min_recorded_at`), plus the events after the last snapshot. Folding its
 * `events` on from `start` gives exactly the fold of `productionEvents(…, bound)` from zero.
 *
 * @example
 * const { start, events } = await productionHistory(db, productionId, { kind: 'end' });
 * productionAt(productionId, events, start);
 */
export async function productionHistory(
  db: Kysely<unknown>,
  productionId: string,
  bound: HistoryBound,
  options: HistoryOptions = {},
): Promise<ProductionHistory> {
  const range = rangeOf(bound);
  const zero = async (): Promise<ProductionHistory> => ({
    start: new AuditFolder(productionId),
    events: await eventsIn(db, productionId, range),
    snapshot: undefined,
  });
  if (options.fromZero) return zero();
  const ofProduction = sql`production_id = ${productionId} and folder_version = ${AUDIT_FOLDER_VERSION}`;
  const within =
    bound.kind === 'position'
      ? sql`and (transaction_id, position) <= (${bound.checkpoint.transactionId.toString()}::xid8, ${bound.checkpoint.position.toString()}::bigint)`
      : bound.kind === 'at'
        ? sql`and max_recorded_at <= to_timestamp(${epochSeconds(bound.instant)})`
        : sql``;
  const recordedBy =
    options.snapshotRecordedBy === undefined
      ? sql``
      : sql`and max_recorded_at <= to_timestamp(${epochSeconds(options.snapshotRecordedBy)})`;
  const { rows } = await sql<SnapshotRow>`
    select transaction_id::text as transaction_id_text, position::text as position_text, state
    from audit_snapshots
    where ${ofProduction} ${within} ${recordedBy}
    order by transaction_id desc, position desc
    limit 1
  `.execute(db);
  const row = rows[0];
  if (!row) return zero();
  const snapshot = { transactionId: BigInt(row.transaction_id_text), position: BigInt(row.position_text) };
  const start = decodeFold(row.state);
  if (bound.kind !== 'at')
    return { start, events: await eventsIn(db, productionId, { ...range, after: snapshot }), snapshot };

  // An instant: events recorded by then lie in the segments whose earliest event was, or after the last snapshot.
  const { rows: ends } = await sql<{ stop: string | null; last: string }>`
    select
      (select transaction_id::text || ':' || position::text from audit_snapshots
        where ${ofProduction}
          and segment_min_recorded_at <= to_timestamp(${epochSeconds(bound.instant)})
        order by transaction_id desc, position desc limit 1) as stop,
      (select transaction_id::text || ':' || position::text from audit_snapshots
        where ${ofProduction} order by transaction_id desc, position desc limit 1) as last
  `.execute(db);
  const last = parseCheckpoint(ends[0]!.last);
  const stopText = ends[0]!.stop;
  const stop = stopText === null ? snapshot : parseCheckpoint(stopText);
  const events =
    compareCheckpoints(stop, last) >= 0
      ? await eventsIn(db, productionId, { ...range, after: snapshot })
      : [
          ...(compareCheckpoints(stop, snapshot) > 0
            ? await eventsIn(db, productionId, { ...range, after: snapshot, through: stop })
            : []),
          ...(await eventsIn(db, productionId, { ...range, after: last })),
        ];
  return { start, events, snapshot };
}

/**
 * The production as it was at `bound`, from its nearest snapshot: what `GET …/audit/state` answers.
 *
 * @example
 * await productionStateAt(db, productionId, { kind: 'position', checkpoint })
 */
export async function productionStateAt(
  db: Kysely<unknown>,
  productionId: string,
  bound: HistoryBound,
): Promise<AuditState> {
  const { start, events } = await productionHistory(db, productionId, bound);
  return productionAt(productionId, events, start);
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
