/**
 * `pnpm bench:audit`: the audit tools over one production with a long history (issue 7).
 *
 * Starts an embedded PostgreSQL (or uses DATABASE_URL's server with a fresh `panggung_bench_audit`
 * database, dropped afterwards), migrates, seeds the demo (with its plan, without Temporal), then appends
 * BENCH_EVENTS (default 1,000,000) events to the concert through the store in batches, each decided by the
 * domain's `decide` functions from the streams' states folded in memory (`audit-history.ts`). BENCH_MIX
 * chooses the history: `mix` (default) is a production's realistic mix, about 42% budget (estimates,
 * payments, approved overruns), 18% timeline (tasks added, updated, started, completed, removed,
 * dependencies), 15% crew (shifts assigned, rescheduled, removed, call sheets published) and 25% comments
 * (posts, replies, mentions, edits, deletions), so every projection and notification rule has work;
 * `budget` is budget estimates only, across every category (the first history of this benchmark, whose
 * rebuild touches little but the budget projection). Then it measures, each with the peak RSS of this
 * process sampled every 20 ms during the phase:
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
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { productionAt } from '@panggung/domain';
import { createEventStore, formatCheckpoint, verifyExport, type EventStore } from '@panggung/event-store';
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
import { generateHistory, type HistoryMix } from './audit-history.ts';
import { query } from './stack.ts';

const DATABASE = 'panggung_bench_audit';
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const MIX = (process.env.BENCH_MIX ?? 'mix') as HistoryMix;
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

    if (MIX !== 'mix' && MIX !== 'budget') throw new Error(`BENCH_MIX is mix or budget, not ${MIX}`);
    const generation = await measured(() =>
      generateHistory(store!, {
        productionId: DEMO.concertId,
        actorId: DEMO.people.manager,
        count: EVENTS,
        mix: MIX,
        onProgress: (written) => {
          if (written % 100_000 < 5_000) process.stderr.write(`… ${fmt(written)} events generated\n`);
        },
      }),
    );
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
      `# generated ${fmt(EVENTS)} events (BENCH_MIX=${MIX}; refused commands ${JSON.stringify(generation.value)}) in ${fmt(generation.ms / 1000, 1)} s (${fmt(
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
    // Each projection's own share of the rebuild: the time its `apply` took, summed over the pages.
    const spent = new Map<string, { ms: number; events: number }>();
    const timed = projections.map((projection) => ({
      ...projection,
      async apply(...args: Parameters<typeof projection.apply>) {
        const began = performance.now();
        await projection.apply(...args);
        const entry = spent.get(projection.name) ?? { ms: 0, events: 0 };
        entry.ms += performance.now() - began;
        entry.events += args[1].length;
        spent.set(projection.name, entry);
      },
    }));
    const rebuild = await measured(() => rebuildProjections(store!, timed, { batchSize: 5_000 }));
    for (const [name, entry] of [...spent].sort((a, b) => b[1].ms - a[1].ms))
      log(`#   rebuild, ${name}: ${fmt(entry.ms / 1000, 1)} s applying ${fmt(entry.events)} events`);
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
