import { sql, type Kysely } from 'kysely';
import { START } from '../checkpoint.ts';
import { readProductionPage } from '../read/read-production.ts';
import type { StoredEvent } from '../types.ts';
import { ChainVerifier, type VerifyReport } from './chain-verifier.ts';
import { checkHeads, type StreamHead } from './verify.ts';

/** An event of a production's history with the hash of its stream's event before it ('' for version 1). */
export interface LinkedEvent {
  readonly event: StoredEvent;
  readonly previousHash: string;
}

/**
 * A production's full history (every event whose payload names it), in global commit order, each with
 * its link's previous hash: what an export writes and what the verifier checks.
 *
 * Within one stream, global order and version order agree except in one race: an append that took its
 * transaction id early (an idempotency key is recorded before the stream's lock) and then waited for
 * another append to the same stream. Such an event is held back until its predecessor has been given,
 * so each stream's events always come in version order, as the verifier requires.
 */
export async function* productionHistory(
  db: Kysely<unknown>,
  productionId: string,
): AsyncGenerator<LinkedEvent> {
  const trx = await snapshot(db);
  try {
    yield* historyIn(trx, productionId);
  } finally {
    await trx.rollback().execute();
  }
}

/**
 * One read-only repeatable-read transaction: every read in it sees the same committed events and stream
 * heads, so appends made meanwhile neither cut a stream short nor move a head past what was read. It takes
 * no transaction id, so it never holds live readers back.
 */
function snapshot(db: Kysely<unknown>) {
  return db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
}

async function* historyIn(
  db: Kysely<unknown>,
  productionId: string,
  batchSize = 5_000,
): AsyncGenerator<LinkedEvent> {
  const last = new Map<string, { version: bigint; hash: string }>();
  const waiting = new Map<string, Map<bigint, StoredEvent>>();
  let after = START;
  for (;;) {
    const page = await readProductionPage(db, productionId, { after, limit: batchSize }, false);
    for (const event of page.events) {
      const before = last.get(event.streamId);
      if (!before && event.streamVersion > 1n) {
        // The stream began before this production's first event in it: its earlier events name no
        // production (or another). Link to the stored predecessor; the verifier reports the gap.
        last.set(event.streamId, {
          version: event.streamVersion - 1n,
          hash: await storedHash(db, event.streamId, event.streamVersion - 1n),
        });
      } else if (before && event.streamVersion > before.version + 1n) {
        const held = waiting.get(event.streamId) ?? new Map<bigint, StoredEvent>();
        held.set(event.streamVersion, event);
        waiting.set(event.streamId, held);
        continue;
      }
      yield* release(event);
    }
    after = page.checkpoint;
    if (page.events.length < batchSize) break;
  }
  // Whatever is still held back has a missing predecessor: give it anyway, so the verifier names the gap.
  for (const held of waiting.values())
    for (const event of [...held.values()].sort((a, b) => Number(a.streamVersion - b.streamVersion)))
      yield link(event);

  function link(event: StoredEvent): LinkedEvent {
    const previousHash = last.get(event.streamId)?.hash ?? '';
    last.set(event.streamId, { version: event.streamVersion, hash: event.hash });
    return { event, previousHash };
  }

  function* release(event: StoredEvent): Generator<LinkedEvent> {
    yield link(event);
    const held = waiting.get(event.streamId);
    let next = held?.get(event.streamVersion + 1n);
    while (held && next) {
      held.delete(next.streamVersion);
      yield link(next);
      next = held.get(next.streamVersion + 1n);
    }
    if (held?.size === 0) waiting.delete(event.streamId);
  }
}

async function storedHash(db: Kysely<unknown>, streamId: string, version: bigint): Promise<string> {
  const { rows } = await sql<{ hash: string }>`
    select encode(hash, 'hex') as hash from events where stream_id = ${streamId} and stream_version = ${version.toString()}::bigint
  `.execute(db);
  return rows[0]?.hash ?? '';
}

export interface VerifyProductionOptions {
  /** Called every 5,000 events with the number checked so far. */
  readonly onProgress?: (eventsChecked: number) => void;
}

/**
 * Verifies one production's history exactly as a third party verifies its export (every stream from
 * version 1, each link, each previous hash), and also that each stream's recorded head is where its
 * chain ends (an export alone cannot show a removed tail), for its streams and those named after it.
 */
export async function verifyProduction(
  db: Kysely<unknown>,
  productionId: string,
  options: VerifyProductionOptions = {},
): Promise<VerifyReport> {
  const verifier = new ChainVerifier(true);
  const streams = new Set<string>();
  let checked = 0;
  const trx = await snapshot(db);
  try {
    for await (const { event, previousHash } of historyIn(trx, productionId)) {
      streams.add(event.streamId);
      verifier.add({ ...event, previousHash });
      if (++checked % 5_000 === 0) options.onProgress?.(checked);
    }
    options.onProgress?.(checked);
    // Also the streams named after the production (`budget-<id>`, `show-<id>-<day>`): one whose events no
    // longer name it would otherwise drop out of its history unnoticed.
    const named = '%' + productionId.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
    const { rows } = await sql<StreamHead>`
      select stream_id, version, last_hash from streams
      where stream_id = any(${[...streams]}::text[]) or stream_id like ${named}
      order by stream_id
    `.execute(trx);
    checkHeads(verifier, rows);
  } finally {
    await trx.rollback().execute();
  }
  return verifier.result();
}
