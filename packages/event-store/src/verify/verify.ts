import { sql, type Kysely } from 'kysely';
import { toStoredEvent, EVENT_COLUMNS, type EventRow } from '../read/rows.ts';
import { ChainVerifier, type VerifyReport } from './chain-verifier.ts';

export interface VerifyOptions {
  /** Only streams whose id starts with this (e.g. one production's); default: every stream. */
  readonly streamPrefix?: string;
  /** Rows per read (default 5,000). */
  readonly batchSize?: number;
  /** Called after each batch with the number of events checked so far. */
  readonly onProgress?: (eventsChecked: number) => void;
}

/**
 * Recomputes every stream's hash chain from the stored events and reports the first broken link of each
 * broken stream: an edited event, a missing or reordered one, or a stream head that no longer matches
 * its last event (events removed from the end).
 */
export function verify(db: Kysely<unknown>, options: VerifyOptions = {}): Promise<VerifyReport> {
  // One read-only repeatable-read snapshot: appends made meanwhile must not look like heads that moved past
  // their chains. It takes no transaction id, so live readers are not held back.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((trx) => verifyIn(trx, options));
}

async function verifyIn(db: Kysely<unknown>, options: VerifyOptions): Promise<VerifyReport> {
  const batchSize = options.batchSize ?? 5_000;
  const prefix = options.streamPrefix ?? '';
  const verifier = new ChainVerifier(true);
  let after: { streamId: string; version: string } = { streamId: '', version: '0' };
  const like = prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
  let checked = 0;
  for (;;) {
    const { rows } = await sql<EventRow>`
      select ${sql.raw(EVENT_COLUMNS)} from events
      where (stream_id, stream_version) > (${after.streamId}, ${after.version}::bigint) and stream_id like ${like}
      order by stream_id, stream_version limit ${batchSize}
    `.execute(db);
    for (const row of rows) verifier.add(toStoredEvent(row));
    checked += rows.length;
    options.onProgress?.(checked);
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) break;
    after = { streamId: last.stream_id, version: last.stream_version };
  }

  const { rows: heads } = await sql<StreamHead>`
    select stream_id, version, last_hash from streams where stream_id like ${like} order by stream_id
  `.execute(db);
  checkHeads(verifier, heads);
  return verifier.result();
}

/** A `streams` row: what the store recorded as each stream's last version and hash. */
export interface StreamHead {
  readonly stream_id: string;
  readonly version: string;
  readonly last_hash: Buffer;
}

/** Reports every stream whose recorded head is not where its walked chain ended (a removed tail). */
export function checkHeads(verifier: ChainVerifier, heads: readonly StreamHead[]): void {
  const walkedHeads = verifier.heads;
  for (const head of heads) {
    const walked = walkedHeads.get(head.stream_id);
    const hash = head.last_hash.toString('hex');
    if (!walked || walked.version !== BigInt(head.version) || walked.hash !== hash) {
      verifier.report({
        streamId: head.stream_id,
        streamVersion: BigInt(head.version),
        position: null,
        reason: 'head-mismatch',
        message:
          `Stream "${head.stream_id}" is recorded at version ${head.version}, but its events ` +
          (walked ? `end at version ${walked.version} with another hash` : 'are missing'),
      });
    }
  }
}
