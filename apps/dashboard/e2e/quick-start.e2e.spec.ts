import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, isPortFree } from '@panggung/infra';
import { processesMentioning } from '@panggung/infra/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';

/**
 * The README's first command, as a newcomer runs it: `npm start` brings up everything on one machine
 * (embedded PostgreSQL, Temporal dev server, migrations, demo data, dashboard build, API, worker) and
 * prints the address; the seeded production manager signs in with a real browser and sees the demo
 * production; Ctrl-C stops everything and leaves nothing running.
 */
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const shots = path.join(repoRoot, 'test-results/e2e');

let dataDir: string;
let stack: ChildProcess;
let output = '';
let browser: Browser | undefined;
const ports: Record<string, number> = {};

function waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = output.match(pattern);
      if (match) {
        clearTimeout(timer);
        stack.stdout?.off('data', check);
        resolve(match);
      }
    };
    const timer = setTimeout(
      () => reject(new Error(`"${pattern}" not printed within ${timeoutMs} ms:\n${output.slice(-3000)}`)),
      timeoutMs,
    );
    stack.stdout?.on('data', check);
    check();
  });
}

describe('the quick start', () => {
  beforeAll(async () => {
    // Traversable by the `postgres` user that embedded PostgreSQL runs as under root.
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'panggung-quick-start-'));
    await fs.chmod(dataDir, 0o755);
    for (const name of ['PANGGUNG_PG_PORT', 'PANGGUNG_TEMPORAL_PORT', 'PANGGUNG_API_PORT'])
      ports[name] = await findFreePort();
    const { DATABASE_URL: _db, TEMPORAL_ADDRESS: _temporal, ...env } = process.env;
    stack = spawn('npm', ['start'], {
      cwd: repoRoot,
      detached: true, // its own process group, as in a terminal: Ctrl-C reaches all of it
      env: {
        ...env,
        ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])),
        PANGGUNG_DATA_DIR: dataDir,
        PANGGUNG_TEMPORAL_UI: 'off',
      },
    });
    stack.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    stack.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });

  afterAll(async () => {
    await browser?.close();
    // Only when a test failed before Ctrl-C: nothing may outlive the run.
    if (stack.exitCode === null && stack.signalCode === null && stack.pid) {
      try {
        process.kill(-stack.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('starts everything and prints the address', async () => {
    const [, url] = await waitForOutput(/Panggung: (http:\/\/\S+)/, 240_000);
    await waitForOutput(/Ctrl-C to stop\./, 60_000);
    expect(url).toBe(`http://127.0.0.1:${ports.PANGGUNG_API_PORT}`);
    expect(output).toMatch(/Demo data: seeded/);
  }, 300_000);

  it('shows the demo production to the seeded production manager in a real browser', async () => {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`http://127.0.0.1:${ports.PANGGUNG_API_PORT}/`);
    await page.getByLabel('E-mail').fill('ayu@gema.test');
    await page.getByLabel('Kata sandi').fill('panggung-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page
      .getByText('Senandung Senja — Konser Outdoor Jakarta 2027')
      .first()
      .waitFor({ timeout: 20_000 });
    await fs.mkdir(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'quick-start.png'), fullPage: true });
  });

  it('stops everything on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => stack.once('exit', (code) => resolve(code)));
    process.kill(-stack.pid!, 'SIGINT');
    await exited;
    await waitForOutput(/Stopped\./, 30_000);
    for (const port of Object.values(ports)) expect(await isPortFree(port)).toBe(true);
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 60_000);
});
