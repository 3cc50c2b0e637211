import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findFreePort } from '../postgres/port.ts';
import { startPostgres, type RunningPostgres } from '../postgres/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the PostgreSQL server's maintenance database; tests create their own databases on it. */
    pgServerUrl: string;
    pgKind: 'embedded' | 'external';
  }
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');
let postgres: RunningPostgres | undefined;

/** Starts the real PostgreSQL the integration tests run against (never a mock). */
export async function setup(project: TestProject): Promise<void> {
  const external = project.config.env?.PANGGUNG_TEST_POSTGRES === 'external';
  postgres = await startPostgres({
    databaseUrl: external ? process.env.DATABASE_URL : undefined,
    dataDir: path.join(repoRoot, '.test-data', 'postgres'),
    port: await findFreePort(),
  });
  project.provide('pgServerUrl', postgres.url);
  project.provide('pgKind', postgres.kind);
}

export async function teardown(): Promise<void> {
  await postgres?.stop();
}
