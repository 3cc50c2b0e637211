import type { Duration } from '@temporalio/common';
import {
  bundleWorkflowCode,
  DefaultLogger,
  NativeConnection,
  Worker,
  type WorkflowBundleOption,
} from '@temporalio/worker';
import { workflowsPath } from '@panggung/workflows';
import type { Activities } from './activities/index.ts';
import type { TemporalSettings } from '@panggung/temporal-settings';

/** Temporal could not be reached at the configured address. */
export class TemporalUnreachableError extends Error {
  readonly code = 'TEMPORAL_UNREACHABLE';
  constructor(
    readonly address: string,
    cause: unknown,
  ) {
    super(
      `Cannot connect to Temporal at ${address} (TEMPORAL_ADDRESS): ${(cause as Error)?.message ?? cause}\n` +
        'Start the local stack (`pnpm start`), or point TEMPORAL_ADDRESS at a running Temporal ' +
        '(with TEMPORAL_API_KEY or TEMPORAL_TLS_CERT/KEY for Temporal Cloud).',
      { cause },
    );
    this.name = 'TemporalUnreachableError';
  }
}

/** Opens the worker's connection to Temporal; a failure says where it tried and what to do. */
export async function connectToTemporal(config: TemporalSettings): Promise<NativeConnection> {
  try {
    return await NativeConnection.connect({
      address: config.address,
      tls: config.tls,
      ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    });
  } catch (error) {
    throw new TemporalUnreachableError(config.address, error);
  }
}

export interface CreateWorkerOptions {
  readonly connection: NativeConnection;
  readonly config: Pick<TemporalSettings, 'namespace' | 'taskQueue'>;
  readonly activities: Activities;
  /** A prebuilt bundle (tests bundle once per process); default: bundle `workflowsPath` now. */
  readonly workflowBundle?: WorkflowBundleOption;
  /** How long in-flight activities get to finish on shutdown before they are cancelled (default 10 s). */
  readonly shutdownGraceTime?: Duration;
}

/**
 * A worker for every Panggung workflow and activity, on the configured task queue. `run()` it; call
 * `shutdown()` to stop polling, let in-flight activities finish, and make `run()` resolve.
 *
 * @example
 * const connection = await connectToTemporal(config);
 * const worker = await createWorker({ connection, config, activities: createActivities({ store }) });
 * await worker.run();
 */
export async function createWorker(options: CreateWorkerOptions): Promise<Worker> {
  const { connection, config, activities } = options;
  // Bundled here rather than by Worker.create, whose webpack report fills a screen at every start.
  const workflowBundle =
    options.workflowBundle ??
    (await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') }));
  return Worker.create({
    connection,
    namespace: config.namespace,
    taskQueue: config.taskQueue,
    activities,
    workflowBundle,
    shutdownGraceTime: options.shutdownGraceTime ?? '10 seconds',
  });
}
