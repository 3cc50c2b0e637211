import { sql, type Kysely } from 'kysely';
import { toStoredEvent, EVENT_COLUMNS, type EventRow } from '../read/rows.ts';
import { ChainVerifier, type VerifyReport } from './chain-verifier.ts';

export interface VerifyOptions {
  /** Only streams whose id starts with this (e.g. one production's); default: every stream. */
  readonly streamPrefix?: string;
  /** Rows per read (default 5,000). */
  readonly batchSize?: number;
}

/**
 * Recomputes every stream's hash chain from the stored events and reports the first broken link of each
 * broken stream: an edited event, a missing or reordered one, or a stream head that no longer matches
 * its last event (events removed from the end).
 */
export async function verify(db: Kysely<unknown>, options: VerifyOptions = {}): Promise<VerifyReport> {
  const batchSize = options.batchSize ?? 5_000;
  const prefix = options.streamPrefix ?? '';
  const verifier = new ChainVerifier(true);
  let after: { streamId: string; version: string } = { streamId: '', version: '0' };
  const like = prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
  for (;;) {
    const { rows } = await sql<EventRow>`
      select ${sql.raw(EVENT_COLUMNS)} from events
      where (stream_id, stream_version) > (${after.streamId}, ${after.version}::bigint) and stream_id like ${like}
      order by stream_id, stream_version limit ${batchSize}
    `.execute(db);
    for (const row of rows) verifier.add(toStoredEvent(row));
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) break;
    after = { streamId: last.stream_id, version: last.stream_version };
  }

  const { rows: heads } = await sql<{ stream_id: string; version: string; last_hash: Buffer }>`
    select stream_id, version, last_hash from streams where stream_id like ${like} order by stream_id
  `.execute(db);
  for (const head of heads) {
    const walked = verifier.heads.get(head.stream_id);
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
  return verifier.result();
}
