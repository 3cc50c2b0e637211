import type { JsonObject } from '../types.ts';
import { chainHash, contentHash, GENESIS_HASH } from './hashing.ts';

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
  hash: Buffer;
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
  /** Each stream's last verified version and hash, when the caller wants to compare heads. */
  readonly heads = new Map<string, { version: bigint; hash: string }>();

  constructor(private readonly keepHeads = false) {}

  add(event: VerifiableEvent): void {
    let walk = this.#streams.get(event.streamId);
    if (!walk) {
      walk = { version: 0n, hash: GENESIS_HASH, broken: false };
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
    if (event.previousHash !== undefined && event.previousHash !== walk.hash.toString('hex')) {
      this.#break(
        walk,
        event,
        'hash-mismatch',
        "its previous hash is not the hash of the stream's event before it",
      );
      return;
    }
    const expected = chainHash(walk.hash, contentHash(event), event.streamId, event.streamVersion);
    if (expected.toString('hex') !== event.hash) {
      this.#break(
        walk,
        event,
        'hash-mismatch',
        'the stored hash does not match the event and the link before it',
      );
      return;
    }
    walk.version = event.streamVersion;
    walk.hash = expected;
    if (this.keepHeads) this.heads.set(event.streamId, { version: walk.version, hash: event.hash });
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
