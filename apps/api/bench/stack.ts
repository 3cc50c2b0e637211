/**
 * The one-machine stack the approvals benchmark runs on, all started by this process: PostgreSQL
 * (DATABASE_URL's server with a fresh `panggung_bench_approvals` database, or an embedded one), a headless
 * Temporal dev server on free ports (or TEMPORAL_ADDRESS), the API listening on a free port with the demo
 * seeded, and one Temporal worker in this process on the API's task queue. `close()` undoes all of it, in
 * order, once, whatever was started when it is called.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createDatabase as openDatabase, createEventStore, type EventStore } from '@panggung/event-store';
import { createDatabase, findFreePort, startPostgres, startTemporal } from '@panggung/infra';
import type { RunningPostgres, RunningTemporal } from '@panggung/infra';
import { createActivities, createWorker } from '@panggung/worker';
import { quietTemporalRuntime, testWorkflowBundle } from '@panggung/workflows/testing';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { startApprovalWorkflow } from '../src/approvals/workflow-client.ts';
import type { ApiConfig } from '../src/config.ts';
import { seedDemo } from '../src/seed/demo.ts';

export const BENCH_DATABASE = 'panggung_bench_approvals';
const repoRoot = path.resolve(import.meta.dirname, '../../..');

export interface BenchStack {
  readonly baseUrl: string;
  readonly app: FastifyInstance;
  readonly databaseUrl: string;
  readonly postgres: string;
  readonly temporal: string;
  readonly taskQueue: string;
  /** The dev server's address when we started one (for CPU accounting). */
  readonly devServerAddress: string | undefined;
  /** The embedded PostgreSQL's data folder (no postmaster.pid in it for an external server). */
  readonly pgDataDir: string;
  close(): Promise<void>;
}

/** Starts everything; on a failure half-way, closes what was started and rethrows. */
export async function startStack(
  log: (line: string) => void,
  /** Receives `close` at once, so an interrupt while starting can clean up what was started so far. */
  onClose: (close: () => Promise<void>) => void,
  /** The bench database (and data folder) name, so two benches never share one. */
  database = BENCH_DATABASE,
): Promise<BenchStack> {
  const dataDir = path.join(
    repoRoot,
    '.test-data',
    `bench-${database.replace(/^panggung_bench_/, '')}-${process.pid}`,
  );
  let postgres: RunningPostgres | undefined;
  let temporal: RunningTemporal | undefined;
  let databaseUrl: string | undefined;
  let app: FastifyInstance | undefined;
  let workerStore: EventStore | undefined;
  let connection: NativeConnection | undefined;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      const step = async (what: string, action: () => Promise<unknown> | undefined) => {
        try {
          await action();
        } catch (error) {
          log(`# cleanup: ${what} failed: ${(error as Error).message}`);
        }
      };
      if (worker?.getState() === 'RUNNING') worker.shutdown();
      await step('worker', () => running);
      await step('worker connection', () => connection?.close());
      await step('worker store', () => workerStore?.close());
      await step('API', () => app?.close());
      await step('Temporal', () => temporal?.stop());
      if (postgres?.kind === 'external' && databaseUrl)
        await step('drop database', () =>
          query(postgres!.url, `drop database if exists ${database} with (force)`),
        );
      await step('PostgreSQL', () => postgres?.stop());
      await step('data folder', () => fs.rm(dataDir, { recursive: true, force: true }));
    })());
  onClose(close);
  // Errors-only logging, and no signal handlers of the SDK's own: Ctrl-C is ours. Before any connection.
  quietTemporalRuntime();

  try {
    const externalTemporal = process.env.TEMPORAL_ADDRESS || undefined;
    const [pgStarted, temporalStarted] = await Promise.allSettled([
      (async () =>
        startPostgres({
          databaseUrl: process.env.DATABASE_URL || undefined,
          dataDir: path.join(dataDir, 'postgres'),
          port: await findFreePort(),
        }))(),
      (async () =>
        startTemporal({
          address: externalTemporal,
          dataDir: path.join(dataDir, 'temporal'),
          port: await findFreePort(),
        }))(),
    ]);
    if (pgStarted.status === 'fulfilled') postgres = pgStarted.value;
    if (temporalStarted.status === 'fulfilled') temporal = temporalStarted.value;
    if (pgStarted.status === 'rejected') throw pgStarted.reason;
    if (temporalStarted.status === 'rejected') throw temporalStarted.reason;
    const pgServer = postgres!;
    const temporalServer = temporal!;

    databaseUrl = await createDatabase(pgServer.url, database);
    const [version] = await query<{ server_version: string }>(databaseUrl, 'show server_version');
    // A shared Temporal may have other workers on `panggung`: keep to a queue of our own there.
    const taskQueue = externalTemporal ? `panggung-bench-${process.pid}` : 'panggung';
    const config: ApiConfig = {
      databaseUrl,
      temporal: {
        address: temporalServer.address,
        namespace: 'default',
        taskQueue,
        tls: false,
        apiKey: undefined,
      },
      host: '127.0.0.1',
      port: await findFreePort(),
      sessionTtlHours: 1,
      // The bench's few sessions send thousands of requests: the limiter must not be what is measured.
      rateLimitPerMinute: 1_000_000,
      signInLimitPerMinute: 1_000,
      bodyLimitBytes: 256 * 1024,
      heartbeatMs: 60_000,
      liveMaxBufferedBytes: 4 * 1024 * 1024,
      dbPoolSize: 30,
      runProjectors: true,
      secureCookies: false,
      logLevel: 'silent',
    };
    app = await buildApp(config); // migrates the fresh database
    const client = await app.temporal.client();
    await seedDemo(app.store, {
      startApproval: (input) => startApprovalWorkflow(client, taskQueue, input),
    });
    await waitForReadModels(app);

    // The worker as its own process would run it: its own store (pool, LISTEN connection) on the database.
    workerStore = createEventStore({ connectionString: databaseUrl, applicationName: 'panggung-worker' });
    connection = await NativeConnection.connect({ address: temporalServer.address });
    worker = await createWorker({
      connection,
      config: { namespace: 'default', taskQueue },
      activities: createActivities({ store: workerStore }),
      workflowBundle: await testWorkflowBundle(),
    });
    running = worker.run();

    await app.listen({ host: config.host, port: config.port });
    return {
      baseUrl: `http://${config.host}:${config.port}`,
      app,
      databaseUrl,
      postgres: `PostgreSQL ${version?.server_version ?? '?'} (${pgServer.kind})`,
      temporal: `Temporal ${temporalServer.kind} at ${temporalServer.address}, task queue ${taskQueue}`,
      taskQueue,
      devServerAddress: temporalServer.kind === 'dev-server' ? temporalServer.address : undefined,
      pgDataDir: path.join(dataDir, 'postgres'),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Waits until every read model holds the newest event (the seed's). */
async function waitForReadModels(app: FastifyInstance): Promise<void> {
  const last = await app.store.db
    .selectFrom('events')
    .select((eb) => [eb.cast<string>('transaction_id', 'text').as('transaction_id'), 'position'])
    .orderBy('transaction_id', 'desc')
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  await app.projections.waitFor(
    { transactionId: BigInt(last.transaction_id), position: BigInt(last.position) },
    60_000,
  );
}

/** One statement on a connection of its own. */
export async function query<T>(url: string, text: string): Promise<T[]> {
  const db = openDatabase({ connectionString: url, poolSize: 1, applicationName: 'panggung-bench' });
  try {
    return (await sql<T>`${sql.raw(text)}`.execute(db)).rows;
  } finally {
    await db.destroy();
  }
}
