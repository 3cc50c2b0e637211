export {
  createActivities,
  createContractActivities,
  createProductionActivities,
  productionStreamId,
} from './activities/index.ts';
export type { Activities, ActivityDeps } from './activities/index.ts';
export { appendStep } from './activities/append-step.ts';
export {
  readTemporalSettings,
  TemporalSettingsError,
  type TemporalSettings,
} from '@panggung/temporal-settings';
export {
  connectToTemporal,
  createWorker,
  TemporalUnreachableError,
  type CreateWorkerOptions,
} from './worker.ts';
