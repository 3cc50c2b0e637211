import {
  compareCheckpoints,
  formatCheckpoint,
  orderByDependencies,
  ProjectionDependencyError,
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
  /** Events per page of the log, each replayed in one transaction (default 5,000). */
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

/** One projection's part of a rebuild: its shadow, where its replay stands and where it must get to. */
interface Part {
  readonly projection: Projection<Database>;
  readonly tables: readonly ProjectedTable[];
  readonly shadow: string;
  readonly retired: string;
  /** The last event replayed into (or passed over for) its shadow tables. */
  at: Checkpoint;
  /** The live projection's checkpoint as last read. */
  target: Checkpoint;
  keep: boolean;
}

/**
 * Blue/green rebuild of one projection while the live one keeps serving: `rebuildProjections` with one.
 *
 * @example
 * const report = await rebuildProjection(store, budgetProjection, { dryRun: true });
 * if (report.differences.length > 0) console.log(report.differences);
 */
export async function rebuildProjection(
  store: EventStore<Database>,
  projection: Projection<Database>,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const [report] = await rebuildProjections(store, [projection], options);
  return report!;
}

/**
 * Blue/green rebuild of projections while the live ones keep serving, reading the log once for all.
 *
 * 1. Shadow copies of each projection's tables (`projectionTables`) are created empty in the schema
 *    `rebuild_<name>` with `create table … (like <live> including all)`.
 * 2. One pass over the log, a page at a time (the next page is read while the current one is applied),
 *    replays the events from position zero: each page in one transaction, in which every projection's
 *    own, unchanged `apply` runs under `search_path = rebuild_<name>, <the others' shadows>, <live>`
 *    (set locally, one projection after the other, each after those it `dependsOn`), so its unqualified table names resolve to its
 *    shadow copies, and reads of other projections' tables reach their shadows, replayed to the same
 *    page (as the live projections stood near that event when they ran it), or the live tables of
 *    projections not being rebuilt (and during the swaps). A projection gets only the events its
 *    `handles` accepts, and none past its live checkpoint; one with nothing in a page is not called. A
 *    guard fails the page if a projection wrote any table outside its shadow schema, so an incomplete
 *    table list cannot touch live data. Pages go on until every shadow reaches its live checkpoint read
 *    at the start of the round; what the live projections applied meanwhile is the next round's.
 * 3. Then each projection's swap (dependencies first), in a transaction of its own (so each live runner pauses only for its
 *    own): lock its live checkpoint row (`for update`: the live runner finishes its batch and then
 *    waits), apply the last events up to that checkpoint, compare both sides row by row, and if equal
 *    (or `acceptDifferences`) move the live tables out and the shadow tables in (`alter table … set
 *    schema`), taking along the ownership of serial sequences. The checkpoint stays where it is: the
 *    swapped-in tables are at exactly that position, and the live runner continues from it into them.
 *
 * Progress counts the events of the log passed once (not once per projection). A projection whose
 * `apply` throws fails the whole rebuild; the swaps already done stay (their tables were equal).
 */
export async function rebuildProjections(
  store: EventStore<Database>,
  chosen: readonly Projection<Database>[],
  options: RebuildOptions = {},
): Promise<RebuildReport[]> {
  // Dependencies first: a projection reading another's tables then sees them replayed to the same page,
  // and swapped in (live, so at least as far as its own checkpoint) before its own last events.
  if (new Set(chosen.map((projection) => projection.name)).size !== chosen.length)
    throw new RebuildError('Each projection can be rebuilt only once at a time.');
  let ordered: Projection<Database>[];
  try {
    ordered = orderByDependencies(chosen, { outside: 'allow' });
  } catch (error) {
    if (error instanceof ProjectionDependencyError)
      throw new RebuildError(`${error.message} Nothing was changed.`, { cause: error });
    throw error;
  }
  const parts: Part[] = ordered.map((projection) => {
    const tables = projectionTables[projection.name];
    if (!tables)
      throw new RebuildError(
        `Projection ${projection.name} declares no tables (rebuild/projection-tables.ts).`,
      );
    const shadow = shadowSchema(projection.name);
    return {
      projection,
      tables,
      shadow,
      retired: `${shadow}_retired`,
      at: START,
      target: START,
      keep: false,
    };
  });
  if (new Set(parts.map((part) => part.shadow)).size !== parts.length)
    throw new RebuildError('Each projection can be rebuilt only once at a time.');
  const batchSize = options.batchSize ?? 5_000;
  const label = parts.length === 1 ? parts[0]!.projection.name : `${parts.length} projections`;
  const db = store.db as Db;
  return db.connection().execute(async (conn) => {
    const lockKey = (part: Part) => sql`hashtextextended(${'rebuild:' + part.projection.name}, 0)`;
    const locked: Part[] = [];
    try {
      for (const part of parts) {
        const { rows } = await sql<{
          ok: boolean;
        }>`select pg_try_advisory_lock(${lockKey(part)}) as ok`.execute(conn);
        if (!rows[0]?.ok)
          throw new RebuildError(`Projection ${part.projection.name} is already being rebuilt.`);
        locked.push(part);
      }
      const { rows: schemaRows } = await sql<{ live: string; path: string }>`
        select current_schema() as live, current_setting('search_path') as path
      `.execute(conn);
      const { live, path } = schemaRows[0]!;
      for (const part of parts) await createShadowTables(conn, live, part.shadow, part.retired, part.tables);

      const progress = new LogProgress(db);
      const report = (phase: RebuildPhase, projection = label) => {
        if (!options.onProgress) return;
        const { done, total } = progress.now(phase === 'swapping');
        options.onProgress({ projection, phase, done, total });
      };
      /** Applies a page to every part that still needs some of it, in `trx`, and moves their `at`. */
      const applyPage = async (
        trx: Transaction<EventStoreTables & Database>,
        page: readonly StoredEvent[],
        among: readonly Part[],
        together: readonly Part[],
      ) => {
        const first = page[0]!.checkpoint;
        const last = page.at(-1)!.checkpoint;
        const guard = new WriteGuard(trx, live, path, together);
        for (const part of among) {
          const handles = (event: StoredEvent) => part.projection.handles?.(event) ?? true;
          // Mostly the whole page is the part's to replay: then only what it handles matters.
          const whole = compareCheckpoints(part.at, first) < 0 && compareCheckpoints(last, part.target) <= 0;
          const events = page.filter(
            (event) =>
              (whole ||
                (compareCheckpoints(event.checkpoint, part.at) > 0 &&
                  compareCheckpoints(event.checkpoint, part.target) <= 0)) &&
              handles(event),
          );
          if (events.length > 0) await guard.run(part, events);
        }
        for (const part of among) {
          const reached = compareCheckpoints(last, part.target) < 0 ? last : part.target;
          if (compareCheckpoints(reached, part.at) > 0) part.at = reached;
        }
        progress.passed(page);
      };

      // Rounds of the shared pass: read the live checkpoints, replay up to them, until none is ahead.
      for (;;) {
        const targets = await liveCheckpoints(
          conn,
          parts.map((part) => part.projection.name),
        );
        for (const part of parts) part.target = targets.get(part.projection.name) ?? START;
        const behind = parts.filter((part) => compareCheckpoints(part.at, part.target) < 0);
        progress.expect(latest(behind.map((part) => part.target)));
        report('replaying');
        if (behind.length === 0) break;
        const from = earliest(behind.map((part) => part.at));
        const upTo = latest(behind.map((part) => part.target))!;
        for await (const page of pages(store, from!, upTo, batchSize)) {
          await conn.transaction().execute((trx) => applyPage(trx, page, behind, parts));
          report('replaying');
        }
      }

      // Fresh tables have no planner statistics; gather them before queries start to run on them.
      for (const part of parts)
        for (const { name } of part.tables) await sql`analyze ${sql.id(part.shadow, name)}`.execute(conn);

      const reports: RebuildReport[] = [];
      for (const part of parts) {
        const name = part.projection.name;
        const outcome = await conn
          .transaction()
          .execute(async (trx) => {
            await sql`select set_config('lock_timeout', ${`${options.lockTimeoutMs ?? 10_000}ms`}, true)`.execute(
              trx,
            );
            const target = (await liveCheckpoints(trx, [name], true)).get(name) ?? START;
            part.target = target;
            progress.expect(target);
            if (compareCheckpoints(part.at, target) < 0)
              for await (const page of pages(store, part.at, target, batchSize))
                await applyPage(trx, page, [part], []);
            report('swapping', name);
            const differences = await compareTables(
              trx as unknown as Kysely<unknown>,
              live,
              part.shadow,
              part.tables,
              options.maxDifferences,
            );
            const swap = !options.dryRun && (differences.length === 0 || options.acceptDifferences === true);
            if (swap) await swapTables(trx, live, part.shadow, part.retired, part.tables);
            return { target, differences, swap };
          })
          .catch((error: unknown) => {
            throw error instanceof RebuildError
              ? error
              : new RebuildError(`Rebuild of ${name} failed: ${(error as Error).message}`, { cause: error });
          });
        part.keep = !outcome.swap && outcome.differences.length > 0;
        reports.push({
          projection: name,
          events: progress.done,
          checkpoint: outcome.target,
          differences: outcome.differences,
          swapped: outcome.swap,
          ...(part.keep ? { keptIn: part.shadow } : {}),
        });
      }
      // In the order asked for, whatever order the dependencies imposed on the swaps.
      return chosen.map((projection) => reports.find((r) => r.projection === projection.name)!);
    } catch (error) {
      throw error instanceof RebuildError
        ? error
        : new RebuildError(`Rebuild of ${label} failed: ${(error as Error).message}`, { cause: error });
    } finally {
      for (const part of parts) {
        await sql`drop schema if exists ${sql.id(part.retired)} cascade`.execute(conn).catch(() => {});
        if (!part.keep)
          await sql`drop schema if exists ${sql.id(part.shadow)} cascade`.execute(conn).catch(() => {});
      }
      for (const part of locked)
        await sql`select pg_advisory_unlock(${lockKey(part)})`.execute(conn).catch(() => {});
    }
  });
}

/**
 * The log after `from` up to `upTo` (inclusive), a page at a time, reading the next page while the caller
 * applies the current one. Reads go through the pool, outside the caller's transaction: an open
 * transaction that wrote holds back every reader of the log, its own included, past its transaction id.
 */
async function* pages(
  store: EventStore<Database>,
  from: Checkpoint,
  upTo: Checkpoint,
  batchSize: number,
): AsyncGenerator<StoredEvent[]> {
  const read = (after: Checkpoint) => {
    const next = store.readAll(after, batchSize);
    next.catch(() => {}); // awaited below; this only keeps an abandoned read from crashing the process
    return next;
  };
  let next = read(from);
  for (;;) {
    const { events } = await next;
    const page = events.filter((event) => compareCheckpoints(event.checkpoint, upTo) <= 0);
    if (page.length === 0)
      throw new RebuildError('Events up to the live checkpoints are not readable; nothing was changed.');
    const last = page.at(-1)!.checkpoint;
    const more = compareCheckpoints(last, upTo) < 0;
    if (more) next = read(last);
    yield page;
    if (!more) return;
  }
}

const earliest = (checkpoints: readonly Checkpoint[]) =>
  checkpoints.reduce<Checkpoint | undefined>(
    (min, c) => (min === undefined || compareCheckpoints(c, min) < 0 ? c : min),
    undefined,
  );
const latest = (checkpoints: readonly Checkpoint[]) =>
  checkpoints.reduce<Checkpoint | undefined>(
    (max, c) => (max === undefined || compareCheckpoints(c, max) > 0 ? c : max),
    undefined,
  );

/**
 * Events of the log passed so far, and how many there are up to the furthest live checkpoint. Counted
 * once for the range first expected and then only for what the live checkpoints moved on by, in the
 * background, so the estimate never holds up the replay.
 */
class LogProgress {
  done = 0;
  #frontier: Checkpoint = START;
  #counted: Checkpoint = START;
  #total = 0;
  #counting: Promise<void> | undefined;
  #wanted: Checkpoint = START;

  constructor(private readonly db: Db) {}

  /** A page was replayed: its events past the furthest one seen before count as done. */
  passed(page: readonly StoredEvent[]): void {
    if (page.length > 0 && compareCheckpoints(page[0]!.checkpoint, this.#frontier) > 0) {
      this.done += page.length;
      this.#frontier = page.at(-1)!.checkpoint;
      return;
    }
    for (const event of page)
      if (compareCheckpoints(event.checkpoint, this.#frontier) > 0) {
        this.done++;
        this.#frontier = event.checkpoint;
      }
  }

  /** The replay will go up to `upTo` at least: count the events up to it (once the last count is in). */
  expect(upTo: Checkpoint | undefined): void {
    if (upTo && compareCheckpoints(upTo, this.#wanted) > 0) this.#wanted = upTo;
    if (this.#counting || compareCheckpoints(this.#wanted, this.#counted) <= 0) return;
    const from = this.#counted;
    const to = this.#wanted;
    this.#counting = countBetween(this.db, from, to)
      .then((n) => {
        this.#total += n;
        this.#counted = to;
      })
      .catch(() => {}) // only the estimate suffers
      .finally(() => {
        this.#counting = undefined;
        this.expect(undefined);
      });
  }

  now(finished: boolean): { done: number; total: number } {
    return { done: this.done, total: finished ? this.done : Math.max(this.#total, this.done) };
  }
}

/**
 * Runs projections' `apply` one after the other in one transaction, each under its own search path
 * (restored after each), and fails if one wrote a table outside its shadow schema. The backend's write
 * counters of the transaction are read after each projection (in the statement that restores the
 * search path), so an increase outside the shadow of the projection that just ran is a write to live
 * data, or to another projection's shadow. (They may include earlier transactions of this pooled
 * connection not yet flushed, hence the difference rather than the values.)
 */
class WriteGuard {
  #counters: Map<string, number> | undefined;

  constructor(
    private readonly trx: Transaction<EventStoreTables & Database>,
    private readonly live: string,
    private readonly path: string,
    /** Parts replayed in the same pass, whose shadow tables the others read rather than the live ones. */
    private readonly together: readonly Part[],
  ) {}

  async run(part: Part, events: readonly StoredEvent[]): Promise<void> {
    const searchPath = [part, ...this.together.filter((other) => other !== part)]
      .map((other) => quoteIdent(other.shadow))
      .concat(quoteIdent(this.live))
      .join(', ');
    const before = await this.#switch(searchPath, this.#counters);
    await part.projection
      .apply(this.trx as unknown as Transaction<Database>, events)
      .catch((error: unknown) => {
        throw new RebuildError(
          `Projection ${part.projection.name} failed on the events up to ${formatCheckpoint(events.at(-1)!.checkpoint)}: ` +
            `${(error as Error).message}; nothing was changed.`,
          { cause: error },
        );
      });
    const after = await this.#switch(this.path, undefined);
    const written = [...after]
      .filter(([table, count]) => !table.startsWith(`${part.shadow}.`) && count > (before.get(table) ?? 0))
      .map(([table]) => table);
    if (written.length > 0)
      throw new RebuildError(
        `Projection ${part.projection.name} wrote ${written.join(', ')}, which it does not declare ` +
          `in rebuild/projection-tables.ts; nothing was changed.`,
      );
    this.#counters = after;
  }

  /** Sets the search path and reads the write counters, in one statement; `known` skips the read. */
  async #switch(searchPath: string, known: Map<string, number> | undefined): Promise<Map<string, number>> {
    if (known) {
      await sql`select set_config('search_path', ${searchPath}, true)`.execute(this.trx);
      return known;
    }
    const { rows } = await sql<{ name: string | null; writes: string | null }>`
      select counters.name, counters.writes
      from (select set_config('search_path', ${searchPath}, true)) as switched
      left join lateral (
        select schemaname || '.' || relname as name, (n_tup_ins + n_tup_upd + n_tup_del)::text as writes
        from pg_stat_xact_user_tables
        where schemaname not like 'pg\\_temp%' and n_tup_ins + n_tup_upd + n_tup_del > 0
      ) as counters on true
    `.execute(this.trx);
    return new Map(rows.filter((row) => row.name !== null).map((row) => [row.name!, Number(row.writes)]));
  }
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

/** The live projections' checkpoints; `lock` holds their rows until the transaction ends, pausing their runners. */
async function liveCheckpoints(
  db: Kysely<EventStoreTables & Database>,
  names: readonly string[],
  lock = false,
): Promise<Map<string, Checkpoint>> {
  const { rows } = await sql<{ name: string; transaction_id: string; position: string }>`
    select name, transaction_id::text as transaction_id, position::text as position
    from projection_checkpoints where name in (${sql.join(names)}) order by name ${lock ? sql`for update` : sql``}
  `.execute(db);
  return new Map(
    rows.map((row) => [
      row.name,
      { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) },
    ]),
  );
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
