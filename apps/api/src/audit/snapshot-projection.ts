import { AUDIT_FOLDER_VERSION, AuditFolder, decodeFold, encodeFold } from '@panggung/domain';
import { START, type Checkpoint, type Projection, type StoredEvent } from '@panggung/event-store';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema/tables.ts';
import { auditEventOf, eventsIn } from './time-travel-query.ts';

/**
 * Events of a production between two stored snapshots: a read folds at most this many after its
 * snapshot. Measured on a 200,000-event production on the shared 2-core machine: state at a past position
 * p50 16 ms / max 111 ms every 5,000, 92 / 168 ms every 10,000, 100 / 353 ms every 20,000 (a fold costs
 * about 20 µs an event under load), while a snapshot costs a few milliseconds to write; 5,000 keeps the
 * worst case well under the 500 ms target.
 */
export const AUDIT_SNAPSHOT_EVERY = 5_000;

export interface AuditSnapshotOptions {
  /** Events of a production between snapshots (default `AUDIT_SNAPSHOT_EVERY`). */
  readonly every?: number;
  /** Productions whose running fold is kept in memory between batches (default 16). */
  readonly cached?: number;
}

/** A production's running fold, at its last event (`lastEventId`). */
interface Running {
  readonly folder: AuditFolder;
  head: Checkpoint;
  lastEventId: string;
  /** The latest `recordedAt` of every event folded, as the metadata has it. */
  maxRecordedAt: string | undefined;
  /** The earliest `recordedAt` since the last snapshot. */
  segmentMin: string | undefined;
}

const later = (a: string | undefined, b: string): string =>
  a === undefined || Date.parse(b) > Date.parse(a) ? b : a;
const earlier = (a: string | undefined, b: string): string =>
  a === undefined || Date.parse(b) < Date.parse(a) ? b : a;

function productionOf(event: StoredEvent): string | undefined {
  const id = (event.data as { productionId?: unknown }).productionId;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

/**
 * Time-travel checkpoints (issue 7): folds every production's events with the audit folder (each
 * capability's own `evolve`, as `GET …/audit/state` does) and every `every` events of a production
 * stores the fold in `audit_snapshots` (devalue text, `encodeFold`, tagged `AUDIT_FOLDER_VERSION`), so
 * a read folds only the events after the nearest one. `audit_snapshot_heads` records per production the
 * last event folded and how many.
 *
 * The running folds stay in memory between batches, keyed by the production and the id of its last event
 * folded, and are taken out while a batch uses them: a batch that rolls back leaves the head in the
 * table behind the cached fold, so the next one finds no fold for its head and folds again from the
 * latest snapshot and the events after it (as after a restart, or in a rebuild's shadow tables).
 */
export function auditSnapshotsProjection(options: AuditSnapshotOptions = {}): Projection<Database> {
  const every = options.every ?? AUDIT_SNAPSHOT_EVERY;
  const cached = options.cached ?? 16;
  if (!Number.isSafeInteger(every) || every < 1) throw new Error('every must be a positive integer');
  const folds = new Map<string, Running>();
  const keyOf = (productionId: string, lastEventId: string) => `${productionId} ${lastEventId}`;

  async function resume(trx: Transaction<Database>, productionId: string): Promise<Running> {
    const head = await trx
      .selectFrom('audit_snapshot_heads')
      .selectAll()
      .where('production_id', '=', productionId)
      .executeTakeFirst();
    if (!head)
      return {
        folder: new AuditFolder(productionId),
        head: START,
        lastEventId: '',
        maxRecordedAt: undefined,
        segmentMin: undefined,
      };
    const key = keyOf(productionId, head.last_event_id);
    const kept = folds.get(key);
    if (kept) {
      folds.delete(key);
      return kept;
    }
    const at = { transactionId: BigInt(head.transaction_id), position: BigInt(head.position) };
    const { rows } = await sql<{
      transaction_id_text: string;
      position_text: string;
      max_recorded_at: Date;
      state: string;
    }>`
      select transaction_id::text as transaction_id_text, position::text as position_text, max_recorded_at, state
      from audit_snapshots
      where production_id = ${productionId} and folder_version = ${AUDIT_FOLDER_VERSION}
        and (transaction_id, position) <= (${at.transactionId.toString()}::xid8, ${at.position.toString()}::bigint)
      order by transaction_id desc, position desc
      limit 1
    `.execute(trx);
    const snapshot = rows[0];
    const running: Running = {
      folder: snapshot ? decodeFold(snapshot.state) : new AuditFolder(productionId),
      head: at,
      lastEventId: head.last_event_id,
      maxRecordedAt: snapshot?.max_recorded_at.toISOString(),
      segmentMin: undefined,
    };
    const after = snapshot
      ? { transactionId: BigInt(snapshot.transaction_id_text), position: BigInt(snapshot.position_text) }
      : START;
    for (const event of await eventsIn(trx as unknown as Kysely<unknown>, productionId, {
      after,
      through: at,
    })) {
      running.folder.apply(event);
      running.maxRecordedAt = later(running.maxRecordedAt, event.recordedAt);
      running.segmentMin = earlier(running.segmentMin, event.recordedAt);
    }
    if (running.folder.count !== Number(head.event_count))
      throw new Error(
        `audit snapshots: production ${productionId} has ${running.folder.count} events up to its head, ` +
          `${head.event_count} were folded`,
      );
    return running;
  }

  async function store(trx: Transaction<Database>, productionId: string, running: Running) {
    await trx
      .insertInto('audit_snapshots')
      .values({
        production_id: productionId,
        folder_version: AUDIT_FOLDER_VERSION,
        transaction_id: running.head.transactionId.toString(),
        position: running.head.position.toString(),
        event_count: running.folder.count,
        max_recorded_at: running.maxRecordedAt!,
        segment_min_recorded_at: running.segmentMin!,
        state: encodeFold(running.folder),
      })
      .execute();
  }

  return {
    name: 'audit-snapshots',
    handles: (event) => productionOf(event) !== undefined,
    async apply(trx, events) {
      const byProduction = new Map<string, StoredEvent[]>();
      for (const event of events) {
        const productionId = productionOf(event);
        if (productionId === undefined) continue;
        const list = byProduction.get(productionId);
        if (list) list.push(event);
        else byProduction.set(productionId, [event]);
      }
      for (const [productionId, list] of byProduction) {
        const running = await resume(trx, productionId);
        for (const event of list) {
          const audit = auditEventOf(event);
          running.folder.apply(audit);
          running.head = event.checkpoint;
          running.lastEventId = event.id;
          // The metadata's own text, as PostgreSQL compares it for `?at=`.
          running.maxRecordedAt = later(running.maxRecordedAt, event.metadata.recordedAt);
          running.segmentMin = earlier(running.segmentMin, event.metadata.recordedAt);
          if (running.folder.count % every === 0) {
            await store(trx, productionId, running);
            running.segmentMin = undefined;
          }
        }
        const head = {
          production_id: productionId,
          transaction_id: running.head.transactionId.toString(),
          position: running.head.position.toString(),
          event_count: running.folder.count,
          last_event_id: running.lastEventId,
        };
        await trx
          .insertInto('audit_snapshot_heads')
          .values(head)
          .onConflict((oc) =>
            oc.column('production_id').doUpdateSet({
              transaction_id: head.transaction_id,
              position: head.position,
              event_count: head.event_count,
              last_event_id: head.last_event_id,
            }),
          )
          .execute();
        folds.set(keyOf(productionId, running.lastEventId), running);
        while (folds.size > cached) folds.delete(folds.keys().next().value!);
      }
    },
    async reset(trx) {
      await trx.deleteFrom('audit_snapshots').execute();
      await trx.deleteFrom('audit_snapshot_heads').execute();
    },
  };
}

/** The projection the API runs. */
export const auditSnapshots = auditSnapshotsProjection();
