import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, isPortFree } from '../postgres/port.ts';
import { forEachLine } from '../process/lines.ts';
import { processesMentioning } from '../testing/processes.ts';

const cliPath = new URL('./cli.ts', import.meta.url).pathname;
let dataDir: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'panggung-stack-'));
  // mkdtemp makes it private; as root, the embedded PostgreSQL runs as `postgres` and must get inside.
  await fs.chmod(dataDir, 0o755);
});

afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

interface StackRun {
  readonly child: ChildProcess;
  readonly output: string[];
  readonly exited: Promise<number | null>;
  /** Resolves when a line containing `text` appears; rejects at exit or after `timeoutMs`. */
  waitFor(text: string, timeoutMs: number): Promise<void>;
}

/** Runs the stack CLI in its own process group, as a terminal would, so a Ctrl-C can reach all of it. */
function runStack(env: Record<string, string>): StackRun {
  const { DATABASE_URL: _url, TEMPORAL_ADDRESS: _address, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', cliPath, '--infra-only'], {
    env: { ...inherited, PANGGUNG_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  const waiters = new Set<() => void>();
  const onLine = (line: string) => {
    output.push(line);
    for (const check of waiters) check();
  };
  forEachLine(child.stdout, onLine);
  forEachLine(child.stderr, onLine);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output,
    exited,
    waitFor: (text, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no "${text}" within ${timeoutMs} ms`)), timeoutMs);
        const check = () => output.some((line) => line.includes(text)) && finish();
        const finish = (error?: Error) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(new Error(`${error.message}; output:\n${output.join('\n')}`));
          else resolve();
        };
        waiters.add(check);
        void exited.then(() => finish(new Error(`exited before "${text}"`)));
        check();
      }),
  };
}

describe('the stack CLI', () => {
  it('starts PostgreSQL and Temporal, prints where they are, and stops everything on Ctrl-C', async () => {
    const [pg, temporal, ui] = [await findFreePort(), await findFreePort(), await findFreePort()];
    const stack = runStack({
      PANGGUNG_PG_PORT: String(pg),
      PANGGUNG_TEMPORAL_PORT: String(temporal),
      PANGGUNG_TEMPORAL_UI_PORT: String(ui),
    });
    try {
      await stack.waitFor('Ctrl-C to stop.', 90_000);
      const summary = stack.output.join('\n');
      expect(summary).toContain(`PostgreSQL   postgres://postgres:***@127.0.0.1:${pg}/panggung`);
      expect(summary).toContain(`Temporal     127.0.0.1:${temporal}`);
      expect(summary).toContain(`Temporal UI  http://127.0.0.1:${ui}`);
      expect(summary).not.toContain('postgres:postgres@');
      for (const port of [pg, temporal, ui]) expect(await isPortFree(port)).toBe(false);

      // What a terminal does on Ctrl-C: SIGINT to the whole foreground process group.
      process.kill(-stack.child.pid!, 'SIGINT');
      expect(await stack.exited).toBe(0);
      expect(stack.output.at(-1)).toBe('Stopped.');
      expect(processesMentioning(dataDir)).toEqual([]);
      for (const port of [pg, temporal, ui]) expect(await isPortFree(port)).toBe(true);
    } finally {
      if (stack.child.exitCode === null) process.kill(-stack.child.pid!, 'SIGKILL');
    }
  }, 120_000);

  it('refuses a taken port with a clear message and a non-zero exit', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      const stack = runStack({
        PANGGUNG_PG_PORT: String(taken),
        PANGGUNG_TEMPORAL_PORT: String(await findFreePort()),
        PANGGUNG_TEMPORAL_UI: 'off',
      });
      expect(await stack.exited).toBe(1);
      const output = stack.output.join('\n');
      expect(output).toContain(`✗ Port ${taken} for the embedded PostgreSQL is already in use.`);
      expect(output).toContain(`PANGGUNG_PG_PORT=<port>`);
      expect(output).not.toMatch(/^\s+at /m);
      expect(processesMentioning(dataDir)).toEqual([]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 60_000);
});
