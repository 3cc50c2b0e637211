import fs from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findFreePort } from '../postgres/port.ts';
import { startPostgres, type RunningPostgres } from '../postgres/postgres.ts';
import { startTemporal, type RunningTemporal } from '../temporal/temporal-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the PostgreSQL server's maintenance database; tests create their own databases on it. */
    pgServerUrl: string;
    pgKind: 'embedded' | 'external';
    /**
     * `host:port` of the run's Temporal dev server (`int` project only). Tests share it and keep apart
     * by task queue (`uniqueTaskQueue`) and workflow id.
     */
    temporalAddress: string;
  }
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/**
 * Starts the real servers the integration tests run against (never mocks), concurrently: PostgreSQL —
 * DATABASE_URL's server for the `int-external-postgres` project, otherwise an embedded one — and, except
 * for `int-external-postgres` (which runs only the event store's suite), a headless Temporal dev server.
 * Returns their teardown.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = project.config.env?.PANGGUNG_TEST_POSTGRES === 'external';
  // One data folder per test run, so two runs at once (or a crashed earlier one) never share one.
  const runDir = (server: string) =>
    path.join(repoRoot, '.test-data', `${server}-${process.pid}-${project.name}`);
  const pgDir = runDir('postgres');
  const temporalDir = runDir('temporal');

  const [pg, temporal] = await Promise.allSettled([
    (async () =>
      startPostgres({
        databaseUrl: external ? process.env.DATABASE_URL : undefined,
        dataDir: pgDir,
        port: await findFreePort(),
      }))(),
    external
      ? Promise.resolve(undefined)
      : (async () => startTemporal({ dataDir: temporalDir, port: await findFreePort() }))(),
  ]);
  const teardown = async () => {
    await Promise.all([stopPostgres(pg, pgDir), stopTemporal(temporal, temporalDir)]);
  };
  if (pg.status === 'rejected' || temporal.status === 'rejected') {
    await teardown();
    throw pg.status === 'rejected' ? pg.reason : (temporal as PromiseRejectedResult).reason;
  }
  project.provide('pgServerUrl', pg.value.url);
  project.provide('pgKind', pg.value.kind);
  if (temporal.value) project.provide('temporalAddress', temporal.value.address);
  return teardown;
}

async function stopPostgres(started: PromiseSettledResult<RunningPostgres>, dataDir: string) {
  if (started.status !== 'fulfilled') return;
  await started.value.stop();
  if (started.value.kind === 'embedded') await fs.rm(dataDir, { recursive: true, force: true });
}

async function stopTemporal(started: PromiseSettledResult<RunningTemporal | undefined>, dataDir: string) {
  if (started.status === 'fulfilled') await started.value?.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
