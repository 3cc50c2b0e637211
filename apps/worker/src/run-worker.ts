import { createEventStore } from '@panggung/event-store';
import { Runtime } from '@temporalio/worker';
import { createActivities } from './activities/index.ts';
import type { TemporalSettings } from '@panggung/temporal-settings';
import { connectToTemporal, createWorker } from './worker.ts';

/**
 * Runs the worker until SIGINT or SIGTERM: then it stops polling, lets in-flight activities finish (up to
 * the shutdown grace time), closes the Temporal connection and, last, the event store the activities use.
 * Rejects with a readable error when Temporal cannot be reached.
 */
export async function runWorker({
  databaseUrl,
  config,
}: {
  databaseUrl: string;
  config: TemporalSettings;
}): Promise<void> {
  // We handle the signals ourselves, so that the store is closed only after the worker drained.
  Runtime.install({ shutdownSignals: [] });
  const store = createEventStore({
    connectionString: databaseUrl,
    onError: (error) => console.error('Event store:', error),
  });
  // Listening from the start: a signal while the workflow code is still being bundled stops cleanly too.
  const stopRequested = new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      console.log(`${signal} received: finishing in-flight activities, then stopping.`);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  try {
    const connection = await connectToTemporal(config);
    try {
      const worker = await createWorker({ connection, config, activities: createActivities({ store }) });
      console.log(
        `Worker polling task queue "${config.taskQueue}" on ${config.address} (namespace ${config.namespace}).`,
      );
      // Stops polling once a signal came, waits for in-flight activities, then resolves.
      await worker.runUntil(stopRequested);
      console.log('Worker stopped.');
    } finally {
      await connection.close();
    }
  } finally {
    await store.close();
  }
}
