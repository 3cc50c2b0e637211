/**
 * `pnpm bench:audit`: the audit tools over one production with a long history (issue 7).
 *
 * Starts an embedded PostgreSQL (or uses DATABASE_URL's server with a fresh `panggung_bench_audit`
 * database, dropped afterwards), migrates, seeds the demo (with its plan, without Temporal), then appends
 * BENCH_EVENTS (default 1,000,000) events to the concert through the store in batches: budget estimates
 * decided by the domain (`decideBudget`, folded with `evolveBudget`), across every category. Then it
 * measures, each with the peak RSS of this process sampled every 20 ms during the phase:
 *
 * (a) rebuild: the live tables built by a first shared pass (every checkpoint set to the head of the log),
 *     then `rebuildProjections` as `pnpm projections:rebuild` runs it: every projection from zero in one
 *     pass over the log, checked row by row against the live tables, swapped in;
 * (b) time travel: the production's state at 5 random past positions, as `GET …/audit/state?position=`
 *     computes it (the nearest stored snapshot, the events after it, the domain's `productionAt`; without
 *     HTTP): p50 and max. The snapshots are written by the `audit-snapshots` projection during (a);
 * (c) verification: `store.verifyProduction`, and the offline `verifyExport` over an export file.
 *
 * Prints a table with the targets beside each figure. PostgreSQL's own memory is not in the RSS.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import {
  decideBudget,
  evolveBudget,
  initialBudgetState,
  productionAt,
  type BudgetState,
} from '@panggung/domain';
import type { VendorCategory } from '@panggung/contracts';
import {
  createEventStore,
  formatCheckpoint,
  verifyExport,
  type EventStore,
  type NewEvent,
} from '@panggung/event-store';
import { createDatabase, findFreePort, startPostgres, type RunningPostgres } from '@panggung/infra';
import { sql } from 'kysely';
import { exportLines } from '../src/audit/verify-routes.ts';
import { productionHistory } from '../src/audit/time-travel-query.ts';
import { rebuildProjections } from '../src/rebuild/rebuild.ts';
import { migrate } from '../src/schema/migrations.ts';
import type { Database } from '../src/schema/tables.ts';
import { DEMO } from '../src/seed/demo-ids.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { projections } from '../src/services/projections.ts';
import { query } from './stack.ts';

const DATABASE = 'panggung_bench_audit';
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const BATCH = 5_000;
const CATEGORIES: readonly VendorCategory[] = ['venue', 'sound', 'lighting', 'catering', 'security'];
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const log = (line: string) => console.log(line);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MB`;

/** Runs `work`, sampling this process's RSS every 20 ms; returns its result, the time and the peak. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakRss: number }> {
  let peakRss = process.memoryUsage.rss();
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
  const started = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - started, peakRss: Math.max(peakRss, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}

/** Appends `count` budget estimates to the concert, decided and folded by the domain, `BATCH` per append. */
async function generate(store: EventStore<Database>, count: number): Promise<void> {
  const stream = `budget-${DEMO.concertId}`;
  const history = await store.readStream(stream);
  let state: BudgetState = initialBudgetState;
  for (const event of history) state = evolveBudget(state, event as never);
  let version = BigInt(history.length);
  let written = 0;
  let step = 0;
  while (written < count) {
    const batch: NewEvent[] = [];
    while (batch.length < Math.min(BATCH, count - written)) {
      const category = CATEGORIES[step % CATEGORIES.length]!;
      // Estimates that wander around Rp 100–400 million, so alerts are raised now and then too.
      const estimate = 100_000_000 + ((step * 7_919) % 300) * 1_000_000;
      step++;
      for (const event of decideBudget(
        {
          type: 'SetBudgetEstimate',
          data: { productionId: DEMO.concertId, category, estimate },
          metadata: { actor: 'system:bench', now: new Date().toISOString() },
        },
        state,
      )) {
        state = evolveBudget(state, event);
        batch.push({ type: event.type, data: event.data as never });
      }
    }
    const result = await store.append(stream, version, batch, {
      metadata: { actor: 'system:bench', correlationId: randomUUID(), causationId: null },
    });
    version = result.nextExpectedVersion;
    written += batch.length;
    if (written % 100_000 < BATCH) process.stderr.write(`… ${fmt(written)} events generated\n`);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const dataDir = path.join(repoRoot, '.test-data', `bench-audit-${process.pid}`);
  let postgres: RunningPostgres | undefined;
  let store: EventStore<Database> | undefined;
  const exportFile = path.join(os.tmpdir(), `panggung-bench-audit-${process.pid}.jsonl`);
  const cleanup = async () => {
    await store?.close().catch(() => undefined);
    if (postgres?.kind === 'external')
      await query(postgres.url, `drop database if exists ${DATABASE} with (force)`).catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rm(exportFile, { force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void cleanup().then(() => process.exit(130)));
  try {
    log(`# Panggung audit benchmark, ${new Date().toISOString()}`);
    log(
      `# machine: ${os.cpus().length} cores, node ${process.version}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    if (EVENTS !== 1_000_000)
      log(`# BENCH_EVENTS=${fmt(EVENTS)}: a SMALLER history than the issue's 1,000,000 events`);
    postgres = await startPostgres({
      databaseUrl: process.env.DATABASE_URL || undefined,
      dataDir: path.join(dataDir, 'postgres'),
      port: await findFreePort(),
    });
    const url = await createDatabase(postgres.url, DATABASE);
    // Every runner holds a connection for its lock and takes another for its batches: room for all of them.
    store = createEventStore<Database>({
      connectionString: url,
      applicationName: 'panggung-bench-audit',
      poolSize: 2 * projections.length + 6,
    });
    await migrate(store.db as never);
    await seedDemo(store, { planning: true });

    const generation = await measured(() => generate(store!, EVENTS));
    const [{ total } = { total: '0' }] = await query<{ total: string }>(
      url,
      'select count(*)::text as total from events',
    );
    const all = Number(total);
    const [{ production } = { production: '0' }] = await query<{ production: string }>(
      url,
      `select count(*)::text as production from events where data->>'productionId' = '${DEMO.concertId}'`,
    );
    const inProduction = Number(production);
    log(
      `# generated ${fmt(EVENTS)} budget events in ${fmt(generation.ms / 1000, 1)} s (${fmt(
        EVENTS / (generation.ms / 1000),
      )} events/s); store ${fmt(all)} events, concert ${fmt(inProduction)}`,
    );

    // (a) The live tables first, built as fast as we can: every checkpoint at the head of the log, then one
    //     shared pass swapped in whatever it finds. Then the measured rebuild, as `pnpm projections:rebuild`
    //     runs it: every projection from zero in one pass over the log, each checked row by row against
    //     the live tables and swapped in.
    const names = projections.map((projection) => projection.name);
    await sql`
      insert into projection_checkpoints (name, transaction_id, position)
      select name, head.transaction_id, head.position
      from unnest(${names}::text[]) as name,
           (select transaction_id, position from events order by transaction_id desc, position desc limit 1) head
      on conflict (name) do update set transaction_id = excluded.transaction_id, position = excluded.position
    `.execute(store.db);
    const liveBuild = await measured(() =>
      rebuildProjections(store!, projections, { batchSize: 5_000, acceptDifferences: true }),
    );
    log(
      `# live tables built by a first pass in ${fmt(liveBuild.ms / 1000, 1)} s (${fmt(all / (liveBuild.ms / 1000))} events/s)`,
    );
    const rebuild = await measured(() => rebuildProjections(store!, projections, { batchSize: 5_000 }));
    const unequal = rebuild.value.filter((report) => !report.swapped || report.differences.length > 0);
    if (unequal.length > 0)
      throw new Error(
        `rebuilt projections differ from the live ones: ${unequal.map((r) => r.projection).join(', ')}`,
      );

    // (b) State at 5 random past positions of the concert.
    const { rows: positions } = await sql<{ transaction_id: string; position: string }>`
      select transaction_id::text as transaction_id, position::text as position from events
      where data->>'productionId' = ${DEMO.concertId} order by random() limit 5
    `.execute(store.db);
    const travels: { ms: number; peakRss: number; events: number }[] = [];
    for (const row of positions) {
      const checkpoint = { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) };
      const run = await measured(async () => {
        // As `GET …/audit/state?position=` answers: the nearest snapshot, then the events after it.
        const { start, events } = await productionHistory(store!.db as never, DEMO.concertId, {
          kind: 'position',
          checkpoint,
        });
        productionAt(DEMO.concertId, events, start);
        return events.length;
      });
      travels.push({ ms: run.ms, peakRss: run.peakRss, events: run.value });
      log(
        `#   state at ${formatCheckpoint(checkpoint)}: ${fmt(run.value)} events folded after the nearest snapshot in ${fmt(run.ms)} ms`,
      );
    }
    const sortedMs = travels.map((t) => t.ms).sort((a, b) => a - b);

    // (c) Verification, in the database and offline over an export file.
    // Verification runs after the event, on a settled database: let PostgreSQL's own maintenance (what
    // autovacuum does on its own schedule after a bulk load) finish first, and say how long it took.
    const settle = await measured(() => sql`vacuum (analyze) events`.execute(store!.db));
    log(`# vacuum (analyze) events before verifying: ${fmt(settle.ms / 1000, 1)} s`);
    const verifyDb = await measured(() => store!.verifyProduction(DEMO.concertId));
    const exported = await measured(async () => {
      const out = createWriteStream(exportFile);
      for await (const line of exportLines(store!, DEMO.concertId))
        if (!out.write(line)) await new Promise<void>((done) => out.once('drain', () => done()));
      await new Promise<void>((done, fail) =>
        out.end((error?: Error | null) => (error ? fail(error) : done())),
      );
    });
    const verifyFile = await measured(() =>
      verifyExport(createInterface({ input: createReadStream(exportFile), crlfDelay: Infinity })),
    );
    if (!verifyDb.value.ok || !verifyFile.value.ok)
      throw new Error('verification failed on an untampered history');

    const rate = (events: number, ms: number) => events / (ms / 1000);
    const rows: [string, string, string, string, string][] = [
      [
        `rebuild: all ${projections.length} projections, one pass, checked equal and swapped`,
        `${fmt(rate(all, rebuild.ms))} events/s (${fmt(all)} in ${fmt(rebuild.ms / 1000, 1)} s)`,
        mb(rebuild.peakRss),
        '≥ 50,000 events/s',
        rate(all, rebuild.ms) >= 50_000 ? 'PASS' : 'MISS',
      ],
      [
        'state at a past position (5)',
        `p50 ${fmt(sortedMs[2] ?? 0)} ms, max ${fmt(sortedMs.at(-1) ?? 0)} ms`,
        mb(Math.max(...travels.map((t) => t.peakRss))),
        '< 500 ms',
        (sortedMs.at(-1) ?? 0) < 500 ? 'PASS' : 'MISS',
      ],
      [
        'verify: store.verifyProduction',
        `${fmt(rate(verifyDb.value.eventsChecked, verifyDb.ms))} events/s (${fmt(verifyDb.value.eventsChecked)} in ${fmt(verifyDb.ms / 1000, 1)} s)`,
        mb(verifyDb.peakRss),
        '≥ 200,000 events/s',
        rate(verifyDb.value.eventsChecked, verifyDb.ms) >= 200_000 ? 'PASS' : 'MISS',
      ],
      [
        'verify: offline verifyExport',
        `${fmt(rate(verifyFile.value.eventsChecked, verifyFile.ms))} events/s (${fmt(verifyFile.value.eventsChecked)} in ${fmt(verifyFile.ms / 1000, 1)} s)`,
        mb(verifyFile.peakRss),
        '≥ 200,000 events/s',
        rate(verifyFile.value.eventsChecked, verifyFile.ms) >= 200_000 ? 'PASS' : 'MISS',
      ],
    ];
    log(`# export written in ${fmt(exported.ms / 1000, 1)} s (${mb((await fs.stat(exportFile)).size)})`);
    log('');
    log('| figure | result | peak RSS | target | |');
    log('| --- | --- | --- | --- | --- |');
    for (const row of rows) log(`| ${row.join(' | ')} |`);
    log('');
    log(
      `# whole run ${fmt((Date.now() - started) / 1000)} s; load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await cleanup();
  }
}

await main();
