import { sql, type Kysely } from 'kysely';
import { InvalidArgumentError } from '../errors.ts';
import type { StoredEvent } from '../types.ts';
import { assertStreamId } from '../append/validate.ts';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './rows.ts';

export interface ReadStreamOptions {
  /** First stream version to return (default 1). */
  readonly fromVersion?: bigint | number;
  /** Read up to and including this version: to see a stream as it was. */
  readonly toVersion?: bigint | number;
  /** At most this many events (default 10,000). */
  readonly limit?: number;
}

/** The events of one stream in version order; an empty list when the stream does not exist. */
export async function readStream(
  db: Kysely<unknown>,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<StoredEvent[]> {
  assertStreamId(streamId);
  const from = toVersion(options.fromVersion ?? 1n, 'fromVersion');
  const to = options.toVersion === undefined ? null : toVersion(options.toVersion, 'toVersion');
  const limit = options.limit ?? 10_000;
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new InvalidArgumentError('limit', 'must be a positive integer');
  const { rows } = await sql<EventRow>`
    select ${sql.raw(EVENT_COLUMNS)} from events
    where stream_id = ${streamId} and stream_version >= ${from}
      and (${to}::bigint is null or stream_version <= ${to}::bigint)
    order by stream_version limit ${limit}
  `.execute(db);
  return rows.map(toStoredEvent);
}

/** The stream's current version, or 0n when it has no events. */
export async function streamVersion(db: Kysely<unknown>, streamId: string): Promise<bigint> {
  assertStreamId(streamId);
  const { rows } = await sql<{
    version: string;
  }>`select version from streams where stream_id = ${streamId}`.execute(db);
  return rows[0] ? BigInt(rows[0].version) : 0n;
}

function toVersion(value: bigint | number, field: string): string {
  if (
    (typeof value === 'bigint' && value >= 0n) ||
    (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
  )
    return value.toString();
  throw new InvalidArgumentError(field, 'must be a version number >= 0');
}
