import {
  compareCheckpoints,
  START,
  type Checkpoint,
  type EventStore,
  type EventStoreTables,
  type Projection,
  type StoredEvent,
} from '@panggung/event-store';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema/tables.ts';
import { compareTables, type TableDifference } from './compare.ts';
import { projectionTables, type ProjectedTable } from './projection-tables.ts';

type Db = Kysely<EventStoreTables & Database>;

export type RebuildPhase = 'replaying' | 'swapping';

export interface RebuildProgress {
  readonly projection: string;
  readonly phase: RebuildPhase;
  /** Events applied to the shadow tables so far. */
  readonly done: number;
  /** `done` plus the events still to apply up to the live projection's checkpoint (refreshed each second). */
  readonly total: number;
}

export interface RebuildOptions {
  /** Events per shadow transaction (default 1,000). */
  readonly batchSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Swap in the rebuilt tables even when they differ from the live ones (the projection's code changed). */
  readonly acceptDifferences?: boolean;
  /** Compare, then leave the live tables in place. */
  readonly dryRun?: boolean;
  /** Differing rows reported per table and side (default 20). */
  readonly maxDifferences?: number;
  /** How long the swap may wait for the live tables' locks (default 10 s); the rebuild fails after. */
  readonly lockTimeoutMs?: number;
}

export interface RebuildReport {
  readonly projection: string;
  /** Events replayed into the shadow tables. */
  readonly events: number;
  /** The live checkpoint both sides were compared at (and the swapped-in tables continue from). */
  readonly checkpoint: Checkpoint;
  /** Empty when the rebuilt rows equal the live ones. */
  readonly differences: readonly TableDifference[];
  readonly swapped: boolean;
  /** Where the rebuilt tables were left for inspection when they were not swapped in because they differ. */
  readonly keptIn?: string;
}

export class RebuildError extends Error {
  readonly code = 'REBUILD_FAILED';
}

/** The schema of a projection's shadow tables; dropped and created again by every rebuild of it. */
export const shadowSchema = (projection: string): string =>
  `rebuild_${projection.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`;

/**
 * Blue/green rebuild of one projection while the live one keeps serving.
 *
 * 1. Shadow copies of the projection's tables (`projectionTables`) are created empty in the schema
 *    `rebuild_<name>` with `create table … (like <live> including all)`.
 * 2. The projection's own, unchanged `apply` replays the events from position zero into them: each batch
 *    runs with `search_path = rebuild_<name>, <live schema>`, so its unqualified table names resolve to
 *    the shadow copies and reads of other projections' tables still reach the live ones. A guard fails the
 *    batch if it wrote any table outside the shadow schema, so an incomplete table list cannot touch live
 *    data. The replay never goes past the live projection's checkpoint.
 * 3. The swap, in one transaction: lock the live checkpoint row (`for update`: the live runner finishes its
 *    batch and then waits), apply the last events up to that checkpoint, compare both sides row by row,
 *    and if equal (or `acceptDifferences`) move the live tables out and the shadow tables in (`alter table
 *    … set schema`), taking along the ownership of serial sequences. The checkpoint stays where it is: the
 *    swapped-in tables are at exactly that position, and the live runner continues from it into them.
 */
export async function rebuildProjection(
  store: EventStore<Database>,
  projection: Projection<Database>,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const tables = projectionTables[projection.name];
  if (!tables)
    throw new RebuildError(
      `Projection ${projection.name} declares no tables (rebuild/projection-tables.ts).`,
    );
  const batchSize = options.batchSize ?? 1_000;
  const shadow = shadowSchema(projection.name);
  const retired = `${shadow}_retired`;
  const db = store.db as Db;
  return db.connection().execute(async (conn) => {
    const lockKey = sql`hashtextextended(${'rebuild:' + projection.name}, 0)`;
    const { rows: locked } = await sql<{
      ok: boolean;
    }>`select pg_try_advisory_lock(${lockKey}) as ok`.execute(conn);
    if (!locked[0]?.ok) throw new RebuildError(`Projection ${projection.name} is already being rebuilt.`);
    let keep = false;
    try {
      const { rows: schemaRows } = await sql<{ live: string; path: string }>`
        select current_schema() as live, current_setting('search_path') as path
      `.execute(conn);
      const { live, path } = schemaRows[0]!;
      await createShadowTables(conn, live, shadow, retired, tables);

      let at: Checkpoint = START;
      let done = 0;
      let total = 0;
      let counted = 0;
      // `via`: inside a transaction on `conn`, its queries must go through that transaction.
      const report = async (phase: RebuildPhase, target: Checkpoint, via: Db) => {
        if (phase === 'swapping') total = done;
        else if (Date.now() - counted >= 1_000) {
          total = done + (await countBetween(via, at, target));
          counted = Date.now();
        }
        options.onProgress?.({ projection: projection.name, phase, done, total: Math.max(total, done) });
      };
      /** Applies the events after `at` up to `target` (inclusive) to the shadow tables in `trx`. */
      const replay = async (
        trx: Transaction<EventStoreTables & Database>,
        target: Checkpoint,
        once: boolean,
      ) => {
        while (compareCheckpoints(at, target) < 0) {
          const { events } = await store.readAll(at, batchSize);
          const batch = events.filter((e) => compareCheckpoints(e.checkpoint, target) <= 0);
          if (batch.length === 0)
            throw new RebuildError(
              `Events up to the live checkpoint of ${projection.name} are not readable.`,
            );
          await applyToShadow(trx, projection, batch, shadow, live, path);
          at = batch.at(-1)!.checkpoint;
          done += batch.length;
          if (once) return;
        }
      };

      // Replay, one transaction per batch, until the shadow reaches the live checkpoint read before the
      // batch. What the live projection applied meanwhile is left to the swap, so steady writes cannot
      // keep the rebuild chasing forever.
      for (;;) {
        const target = await liveCheckpoint(conn, projection.name, false);
        if (compareCheckpoints(at, target) < 0)
          await conn.transaction().execute((trx) => replay(trx, target, true));
        await report('replaying', target, conn);
        if (compareCheckpoints(at, target) >= 0) break;
      }

      // Fresh tables have no planner statistics; gather them before queries start to run on them.
      for (const { name } of tables) await sql`analyze ${sql.id(shadow, name)}`.execute(conn);

      const outcome = await conn
        .transaction()
        .execute(async (trx) => {
          await sql`select set_config('lock_timeout', ${`${options.lockTimeoutMs ?? 10_000}ms`}, true)`.execute(
            trx,
          );
          const target = await liveCheckpoint(trx, projection.name, true);
          await replay(trx, target, false);
          await report('swapping', target, trx);
          const differences = await compareTables(
            trx as unknown as Kysely<unknown>,
            live,
            shadow,
            tables,
            options.maxDifferences,
          );
          const swap = !options.dryRun && (differences.length === 0 || options.acceptDifferences === true);
          if (swap) await swapTables(trx, live, shadow, retired, tables);
          return { target, differences, swap };
        })
        .catch((error: unknown) => {
          throw error instanceof RebuildError
            ? error
            : new RebuildError(`Rebuild of ${projection.name} failed: ${(error as Error).message}`, {
                cause: error,
              });
        });
      keep = !outcome.swap && outcome.differences.length > 0;
      return {
        projection: projection.name,
        events: done,
        checkpoint: outcome.target,
        differences: outcome.differences,
        swapped: outcome.swap,
        ...(keep ? { keptIn: shadow } : {}),
      };
    } finally {
      await sql`drop schema if exists ${sql.id(retired)} cascade`.execute(conn).catch(() => {});
      if (!keep) await sql`drop schema if exists ${sql.id(shadow)} cascade`.execute(conn).catch(() => {});
      await sql`select pg_advisory_unlock(${lockKey})`.execute(conn).catch(() => {});
    }
  });
}

async function createShadowTables(
  db: Db,
  live: string,
  shadow: string,
  retired: string,
  tables: readonly ProjectedTable[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // A previous rebuild that crashed or was kept for inspection leaves these behind.
    await sql`drop schema if exists ${sql.id(retired)} cascade`.execute(trx);
    await sql`drop schema if exists ${sql.id(shadow)} cascade`.execute(trx);
    await sql`create schema ${sql.id(shadow)}`.execute(trx);
    for (const { name } of tables)
      await sql`create table ${sql.id(shadow, name)} (like ${sql.id(live, name)} including all)`.execute(trx);
  });
}

async function applyToShadow(
  trx: Transaction<EventStoreTables & Database>,
  projection: Projection<Database>,
  events: readonly StoredEvent[],
  shadow: string,
  live: string,
  path: string,
): Promise<void> {
  await sql`select set_config('search_path', ${`${quoteIdent(shadow)}, ${quoteIdent(live)}`}, true)`.execute(
    trx,
  );
  // The backend's write counters outside the shadow schema, before and after: any increase is a write to
  // live data. (They may include earlier transactions of this pooled connection not yet flushed, hence
  // the difference rather than the values.)
  const before = await writesOutside(trx, shadow);
  await projection.apply(trx as unknown as Transaction<Database>, events);
  const after = await writesOutside(trx, shadow);
  const written = [...after]
    .filter(([table, count]) => count > (before.get(table) ?? 0))
    .map(([table]) => table);
  if (written.length > 0)
    throw new RebuildError(
      `Projection ${projection.name} wrote ${written.join(', ')}, which it does not declare ` +
        `in rebuild/projection-tables.ts; nothing was changed.`,
    );
  await sql`select set_config('search_path', ${path}, true)`.execute(trx);
}

async function writesOutside(
  trx: Transaction<EventStoreTables & Database>,
  shadow: string,
): Promise<Map<string, number>> {
  const { rows } = await sql<{ name: string; writes: string }>`
    select schemaname || '.' || relname as name, (n_tup_ins + n_tup_upd + n_tup_del)::text as writes
    from pg_stat_xact_user_tables
    where schemaname <> ${shadow} and schemaname not like 'pg\\_temp%' and n_tup_ins + n_tup_upd + n_tup_del > 0
  `.execute(trx);
  return new Map(rows.map((row) => [row.name, Number(row.writes)]));
}

async function swapTables(
  trx: Transaction<EventStoreTables & Database>,
  live: string,
  shadow: string,
  retired: string,
  tables: readonly ProjectedTable[],
): Promise<void> {
  await sql`create schema ${sql.id(retired)}`.execute(trx);
  for (const { name } of tables) {
    // `like … including all` names indexes after their columns; the swapped-in ones keep the live names.
    const liveIndexes = await indexesOf(trx, live, name);
    const shadowIndexes = await indexesOf(trx, shadow, name);
    // A serial column's sequence belongs to the live table and would leave with it; both copies share it.
    const { rows: sequences } = await sql<{ sequence: string; column_name: string }>`
      select s.oid::regclass::text as sequence, a.attname as column_name
      from pg_depend d
      join pg_class s on s.oid = d.objid and s.relkind = 'S'
      join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
      where d.refobjid = ${`${quoteIdent(live)}.${quoteIdent(name)}`}::regclass and d.deptype = 'a'
    `.execute(trx);
    for (const { sequence } of sequences)
      await sql`alter sequence ${sql.raw(sequence)} owned by none`.execute(trx);
    await sql`alter table ${sql.id(live, name)} set schema ${sql.id(retired)}`.execute(trx);
    await sql`alter table ${sql.id(shadow, name)} set schema ${sql.id(live)}`.execute(trx);
    for (const { sequence, column_name } of sequences)
      await sql`alter sequence ${sql.raw(sequence)} owned by ${sql.id(live, name, column_name)}`.execute(trx);
    for (const index of liveIndexes) {
      const twin = shadowIndexes.find((candidate) => candidate.definition === index.definition);
      if (twin && twin.name !== index.name)
        await sql`alter index ${sql.id(live, twin.name)} rename to ${sql.id(index.name)}`.execute(trx);
    }
  }
}

/** A table's indexes, each with its definition minus its own and its table's name (to pair the copies). */
async function indexesOf(
  trx: Transaction<EventStoreTables & Database>,
  schema: string,
  table: string,
): Promise<Array<{ name: string; definition: string }>> {
  const { rows } = await sql<{ name: string; definition: string }>`
    select c.relname as name,
           regexp_replace(pg_get_indexdef(i.indexrelid), ${'^(CREATE (UNIQUE )?INDEX )\\S+ ON \\S+'}, ${'\\1'}) as definition
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = ${`${quoteIdent(schema)}.${quoteIdent(table)}`}::regclass
    order by c.relname
  `.execute(trx);
  return rows;
}

/** The live projection's checkpoint; `lock` holds its row until the transaction ends, pausing its runner. */
async function liveCheckpoint(
  db: Kysely<EventStoreTables & Database>,
  name: string,
  lock: boolean,
): Promise<Checkpoint> {
  const { rows } = await sql<{ transaction_id: string; position: string }>`
    select transaction_id::text as transaction_id, position::text as position
    from projection_checkpoints where name = ${name} ${lock ? sql`for update` : sql``}
  `.execute(db);
  const row = rows[0];
  return row ? { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) } : START;
}

async function countBetween(db: Db, after: Checkpoint, upTo: Checkpoint): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from events
    where (transaction_id, position) > (${after.transactionId.toString()}::xid8, ${after.position.toString()}::bigint)
      and (transaction_id, position) <= (${upTo.transactionId.toString()}::xid8, ${upTo.position.toString()}::bigint)
  `.execute(db);
  return Number(rows[0]?.n ?? 0);
}

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
