import { InvalidArgumentError } from '../errors.ts';
import type { JsonObject, JsonValue } from '../types.ts';

export const LIMITS = Object.freeze({
  streamIdLength: 200,
  typeLength: 128,
  idempotencyKeyLength: 200,
  eventsPerAppend: 10_000,
  jsonDepth: 64,
});

// eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
const CONTROL = /[\u0000-\u001f\u007f]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length === 0)
    throw new InvalidArgumentError('streamId', 'must be a non-empty string');
  if (streamId.length > LIMITS.streamIdLength)
    throw new InvalidArgumentError(
      'streamId',
      `is ${streamId.length} characters long; the limit is ${LIMITS.streamIdLength}`,
    );
  if (CONTROL.test(streamId) || !streamId.isWellFormed())
    throw new InvalidArgumentError('streamId', 'must not contain control characters or broken Unicode');
}

/** Normalises an expected version to the form `panggung_append` takes. */
export function expectedVersionParameter(expected: unknown): string {
  if (expected === 'no_stream' || expected === 'exists' || expected === 'any') return expected;
  if (typeof expected === 'bigint' && expected >= 0n) return expected.toString();
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0)
    return String(expected);
  throw new InvalidArgumentError(
    'expectedVersion',
    `${describe(expected)} is not an expected version: use a version number >= 0, "no_stream", "exists" or "any"`,
  );
}

export function assertEventType(type: unknown, field: string): asserts type is string {
  if (typeof type !== 'string' || !/^[A-Za-z][A-Za-z0-9_.:-]*$/.test(type) || type.length > LIMITS.typeLength)
    throw new InvalidArgumentError(
      field,
      `${describe(type)} is not an event type (a name such as "ContractApproved", at most ${LIMITS.typeLength} characters)`,
    );
}

export function assertUuid(id: unknown, field: string): asserts id is string {
  if (typeof id !== 'string' || !UUID.test(id))
    throw new InvalidArgumentError(field, `${describe(id)} is not a UUID`);
}

export function assertIdempotencyKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > LIMITS.idempotencyKeyLength)
    throw new InvalidArgumentError(
      'options.idempotencyKey',
      `must be a non-empty string of at most ${LIMITS.idempotencyKeyLength} characters`,
    );
}

/** Throws unless `value` is a plain JSON object that survives a round trip through jsonb unchanged. */
export function assertJsonObject(value: unknown, field: string): asserts value is JsonObject {
  if (!isPlainObject(value)) throw new InvalidArgumentError(field, `${describe(value)} is not a JSON object`);
  assertJson(value, field, 0);
}

function assertJson(value: unknown, field: string, depth: number): asserts value is JsonValue {
  if (depth > LIMITS.jsonDepth)
    throw new InvalidArgumentError(field, `nests deeper than ${LIMITS.jsonDepth} levels`);
  switch (typeof value) {
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new InvalidArgumentError(field, `${value} is not a JSON number`);
      return;
    case 'string':
      // jsonb rejects NUL, and a lone surrogate would not come back as written.
      if (value.includes('\u0000') || !value.isWellFormed())
        throw new InvalidArgumentError(field, 'contains a NUL character or broken Unicode');
      return;
    case 'object':
      if (value === null) return;
      if (Array.isArray(value)) {
        value.forEach((item, index) => assertJson(item, `${field}[${index}]`, depth + 1));
        return;
      }
      if (!isPlainObject(value)) throw new InvalidArgumentError(field, `${describe(value)} is not JSON`);
      for (const [key, item] of Object.entries(value)) assertJson(item, `${field}.${key}`, depth + 1);
      return;
    default:
      throw new InvalidArgumentError(field, `${describe(value)} is not JSON`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `${value}n (a bigint)`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor
      ?.name;
    return name && name !== 'Object' ? `a ${name}` : 'an object';
  }
  return JSON.stringify(value) ?? String(value);
}
