import { sql, type Kysely } from 'kysely';
import { START } from '../checkpoint.ts';
import type { ReadAllResult } from '../read/read-all.ts';
import { readProductionPage } from '../read/read-production.ts';
import type { Checkpoint, StoredEvent } from '../types.ts';
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
    for await (const page of historyPages(trx, productionId)) yield* page;
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

/**
 * The history a page at a time (one array per database page, so a consumer pays one await per page, not
 * per event). The next page is asked for before this one is handed over: PostgreSQL reads and sends it
 * while the caller hashes.
 */
async function* historyPages(
  db: Kysely<unknown>,
  productionId: string,
  batchSize = 10_000,
): AsyncGenerator<LinkedEvent[]> {
  const last = new Map<string, { version: bigint; hash: string }>();
  const waiting = new Map<string, Map<bigint, StoredEvent>>();
  const read = (after: Checkpoint) =>
    readProductionPage(db, productionId, { after, limit: batchSize }, false);
  let next: Promise<ReadAllResult> | undefined = read(START);
  try {
    while (next) {
      const page: ReadAllResult = await next;
      next = page.events.length < batchSize ? undefined : read(page.checkpoint);
      const linked: LinkedEvent[] = [];
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
        release(event, linked);
      }
      if (linked.length > 0) yield linked;
    }
  } finally {
    // A consumer that stopped early leaves the page read ahead unclaimed: wait for it (the transaction
    // ends after it anyway), and let its failure, if any, go unreported rather than unhandled.
    await next?.catch(() => undefined);
  }
  // Whatever is still held back has a missing predecessor: give it anyway, so the verifier names the gap.
  const rest: LinkedEvent[] = [];
  for (const held of waiting.values())
    for (const event of [...held.values()].sort((a, b) => Number(a.streamVersion - b.streamVersion)))
      rest.push(link(event));
  if (rest.length > 0) yield rest;

  function link(event: StoredEvent): LinkedEvent {
    const before = last.get(event.streamId);
    const previousHash = before?.hash ?? '';
    if (before) {
      before.version = event.streamVersion;
      before.hash = event.hash;
    } else last.set(event.streamId, { version: event.streamVersion, hash: event.hash });
    return { event, previousHash };
  }

  function release(event: StoredEvent, into: LinkedEvent[]): void {
    into.push(link(event));
    const held = waiting.get(event.streamId);
    if (!held) return;
    let following = held.get(event.streamVersion + 1n);
    while (following) {
      held.delete(following.streamVersion);
      into.push(link(following));
      following = held.get(following.streamVersion + 1n);
    }
    if (held.size === 0) waiting.delete(event.streamId);
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
  /** Events per read (default 10,000, at most 100,000). */
  readonly batchSize?: number;
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
  let checked = 0;
  const trx = await snapshot(db);
  try {
    for await (const page of historyPages(trx, productionId, options.batchSize)) {
      for (const { event, previousHash } of page) verifier.add(event, previousHash);
      const before = checked;
      checked += page.length;
      if (options.onProgress)
        for (let at = before - (before % 5_000) + 5_000; at <= checked; at += 5_000) options.onProgress(at);
    }
    options.onProgress?.(checked);
    // Also the streams named after the production (`budget-<id>`, `show-<id>-<day>`): one whose events no
    // longer name it would otherwise drop out of its history unnoticed.
    const named = '%' + productionId.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
    const { rows } = await sql<StreamHead>`
      select stream_id, version, last_hash from streams
      where stream_id = any(${[...verifier.streamIds()]}::text[]) or stream_id like ${named}
      order by stream_id
    `.execute(trx);
    checkHeads(verifier, rows);
  } finally {
    await trx.rollback().execute();
  }
  return verifier.result();
}
