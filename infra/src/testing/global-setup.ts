import fs from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findFreePort } from '../postgres/port.ts';
import { startPostgres } from '../postgres/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the PostgreSQL server's maintenance database; tests create their own databases on it. */
    pgServerUrl: string;
    pgKind: 'embedded' | 'external';
  }
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/**
 * Starts the real PostgreSQL the integration tests run against (never a mock): DATABASE_URL's server for
 * the `int-external-postgres` project, otherwise an embedded one. Returns its teardown.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = project.config.env?.PANGGUNG_TEST_POSTGRES === 'external';
  // One cluster per test run, so two runs at once (or a crashed earlier one) never share a data folder.
  const dataDir = path.join(repoRoot, '.test-data', `postgres-${process.pid}-${project.name}`);
  const postgres = await startPostgres({
    databaseUrl: external ? process.env.DATABASE_URL : undefined,
    dataDir,
    port: await findFreePort(),
  });
  project.provide('pgServerUrl', postgres.url);
  project.provide('pgKind', postgres.kind);
  return async () => {
    await postgres.stop();
    if (postgres.kind === 'embedded') await fs.rm(dataDir, { recursive: true, force: true });
  };
}
