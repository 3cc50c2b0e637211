import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { ConcurrencyError, IdempotencyKeyConflictError, InvalidArgumentError } from '../errors.ts';
import type {
  AppendOptions,
  AppendResult,
  EventMetadata,
  ExpectedVersion,
  JsonValue,
  NewEvent,
} from '../types.ts';
import { contentHash } from '../verify/hashing.ts';
import {
  assertEventType,
  assertIdempotencyKey,
  assertJsonObject,
  assertStreamId,
  assertUuid,
  expectedVersionParameter,
  LIMITS,
} from './validate.ts';

interface AppendRow {
  first_version: string | null;
  last_version: string | null;
  first_position: string | null;
  last_position: string | null;
  transaction_id: string | null;
  duplicate: boolean;
}

/**
 * Appends events to one stream in a single round trip (the `panggung_append` function): checks the
 * expected version, extends the stream's hash chain, inserts, and wakes readers. Validates everything
 * first, so bad input throws InvalidArgumentError and nothing reaches the database.
 */
export async function append(
  db: Kysely<unknown>,
  streamId: string,
  expected: ExpectedVersion,
  events: readonly NewEvent[],
  options: AppendOptions = {},
  now: () => Date = () => new Date(),
): Promise<AppendResult> {
  assertStreamId(streamId);
  const expectedParam = expectedVersionParameter(expected);
  if (!Array.isArray(events) || events.length === 0)
    throw new InvalidArgumentError('events', 'must be a non-empty list of events');
  if (events.length > LIMITS.eventsPerAppend)
    throw new InvalidArgumentError(
      'events',
      `holds ${events.length} events; the limit is ${LIMITS.eventsPerAppend}`,
    );
  if (options.idempotencyKey !== undefined) assertIdempotencyKey(options.idempotencyKey);

  const recordedAt = now().toISOString();
  const correlationId = randomUUID();
  const payload = events.map((event, index) => prepare(event, index, options, recordedAt, correlationId));
  const parameter = JSON.stringify(payload);

  for (let attempt = 0; ; attempt++) {
    try {
      const { rows } = await sql<AppendRow>`
        select * from panggung_append(${streamId}, ${expectedParam}, ${parameter}::jsonb, ${options.idempotencyKey ?? null})
      `.execute(db);
      const row = rows[0]!;
      return {
        streamId,
        firstVersion: BigInt(row.first_version!),
        nextExpectedVersion: BigInt(row.last_version!),
        firstPosition: BigInt(row.first_position!),
        lastPosition: BigInt(row.last_position!),
        transactionId: BigInt(row.transaction_id!),
        duplicate: row.duplicate,
      };
    } catch (error) {
      const pgError = error as { code?: string; detail?: string };
      if (pgError.code === 'PN409') {
        const actual = pgError.detail ? BigInt(pgError.detail) : undefined;
        // "any" never conflicts: only a race to create the stream gets here, and a second try sees it.
        if (expected === 'any' && attempt === 0) continue;
        throw new ConcurrencyError(streamId, expected, actual);
      }
      if (pgError.code === 'PN410') throw new IdempotencyKeyConflictError(options.idempotencyKey!, streamId);
      throw error;
    }
  }
}

function prepare(
  event: NewEvent,
  index: number,
  options: AppendOptions,
  recordedAt: string,
  correlationId: string,
): Record<string, JsonValue> {
  const field = `events[${index}]`;
  if (typeof event !== 'object' || event === null) throw new InvalidArgumentError(field, 'is not an event');
  assertEventType(event.type, `${field}.type`);
  assertJsonObject(event.data, `${field}.data`);
  const schemaVersion = event.schemaVersion ?? 1;
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > 1000)
    throw new InvalidArgumentError(`${field}.schemaVersion`, 'must be a whole number from 1 to 1000');
  const id = event.id ?? randomUUID();
  assertUuid(id, `${field}.id`);

  const merged: Record<string, unknown> = { correlationId, causationId: null, recordedAt };
  for (const source of [options.metadata, event.metadata])
    for (const [key, value] of Object.entries(source ?? {})) if (value !== undefined) merged[key] = value;
  assertJsonObject(merged, `${field}.metadata`);
  const metadata = merged as unknown as EventMetadata;
  if (typeof metadata.actor !== 'string' || metadata.actor.length === 0)
    throw new InvalidArgumentError(`${field}.metadata.actor`, 'is required: who caused this event?');
  if (typeof metadata.correlationId !== 'string' || metadata.correlationId.length === 0)
    throw new InvalidArgumentError(`${field}.metadata.correlationId`, 'must be a non-empty string');
  if (metadata.causationId !== null && typeof metadata.causationId !== 'string')
    throw new InvalidArgumentError(`${field}.metadata.causationId`, 'must be a string or null');
  if (typeof metadata.recordedAt !== 'string' || Number.isNaN(Date.parse(metadata.recordedAt)))
    throw new InvalidArgumentError(`${field}.metadata.recordedAt`, 'must be an ISO-8601 time');

  const hash = contentHash({ id, type: event.type, schemaVersion, data: event.data, metadata });
  return {
    id,
    type: event.type,
    schemaVersion,
    data: event.data,
    metadata,
    contentHash: hash.toString('hex'),
  };
}
