import type { EventStore } from '@panggung/event-store';
import { freshNamespace, testTemporalAddress, uniqueTaskQueue } from '@panggung/infra/testing';
import { createActivities } from '@panggung/worker';
import { quietTemporalRuntime, testWorkflowBundle } from '@panggung/workflows/testing';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { ApiConfig } from '../config.ts';
import { startTestApi, type TestApi } from './test-api.ts';

export interface TestApiWithWorker extends TestApi {
  /** Stops the worker (letting running activities finish), then the API. */
  stop(): Promise<void>;
}

/**
 * A real API (fresh database, demo seeded) and a real Temporal worker in this process, both on a task
 * queue of the test's own, so workflows the API starts run here and nowhere else.
 *
 * @example
 * beforeAll(async () => (api = await startTestApiWithWorker('phases')));
 * afterAll(() => api.stop());
 */
export async function startTestApiWithWorker(
  label: string,
  overrides: Partial<ApiConfig> = {},
): Promise<TestApiWithWorker> {
  quietTemporalRuntime();
  const taskQueue = uniqueTaskQueue(`api-${label}`);
  const address = testTemporalAddress();
  const namespace = await freshNamespace(label);
  const api = await startTestApi(label, {
    temporal: { address, namespace, taskQueue, tls: false, apiKey: undefined },
    ...overrides,
  });
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowBundle: await testWorkflowBundle(),
    activities: createActivities({ store: api.app.store as unknown as EventStore }),
  });
  const running = worker.run();
  return {
    ...api,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await api.app.close();
    },
  };
}
