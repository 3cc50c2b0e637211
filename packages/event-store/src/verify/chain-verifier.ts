import type { JsonObject } from '../types.ts';
import { LinkHasher } from './hashing.ts';

/** What the verifier needs of an event: as stored, or as read back from an export. */
export interface VerifiableEvent {
  readonly id: string;
  readonly streamId: string;
  readonly streamVersion: bigint;
  readonly position: bigint;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  /** Hex SHA-256 as stored. */
  readonly hash: string;
  /**
   * Hex hash of the stream's previous event ('' before version 1), when the source states it (an export
   * line does): checked against the chain as walked.
   */
  readonly previousHash?: string;
}

export type BrokenLinkReason = 'hash-mismatch' | 'version-gap' | 'head-mismatch';

/** The first place a stream's chain does not hold. */
export interface BrokenLink {
  readonly streamId: string;
  /** The first version whose hash does not follow (for a head mismatch: the stream's recorded version). */
  readonly streamVersion: bigint;
  readonly position: bigint | null;
  readonly reason: BrokenLinkReason;
  readonly message: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  /** At most one per stream: its first broken link. */
  readonly brokenLinks: BrokenLink[];
}

interface StreamWalk {
  version: bigint;
  /** Hex hash of the last verified event ('' before version 1). */
  hex: string;
  broken: boolean;
}

/**
 * Walks hash chains. Feed it each stream's events in version order; streams may come one after another
 * (the database, by stream) or interleaved (an export, in global order). It recomputes every link and
 * remembers the first broken one per stream. Pure computation: used by `verify()` over the database and by
 * the offline verifier of exported histories (`verifyExport`).
 */
export class ChainVerifier {
  readonly #streams = new Map<string, StreamWalk>();
  #events = 0;
  readonly #brokenLinks: BrokenLink[] = [];
  readonly #hasher = new LinkHasher();

  /**
   * @param keepHeads remember each stream's head for `heads`.
   * @param payloadOrder 'canonical' when the source writes data and metadata with their keys in canonical
   *   order (an export): each link is then first checked against the payloads as `JSON.stringify` writes
   *   them, and canonicalised in full only when that does not match (`LinkHasher.linkExpecting`). Same
   *   results, faster; for payloads in another order (jsonb's, from the database) it would only add work.
   */
  constructor(
    private readonly keepHeads = false,
    private readonly payloadOrder: 'canonical' | 'any' = 'any',
  ) {}

  /**
   * Each stream's last verified version and hash, when the caller wants to compare heads (a new map on
   * each call: take it once, after the walk). A stream none of whose events held is absent.
   */
  get heads(): Map<string, { version: bigint; hash: string }> {
    const heads = new Map<string, { version: bigint; hash: string }>();
    if (this.keepHeads)
      for (const [streamId, walk] of this.#streams)
        if (walk.version > 0n) heads.set(streamId, { version: walk.version, hash: walk.hex });
    return heads;
  }

  /**
   * Checks the next event of its stream. `previousHash` stands in for `event.previousHash`, so a caller
   * that holds it apart (a production's history) need not copy the event to attach it.
   */
  add(event: VerifiableEvent, previousHash: string | undefined = event.previousHash): void {
    let walk = this.#streams.get(event.streamId);
    if (!walk) {
      walk = { version: 0n, hex: '', broken: false };
      this.#streams.set(event.streamId, walk);
    }
    this.#events++;
    if (walk.broken) return;
    const expectedVersion = walk.version + 1n;
    if (event.streamVersion !== expectedVersion) {
      this.#break(
        walk,
        event,
        'version-gap',
        `expected version ${expectedVersion}, found ${event.streamVersion}`,
      );
      return;
    }
    if (previousHash !== undefined && previousHash !== walk.hex) {
      this.#break(
        walk,
        event,
        'hash-mismatch',
        "its previous hash is not the hash of the stream's event before it",
      );
      return;
    }
    const expected =
      this.payloadOrder === 'canonical'
        ? this.#hasher.linkExpecting(walk.hex, event, event.streamId, event.streamVersion, event.hash)
        : this.#hasher.link(walk.hex, event, event.streamId, event.streamVersion);
    if (expected !== event.hash) {
      this.#break(
        walk,
        event,
        'hash-mismatch',
        'the stored hash does not match the event and the link before it',
      );
      return;
    }
    walk.version = event.streamVersion;
    walk.hex = expected;
  }

  /** Every stream seen so far, whether its chain holds or not. */
  streamIds(): IterableIterator<string> {
    return this.#streams.keys();
  }

  /** Records a broken link found outside the chain walk (e.g. a head that does not match). */
  report(link: BrokenLink): void {
    if (!this.#brokenLinks.some((existing) => existing.streamId === link.streamId))
      this.#brokenLinks.push(link);
  }

  result(): VerifyReport {
    return {
      ok: this.#brokenLinks.length === 0,
      streamsChecked: this.#streams.size,
      eventsChecked: this.#events,
      brokenLinks: [...this.#brokenLinks],
    };
  }

  #break(walk: StreamWalk, event: VerifiableEvent, reason: BrokenLinkReason, detail: string): void {
    walk.broken = true;
    this.report({
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      position: event.position,
      reason,
      message: `Stream "${event.streamId}" breaks at version ${event.streamVersion} (position ${event.position}): ${detail}`,
    });
  }
}
