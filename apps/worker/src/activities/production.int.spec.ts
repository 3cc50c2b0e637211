import type { EventStore } from '@panggung/event-store';
import { uniqueTaskQueue } from '@panggung/infra/testing';
import {
  closeProductionSignal,
  getPhaseQuery,
  productionWorkflowId,
  type AppendedEvents,
  type productionWorkflow,
} from '@panggung/workflows';
import { cancelled } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openWorkerHarness, type WorkerHarness } from '../testing/worker-harness.ts';
import { createActivities, productionStreamId } from './index.ts';

const taskQueue = uniqueTaskQueue('production');
let harness: WorkerHarness;
let store: EventStore;
let client: Client;
const startWorker: WorkerHarness['startWorker'] = (...args) => harness.startWorker(...args);

beforeAll(async () => {
  harness = await openWorkerHarness('worker_production', taskQueue);
  ({ store, client } = harness);
});

afterAll(() => harness?.close());

function startProduction(productionId: string, queue = taskQueue) {
  return client.workflow.start<typeof productionWorkflow>('productionWorkflow', {
    taskQueue: queue,
    workflowId: productionWorkflowId(productionId),
    args: [{ productionId, organisationId: 'org-1' }],
  });
}

async function eventTypes(productionId: string) {
  return (await store.readStream(productionStreamId(productionId))).map((event) => event.type);
}

describe('productionWorkflow on a real Temporal and PostgreSQL', () => {
  it('opens planning once, answers getPhase, and on closeProduction appends ProductionClosed and completes', async () => {
    const productionId = randomUUID();
    const handle = await startProduction(productionId);

    // The append happens in the worker: look until it is there (vi.waitFor's default 1 s is too short
    // for a loaded 2-core machine).
    await vi.waitFor(
      async () => expect(await eventTypes(productionId)).toEqual(['ProductionPlanningOpened']),
      { timeout: 20_000, interval: 50 },
    );
    expect(await handle.query(getPhaseQuery)).toBe('planning');
    const [opened] = await store.readStream(productionStreamId(productionId));
    expect(opened!.data).toEqual({ productionId });
    expect(opened!.metadata).toMatchObject({
      actor: `workflow:production-${productionId}`,
      correlationId: `production-${productionId}`,
      causationId: `production-${productionId}/${handle.firstExecutionRunId}/1`,
    });

    await handle.signal(closeProductionSignal);
    expect(await handle.result()).toEqual({ productionId, phase: 'closed' });
    expect(await handle.query(getPhaseQuery)).toBe('closed');
    expect(await eventTypes(productionId)).toEqual(['ProductionPlanningOpened', 'ProductionClosed']);
  });

  it('keeps a close that arrives before planning is recorded, and applies it after', async () => {
    const productionId = randomUUID();
    const handle = await client.workflow.signalWithStart<typeof productionWorkflow, []>(
      'productionWorkflow',
      {
        taskQueue,
        workflowId: productionWorkflowId(productionId),
        args: [{ productionId, organisationId: 'org-1' }],
        signal: closeProductionSignal,
      },
    );
    expect(await handle.result()).toEqual({ productionId, phase: 'closed' });
    expect(await eventTypes(productionId)).toEqual(['ProductionPlanningOpened', 'ProductionClosed']);
  });

  it('fails at once, without retrying, when the store refuses the append as invalid', async () => {
    const productionId = 'x'.repeat(250); // the stream id exceeds the store's 200 characters
    const handle = await startProduction(productionId);
    const failure = await handle.result().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const activityFailure = (failure as WorkflowFailedError).cause;
    expect(activityFailure).toBeInstanceOf(ActivityFailure);
    expect(activityFailure?.cause).toBeInstanceOf(ApplicationFailure);
    expect(activityFailure?.cause).toMatchObject({ type: 'INVALID_ARGUMENT', nonRetryable: true });
    const history = await handle.fetchHistory();
    const attempts = history.events?.filter((event) => event.activityTaskStartedEventAttributes);
    expect(attempts?.map((event) => event.activityTaskStartedEventAttributes?.attempt)).toEqual([1]);
  });

  it('survives a worker stopped after it appended but before it reported: the next worker finishes without a duplicate', async () => {
    const queue = uniqueTaskQueue('stopped-worker');
    const real = createActivities({ store });
    let appended!: () => void;
    const appendedOnce = new Promise<void>((resolve) => (appended = resolve));
    // The first worker appends, then hangs until its shutdown cancels the activity: Temporal never hears
    // that the append happened, and retries the activity on the next worker.
    const dying = await startWorker(
      queue,
      {
        ...real,
        openPlanning: async (input) => {
          await real.openPlanning(input);
          appended();
          return cancelled();
        },
      },
      '100 ms',
    );
    const dyingRun = dying.run();
    const productionId = randomUUID();
    const handle = await startProduction(productionId, queue);
    await appendedOnce;
    dying.shutdown();
    await dyingRun;
    expect(await eventTypes(productionId)).toEqual(['ProductionPlanningOpened']);

    const retried: AppendedEvents[] = [];
    let retriedOnce!: () => void;
    const retriedPromise = new Promise<void>((resolve) => (retriedOnce = resolve));
    const next = await startWorker(queue, {
      ...real,
      openPlanning: async (input) => {
        const result = await real.openPlanning(input);
        retried.push(result);
        retriedOnce();
        return result;
      },
    });
    await next.runUntil(async () => {
      await retriedPromise;
      await handle.signal(closeProductionSignal);
      await handle.result();
    });
    expect(retried).toEqual([
      { streamId: productionStreamId(productionId), streamVersion: 1, duplicate: true },
    ]);
    expect(await eventTypes(productionId)).toEqual(['ProductionPlanningOpened', 'ProductionClosed']);
  });
});
