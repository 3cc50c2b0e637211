import { execFile } from 'node:child_process';
import net from 'node:net';

/** Result of one health check: healthy, or what the check said instead. */
export type HealthCheck = { healthy: true } | { healthy: false; detail: string };

/**
 * One `temporal operator cluster health` call. The CLI speaks gRPC, so this is the same check a worker's
 * connection would pass, without a gRPC client of our own.
 */
export function checkHealthWithCli(cli: string, address: string): Promise<HealthCheck> {
  return new Promise((resolve) => {
    execFile(
      cli,
      ['operator', 'cluster', 'health', '--address', address],
      { timeout: 10_000, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error && stdout.includes('SERVING')) return resolve({ healthy: true });
        const output = `${stdout}\n${stderr}`.trim();
        resolve({ healthy: false, detail: output || (error?.message ?? 'no output') });
      },
    );
  });
}

/** Fallback when no CLI is at hand (an external Temporal with TEMPORAL_ADDRESS): can we connect at all? */
export function checkTcp(address: string): Promise<HealthCheck> {
  const { host, port } = splitAddress(address);
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 5_000 });
    const done = (check: HealthCheck) => {
      socket.destroy();
      resolve(check);
    };
    socket.once('connect', () => done({ healthy: true }));
    socket.once('timeout', () => done({ healthy: false, detail: `connecting to ${address} timed out` }));
    socket.once('error', (error) => done({ healthy: false, detail: error.message }));
  });
}

export interface WaitForHealthOptions {
  check: () => Promise<HealthCheck>;
  timeoutMs: number;
  intervalMs?: number;
  signal?: AbortSignal | undefined;
  /** Resolves when waiting is pointless (the server process exited): stops the wait early. */
  giveUp?: Promise<string>;
}

/**
 * Polls `check` until it reports healthy. Resolves with `undefined` when healthy, otherwise with the reason
 * it stopped waiting (timeout, give-up) together with the last check's detail.
 */
export async function waitForHealth(options: WaitForHealthOptions): Promise<string | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no check completed';
  let gaveUp: string | undefined;
  void options.giveUp?.then((reason) => (gaveUp = reason));
  while (Date.now() < deadline) {
    options.signal?.throwIfAborted();
    if (gaveUp !== undefined) return `${gaveUp}\nLast health check: ${last}`;
    const check = await options.check();
    if (check.healthy) return undefined;
    last = check.detail;
    if (gaveUp !== undefined) return `${gaveUp}\nLast health check: ${last}`;
    await pause(options.intervalMs ?? 250, options.signal);
  }
  return `not healthy within ${options.timeoutMs / 1000}s.\nLast health check: ${last}`;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

function splitAddress(address: string): { host: string; port: number } {
  const match = /^(.*):(\d+)$/.exec(address);
  if (!match?.[1] || !match[2]) return { host: address, port: 7233 };
  return { host: match[1].replace(/^\[(.*)\]$/, '$1'), port: Number(match[2]) };
}
