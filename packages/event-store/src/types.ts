/** Any value that survives a JSON round trip unchanged. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

/**
 * What an append expects of the stream: its exact version (0 = no events yet), `no_stream`, `exists`
 * (at least one event) or `any`.
 */
export type ExpectedVersion = bigint | number | 'no_stream' | 'exists' | 'any';

/** Who did it, why and when. Time comes in here (DESIGN.md decision 6): the domain never reads a clock. */
export interface EventMetadata {
  /** The person or process that caused the event, e.g. `person:…`, `workflow:…`, `system`. */
  readonly actor: string;
  /** Groups everything one user action caused, across streams and workflows. */
  readonly correlationId: string;
  /** Id of the command or event that directly caused this one. */
  readonly causationId: string | null;
  /** ISO-8601 time the event was recorded. */
  readonly recordedAt: string;
  readonly [key: string]: JsonValue;
}

/** An event to append. Metadata is merged over the append's defaults. */
export interface NewEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  readonly type: Type;
  readonly data: Data;
  /** Version of this event type's data schema (default 1), for upcasting old events. */
  readonly schemaVersion?: number;
  /** A UUID; generated when absent. */
  readonly id?: string;
  readonly metadata?: Partial<EventMetadata> & { readonly [key: string]: JsonValue | undefined };
}

/** A point in the global commit order: read "after" it. */
export interface Checkpoint {
  readonly transactionId: bigint;
  readonly position: bigint;
}

/** An event as stored. */
export interface StoredEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  readonly id: string;
  readonly streamId: string;
  /** 1 for the first event of a stream. */
  readonly streamVersion: bigint;
  /** Unique, increasing in insert order, but not in commit order: use `checkpoint` to resume. */
  readonly position: bigint;
  readonly transactionId: bigint;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** SHA-256 over the previous event's hash in the stream and this event's canonical content (hex). */
  readonly hash: string;
  readonly checkpoint: Checkpoint;
}

export interface AppendOptions {
  /** A repeated append with the same key returns the first result and writes nothing again. */
  readonly idempotencyKey?: string;
  /** Defaults for every event's metadata (actor is required here or on each event). */
  readonly metadata?: Partial<EventMetadata> & { readonly [key: string]: JsonValue | undefined };
}

export interface AppendResult {
  readonly streamId: string;
  /** Stream version of the first and last appended event. */
  readonly firstVersion: bigint;
  /** Pass this as the expected version of the next append. */
  readonly nextExpectedVersion: bigint;
  readonly firstPosition: bigint;
  readonly lastPosition: bigint;
  readonly transactionId: bigint;
  /** True when the idempotency key had been used: nothing was written this time. */
  readonly duplicate: boolean;
}
