import type { ExpectedVersion } from './types.ts';

/** Base of every error the event store throws on purpose; `code` is stable and safe to switch on. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/**
 * The stream was not at the expected version: somebody else appended first. Nothing was written.
 * The API turns this into HTTP 409.
 */
export class ConcurrencyError extends EventStoreError {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's version when the append was refused (0n: no stream; undefined: created concurrently). */
    readonly actual: bigint | undefined,
  ) {
    super(
      `Stream "${streamId}" is at version ${actual === undefined ? '(being created)' : String(actual)}, ` +
        `but the append expected ${String(expected)}`,
    );
    this.name = 'ConcurrencyError';
  }
}

/** An argument was malformed (an unknown expected-version form, data that is not JSON, ...). */
export class InvalidArgumentError extends EventStoreError {
  readonly code = 'INVALID_ARGUMENT';
  constructor(
    /** Path of the offending argument, e.g. `events[2].data.amount`. */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'InvalidArgumentError';
  }
}

/** An idempotency key was reused for a different stream: a bug in the caller, never retried silently. */
export class IdempotencyKeyConflictError extends EventStoreError {
  readonly code = 'IDEMPOTENCY_KEY_CONFLICT';
  constructor(
    readonly idempotencyKey: string,
    readonly streamId: string,
  ) {
    super(`Idempotency key "${idempotencyKey}" was already used for another stream than "${streamId}"`);
    this.name = 'IdempotencyKeyConflictError';
  }
}
