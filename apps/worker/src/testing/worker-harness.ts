import { createEventStore, type EventStore } from '@panggung/event-store';
import { freshDatabase, testTemporalAddress } from '@panggung/infra/testing';
import { quietTemporalRuntime, testWorkflowBundle } from '@panggung/workflows/testing';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities, type Activities } from '../activities/index.ts';
import { createWorker } from '../worker.ts';

/**
 * A worker on the test run's real Temporal dev server, with its activities on a fresh real database:
 * what the worker's integration tests share. Call `close()` in `afterAll`.
 */
export interface WorkerHarness {
  readonly store: EventStore;
  readonly client: Client;
  /** The worker running the real activities on `taskQueue` (tests may shut it down and start others). */
  worker: Worker;
  running: Promise<void>;
  /** Another worker with the bundled workflows, e.g. with activities that hang to simulate a crash. */
  startWorker(queue: string, activities: Activities, shutdownGraceTime?: string): Promise<Worker>;
  close(): Promise<void>;
}

export async function openWorkerHarness(label: string, taskQueue: string): Promise<WorkerHarness> {
  quietTemporalRuntime();
  const address = testTemporalAddress();
  const [url, connection, clientConnection, bundle] = await Promise.all([
    freshDatabase(label),
    NativeConnection.connect({ address }),
    Connection.connect({ address }),
    testWorkflowBundle(),
  ]);
  const store = createEventStore({ connectionString: url });
  await store.migrate();
  const startWorker = (queue: string, activities: Activities, shutdownGraceTime?: string) =>
    createWorker({
      connection,
      config: { namespace: 'default', taskQueue: queue },
      activities,
      workflowBundle: bundle as WorkflowBundleWithSourceMap,
      ...(shutdownGraceTime ? { shutdownGraceTime } : {}),
    });
  const worker = await startWorker(taskQueue, createActivities({ store }));
  const harness: WorkerHarness = {
    store,
    client: new Client({ connection: clientConnection }),
    worker,
    running: worker.run(),
    startWorker,
    async close() {
      if (harness.worker.getState() === 'RUNNING') harness.worker.shutdown();
      await harness.running;
      await harness.client.connection.close();
      await connection.close();
      await store.close();
    },
  };
  return harness;
}
