/* eslint-disable no-restricted-imports -- a Node script (files, a server): never part of the workflow bundle */
/**
 * `pnpm --filter @panggung/workflows run record-histories`: runs each recorded scenario of the production
 * workflow to completion on a real Temporal and writes its history to `src/production/histories/`, where
 * `replay.int.spec.ts` replays it against the current code. Re-record only when a change to the workflow
 * is meant to be incompatible (and old executions are handled, e.g. by versioning); otherwise a failing
 * replay is the bug.
 *
 * Uses TEMPORAL_ADDRESS when set, else starts a headless dev server in a temporary folder. The activities
 * here are stand-ins that answer like the worker's: a history records what an activity returned, and a
 * replay never runs activities, so the event store is not needed.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, startTemporal } from '@panggung/infra';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { NativeConnection, Worker } from '@temporalio/worker';
import * as prettier from 'prettier';
import {
  closeProductionSignal,
  getPhaseQuery,
  productionWorkflowId,
  type ProductionActivities,
  type productionWorkflow,
} from '../index.ts';
import { quietTemporalRuntime, testWorkflowBundle } from './index.ts';

const historiesDir = path.resolve(import.meta.dirname, '../production/histories');

/** Answers like the worker's activities would on an empty store. */
function standInActivities(onOpened: () => void): ProductionActivities {
  return {
    openPlanning: async ({ productionId }) => {
      onOpened();
      return { streamId: `production-${productionId}`, streamVersion: 1, duplicate: false };
    },
    closeProduction: async ({ productionId }) => ({
      streamId: `production-${productionId}`,
      streamVersion: 2,
      duplicate: false,
    }),
  };
}

interface Scenario {
  readonly file: string;
  readonly productionId: string;
  run(client: Client, taskQueue: string, opened: Promise<void>): Promise<WorkflowHandle>;
}

const scenarios: Scenario[] = [
  {
    // The common path: started, planning opened, queried, closed.
    file: 'production-closed.json',
    productionId: '00000000-0000-4000-8000-000000000001',
    async run(client, taskQueue, opened) {
      const handle = await client.workflow.start<typeof productionWorkflow>('productionWorkflow', {
        taskQueue,
        workflowId: productionWorkflowId(this.productionId),
        args: [{ productionId: this.productionId, organisationId: 'org-recorded' }],
      });
      await opened;
      await handle.query(getPhaseQuery);
      await handle.signal(closeProductionSignal);
      return handle;
    },
  },
  {
    // The close arrives with the start, before planning is recorded.
    file: 'production-closed-at-start.json',
    productionId: '00000000-0000-4000-8000-000000000002',
    async run(client, taskQueue) {
      return client.workflow.signalWithStart<typeof productionWorkflow, []>('productionWorkflow', {
        taskQueue,
        workflowId: productionWorkflowId(this.productionId),
        args: [{ productionId: this.productionId, organisationId: 'org-recorded' }],
        signal: closeProductionSignal,
      });
    },
  },
];

quietTemporalRuntime();
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'panggung-record-'));
const temporal = await startTemporal({
  address: process.env.TEMPORAL_ADDRESS || undefined,
  dataDir,
  port: await findFreePort(),
});
try {
  const [native, clientConnection, bundle] = await Promise.all([
    NativeConnection.connect({ address: temporal.address }),
    Connection.connect({ address: temporal.address }),
    testWorkflowBundle(),
  ]);
  const client = new Client({ connection: clientConnection });
  try {
    for (const scenario of scenarios) {
      const taskQueue = `record-histories-${randomUUID()}`;
      let opened!: () => void;
      const openedOnce = new Promise<void>((resolve) => (opened = resolve));
      const worker = await Worker.create({
        connection: native,
        taskQueue,
        workflowBundle: bundle,
        activities: standInActivities(opened),
      });
      const history = await worker.runUntil(async () => {
        const handle = await scenario.run(client, taskQueue, openedOnce);
        await handle.result();
        return handle.fetchHistory();
      });
      const file = path.join(historiesDir, scenario.file);
      // Formatted as the repository's Prettier would, so a fresh recording passes `prettier --check`.
      const options = { ...(await prettier.resolveConfig(file)), filepath: file };
      await fs.writeFile(file, await prettier.format(historyToJSON(history), options));
      console.log(`Recorded ${path.relative(process.cwd(), file)} (${history.events?.length} events)`);
    }
  } finally {
    await clientConnection.close();
    await native.close();
  }
} finally {
  await temporal.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
