import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findFreePort, isPortFree, PortInUseError } from '../postgres/port.ts';
import { processesMentioning } from '../testing/processes.ts';
import { findTemporalCli } from './find-temporal-cli.mjs';
import { checkHealthWithCli } from './health.ts';
import { startTemporal } from './temporal-server.ts';

let dataDir: string;
let cli: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'panggung-temporal-'));
  cli = (await findTemporalCli()).path;
});

afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('startTemporal', () => {
  it('starts a healthy dev server with its UI, and stop() ends it and frees its ports', async () => {
    const [port, uiPort] = [await findFreePort(), await findFreePort()];
    const temporal = await startTemporal({ dataDir, port, uiPort, namespace: 'panggung', cli });
    try {
      expect(temporal).toMatchObject({ address: `127.0.0.1:${port}`, kind: 'dev-server' });
      expect(await checkHealthWithCli(cli, temporal.address)).toEqual({ healthy: true });
      const ui = await fetch(temporal.uiUrl ?? 'missing');
      expect(ui.status).toBe(200);
      expect(processesMentioning(dataDir)).toHaveLength(1);
    } finally {
      await temporal.stop();
    }
    expect(await isPortFree(port)).toBe(true);
    expect(await isPortFree(uiPort)).toBe(true);
    expect(processesMentioning(dataDir)).toEqual([]);
    await expect(fs.stat(path.join(dataDir, 'temporal.sqlite'))).resolves.toBeTruthy();
  }, 90_000);

  it.each([
    ['gRPC', 'PANGGUNG_TEMPORAL_PORT'],
    ['UI', 'PANGGUNG_TEMPORAL_UI_PORT'],
  ] as const)('refuses a taken %s port, naming %s', async (which, envVar) => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    const free = await findFreePort();
    try {
      const ports = which === 'gRPC' ? { port: taken, uiPort: free } : { port: free, uiPort: taken };
      const started = startTemporal({ dataDir, ...ports, cli });
      await expect(started).rejects.toBeInstanceOf(PortInUseError);
      await expect(started).rejects.toMatchObject({ code: 'PORT_IN_USE', port: taken, envVar });
      expect(processesMentioning(dataDir)).toEqual([]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('stops a server that is still starting when aborted', async () => {
    // A CLI whose health check never passes: the abort, not a fast start, must be what ends the wait.
    const neverHealthy = path.join(dataDir, 'temporal-never-healthy');
    await fs.writeFile(neverHealthy, `#!/bin/sh\n[ "$1" = operator ] && exit 1\nexec "${cli}" "$@"\n`, {
      mode: 0o755,
    });
    const controller = new AbortController();
    const started = startTemporal({
      dataDir,
      port: await findFreePort(),
      cli: neverHealthy,
      signal: controller.signal,
    });
    // Abort as soon as the server process exists, i.e. while health checks are still failing.
    await vi.waitFor(() => expect(processesMentioning(dataDir)).toHaveLength(1), {
      timeout: 10_000,
      interval: 10,
    });
    controller.abort();
    const outcome = await started.then(
      async (temporal) => temporal.stop().then(() => 'became healthy before the abort'),
      (error: unknown) => error,
    );
    expect(outcome).toMatchObject({ name: 'AbortError' });
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 30_000);
});
