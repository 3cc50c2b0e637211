export { EventStore, createEventStore, type EventStoreOptions } from './event-store.ts';
export { createDatabase, type DatabaseOptions } from './db.ts';
export type * from './types.ts';
export {
  EventStoreError,
  ConcurrencyError,
  InvalidArgumentError,
  IdempotencyKeyConflictError,
} from './errors.ts';
export { START, formatCheckpoint, parseCheckpoint, compareCheckpoints } from './checkpoint.ts';
export { LIMITS } from './append/validate.ts';
export type { ReadAllResult } from './read/read-all.ts';
export type { ReadStreamOptions } from './read/read-stream.ts';
export type { ReadProductionOptions } from './read/read-production.ts';
export { Subscription, type SubscribeOptions } from './subscribe/subscription.ts';
export { Notifier, NOTIFY_CHANNEL } from './subscribe/notifier.ts';
export type { Projection } from './projections/projection.ts';
export { ProjectionDependencyError, orderByDependencies } from './projections/dependencies.ts';
export { Projector, type ProjectorOptions, type ProjectorState } from './projections/projector.ts';
export { LockSession, type LockLease } from './projections/lock-session.ts';
export {
  ChainVerifier,
  type VerifiableEvent,
  type BrokenLink,
  type VerifyReport,
} from './verify/chain-verifier.ts';
export { contentHash, chainHash, GENESIS_HASH } from './verify/hashing.ts';
export type { VerifyOptions } from './verify/verify.ts';
export {
  verifyExport,
  parseExportLine,
  toExportLine,
  ExportFormatError,
  type ExportLine,
  type VerifyExportOptions,
} from './verify/export.ts';
export type { LinkedEvent, VerifyProductionOptions } from './verify/production-history.ts';
export { migrateToLatest, eventStoreMigrations } from './schema/migrations.ts';
export type { EventStoreTables, EventsTable, StreamsTable } from './schema/tables.ts';
