import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createEventStore } from '@panggung/event-store';
import { findFreePort } from '@panggung/infra';
import { freshDatabase, testTemporalAddress, uniqueTaskQueue } from '@panggung/infra/testing';
import { closeProductionSignal, productionWorkflowId, type productionWorkflow } from '@panggung/workflows';
import { Client, Connection } from '@temporalio/client';
import { describe, expect, it } from 'vitest';

const workerDir = path.resolve(import.meta.dirname, '..');

/** `pnpm start`'s command, with only the environment we give it. */
function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: workerDir,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    exited,
    output: () => output,
    /** Resolves once the output contains `text`; rejects if the process exits first. */
    printed(text: string): Promise<void> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (output.includes(text)) resolve();
        };
        listeners.add(check);
        check();
        void exited.then(() => reject(new Error(`exited before printing "${text}":\n${output}`)));
      });
    },
  };
}

describe('the worker process (src/main.ts)', () => {
  it('runs workflows until SIGTERM, then drains, closes the store and exits 0', async () => {
    const databaseUrl = await freshDatabase('worker_main');
    const store = createEventStore({ connectionString: databaseUrl });
    await store.migrate();
    const taskQueue = uniqueTaskQueue('main');
    const main = startMain({
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: testTemporalAddress(),
      PANGGUNG_TASK_QUEUE: taskQueue,
    });
    const client = new Client({ connection: await Connection.connect({ address: testTemporalAddress() }) });
    try {
      await main.printed(`Worker polling task queue "${taskQueue}"`);
      const productionId = randomUUID();
      const handle = await client.workflow.start<typeof productionWorkflow>('productionWorkflow', {
        taskQueue,
        workflowId: productionWorkflowId(productionId),
        args: [{ productionId, organisationId: 'org-1' }],
      });
      await handle.signal(closeProductionSignal);
      expect(await handle.result()).toEqual({ productionId, phase: 'closed' });
      const events = await store.readStream(`production-${productionId}`);
      expect(events.map((event) => event.type)).toEqual(['ProductionPlanningOpened', 'ProductionClosed']);

      main.child.kill('SIGTERM');
      expect(await main.exited).toBe(0);
      expect(main.output()).toContain('Worker stopped.');
    } finally {
      main.child.kill('SIGKILL');
      await client.connection.close();
      await store.close();
    }
  }, 60_000);

  it('refuses to start without DATABASE_URL, and says what to set', async () => {
    const main = startMain({});
    expect(await main.exited).toBe(2);
    expect(main.output()).toContain('DATABASE_URL is not set');
  });

  it('names the address and the variable when Temporal cannot be reached', async () => {
    const main = startMain({
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      TEMPORAL_ADDRESS: `127.0.0.1:${await findFreePort()}`,
    });
    expect(await main.exited).toBe(1);
    expect(main.output()).toMatch(/Cannot connect to Temporal at 127\.0\.0\.1:\d+ \(TEMPORAL_ADDRESS\)/);
  });
});
