/**
 * The API as its own process, for benchmarks whose load must come from outside it: PostgreSQL
 * (DATABASE_URL's server with a fresh database, or an embedded one) and a headless Temporal dev server
 * (or TEMPORAL_ADDRESS) started by this process, the database migrated and the demo seeded from here, then
 * `apps/api/src/server.ts` spawned with its configuration in the environment, exactly as `pnpm start`
 * runs it. The server also loads `memory-report.ts`, which prints its heap once a second on stderr.
 * `close()` undoes all of it, in order, once, whatever was started when it is called.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createEventStore } from '@panggung/event-store';
import {
  createDatabase,
  findFreePort,
  spawnTied,
  startPostgres,
  startTemporal,
  type RunningPostgres,
  type RunningTemporal,
  type TiedProcess,
} from '@panggung/infra';
import { migrate } from '../src/schema/migrations.ts';
import type { Database } from '../src/schema/tables.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { MEMORY_LINE } from './memory-report.ts';
import { query } from './stack.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const apiDir = path.resolve(import.meta.dirname, '..');

export interface ServerMemory {
  /** Resident set size from /proc/<pid>/status (VmRSS), MiB. */
  readonly rssMiB: number;
  /** V8 heap used, MiB, from the server's last report (up to a second old). */
  readonly heapUsedMiB: number;
}

export interface ApiProcess {
  readonly baseUrl: string;
  readonly pid: number;
  readonly postgres: string;
  readonly temporal: string;
  /** The server's memory now. */
  memory(): Promise<ServerMemory>;
  /** CPU seconds (user + system) the server process has used so far. */
  cpuSeconds(): Promise<number>;
  close(): Promise<void>;
}

/** Starts everything; on a failure half-way, closes what was started and rethrows. */
export async function startApiProcess(
  log: (line: string) => void,
  /** Receives `close` at once, so an interrupt while starting can clean up what was started so far. */
  onClose: (close: () => Promise<void>) => void,
  database: string,
  /** Extra environment for the server (PANGGUNG_*). */
  env: Record<string, string>,
): Promise<ApiProcess> {
  const dataDir = path.join(
    repoRoot,
    '.test-data',
    `bench-${database.replace(/^panggung_bench_/, '')}-${process.pid}`,
  );
  let postgres: RunningPostgres | undefined;
  let temporal: RunningTemporal | undefined;
  let databaseUrl: string | undefined;
  let server: TiedProcess | undefined;

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
      await step('API server', () => server?.stop(15_000));
      await step('Temporal', () => temporal?.stop());
      if (postgres?.kind === 'external' && databaseUrl)
        await step('drop database', () =>
          query(postgres!.url, `drop database if exists ${database} with (force)`),
        );
      await step('PostgreSQL', () => postgres?.stop());
      await step('data folder', () => fs.rm(dataDir, { recursive: true, force: true }));
    })());
  onClose(close);

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
    const store = createEventStore<Database>({ connectionString: databaseUrl, poolSize: 2 });
    try {
      await migrate(store.db as never);
      await seedDemo(store); // no approval workflow: nothing here needs the drafted contract approved
    } finally {
      await store.close();
    }

    // A shared Temporal may have other workers on `panggung`: keep to a queue of our own there.
    const taskQueue = externalTemporal ? `panggung-bench-${process.pid}` : 'panggung';
    const port = await findFreePort();
    const memoryReport = path.join(import.meta.dirname, 'memory-report.ts');
    server = spawnTied(
      process.execPath,
      [
        // BENCH_CPU_PROF=<folder>: a V8 CPU profile of the server, written when it stops.
        ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
        '--import',
        'tsx',
        '--import',
        memoryReport,
        path.join(apiDir, 'src/server.ts'),
      ],
      {
        cwd: apiDir,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          TEMPORAL_ADDRESS: temporalServer.address,
          TEMPORAL_NAMESPACE: 'default',
          TEMPORAL_TASK_QUEUE: taskQueue,
          PANGGUNG_API_HOST: '127.0.0.1',
          PANGGUNG_API_PORT: String(port),
          PANGGUNG_DASHBOARD_DIR: path.join(dataDir, 'no-dashboard'),
          PANGGUNG_LOG_LEVEL: 'warn',
          PANGGUNG_BENCH_MEMORY_REPORT: 'true',
          ...env,
        },
      },
    );
    const child = server.child;
    let heapUsedMiB = NaN;
    let stderrTail = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(`# server: ${line.trim()}`);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.startsWith(MEMORY_LINE)) heapUsedMiB = Number(line.slice(MEMORY_LINE.length));
        else if (line.trim()) {
          stderrTail = `${stderrTail}\n${line}`.slice(-4_000);
          log(`# server: ${line.trim()}`);
        }
      }
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForServer(baseUrl, server, () => stderrTail);
    const pid = child.pid!;
    return {
      baseUrl,
      pid,
      postgres: `PostgreSQL ${version?.server_version ?? '?'} (${pgServer.kind})`,
      temporal: `Temporal ${temporalServer.kind} at ${temporalServer.address}, task queue ${taskQueue}`,
      async memory() {
        const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
        const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
        return { rssMiB: kib / 1024, heapUsedMiB };
      },
      async cpuSeconds() {
        const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, USER_HZ ticks
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Polls `/health/live` until it answers (the server listens once the app is built and migrated). */
async function waitForServer(baseUrl: string, server: TiedProcess, stderr: () => string): Promise<void> {
  let exited = false;
  void server.exited.then(() => (exited = true));
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    if (exited) throw new Error(`the API server exited while starting:${stderr()}`);
    const ok = await fetch(`${baseUrl}/health/live`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the API server did not answer within 120 s:${stderr()}`);
}
