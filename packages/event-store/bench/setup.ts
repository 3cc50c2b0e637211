import fs from 'node:fs/promises';
import path from 'node:path';
import { createDatabase, findFreePort, startPostgres } from '@panggung/infra';
import pg from 'pg';
import { createEventStore, type EventStore } from '../src/index.ts';

/** The repository root (…/packages/event-store/bench → …). */
export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export const BENCH_DATABASE = 'panggung_bench';

/** The PostgreSQL every figure of one run is taken on, with a fresh, migrated `panggung_bench` database. */
export interface BenchDatabase {
  /** URL of the `panggung_bench` database. */
  readonly url: string;
  readonly kind: 'external' | 'embedded';
  /** `server_version` as the server reports it. */
  readonly serverVersion: string;
  /** A store on the bench database, with its own pool; the caller closes it. */
  openStore(poolSize: number, applicationName?: string): EventStore;
  /** Drops the bench database (external) or stops the server and removes its data (embedded). */
  close(): Promise<void>;
}

/**
 * DATABASE_URL's server when set (a fresh `panggung_bench` database on it, dropped afterwards), otherwise
 * an embedded PostgreSQL on a free port with its data under `.test-data/bench-pg-<pid>`, removed afterwards.
 */
export async function openBenchDatabase(databaseUrl = process.env.DATABASE_URL): Promise<BenchDatabase> {
  const dataDir = path.join(repoRoot, '.test-data', `bench-pg-${process.pid}`);
  const server = await startPostgres({
    databaseUrl: databaseUrl || undefined,
    dataDir,
    port: await findFreePort(),
  });
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    if (server.kind === 'external') {
      await query(server.url, `drop database if exists ${BENCH_DATABASE} with (force)`).catch(() => {});
    }
    await server.stop();
    if (server.kind === 'embedded') await fs.rm(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await createDatabase(server.url, BENCH_DATABASE);
    const [row] = await query<{ server_version: string }>(url, 'show server_version');
    const migrator = createEventStore({ connectionString: url, poolSize: 1 });
    try {
      await migrator.migrate();
    } finally {
      await migrator.close();
    }
    return {
      url,
      kind: server.kind,
      serverVersion: row?.server_version ?? 'unknown',
      openStore: (poolSize, applicationName = 'panggung-bench') =>
        createEventStore({ connectionString: url, poolSize, applicationName }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** One statement on its own connection. */
export async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  text: string,
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Lets a step run fresh: a checkpoint and vacuum so one step's dirty pages are not the next one's cost. */
export async function settle(url: string): Promise<void> {
  await query(url, 'checkpoint').catch(() => {}); // needs superuser or pg_checkpoint; skipped otherwise
  await query(url, 'vacuum analyze');
}
