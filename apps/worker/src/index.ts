export { createActivities, createProductionActivities, productionStreamId } from './activities/index.ts';
export type { Activities, ActivityDeps } from './activities/index.ts';
export { appendStep } from './activities/append-step.ts';
export { readWorkerConfig, WorkerConfigError, type WorkerConfig } from './config.ts';
export {
  connectToTemporal,
  createWorker,
  TemporalUnreachableError,
  type CreateWorkerOptions,
} from './worker.ts';
