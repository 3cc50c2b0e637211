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

/**
 * Walks hash chains. Feed it events grouped by stream, each stream in version order; it recomputes
 * every link and remembers the first broken one per stream. Pure computation: used by `verify()` over
 * the database and by the offline verifier of exported histories.
 */
export class ChainVerifier {
  #streamId: string | undefined;
  #version = 0n;
  #hash: Buffer = GENESIS_HASH;
  #broken = false;
  #streams = 0;
  #events = 0;
  readonly #brokenLinks: BrokenLink[] = [];
  /** Each finished stream's last version and hash, when the caller wants to compare heads. */
  readonly heads = new Map<string, { version: bigint; hash: string }>();

  constructor(private readonly keepHeads = false) {}

  add(event: VerifiableEvent): void {
    if (event.streamId !== this.#streamId) this.#beginStream(event.streamId);
    this.#events++;
    if (this.#broken) return;
    const expectedVersion = this.#version + 1n;
    if (event.streamVersion !== expectedVersion) {
      this.#break(event, 'version-gap', `expected version ${expectedVersion}, found ${event.streamVersion}`);
      return;
    }
    const expected = chainHash(this.#hash, contentHash(event), event.streamId, event.streamVersion);
    if (expected.toString('hex') !== event.hash) {
      this.#break(event, 'hash-mismatch', 'the stored hash does not match the event and the link before it');
      return;
    }
    this.#version = event.streamVersion;
    this.#hash = expected;
    if (this.keepHeads) this.heads.set(event.streamId, { version: this.#version, hash: event.hash });
  }

  /** Records a broken link found outside the chain walk (e.g. a head that does not match). */
  report(link: BrokenLink): void {
    if (!this.#brokenLinks.some((existing) => existing.streamId === link.streamId))
      this.#brokenLinks.push(link);
  }

  result(): VerifyReport {
    return {
      ok: this.#brokenLinks.length === 0,
      streamsChecked: this.#streams,
      eventsChecked: this.#events,
      brokenLinks: [...this.#brokenLinks],
    };
  }

  #beginStream(streamId: string): void {
    this.#streamId = streamId;
    this.#version = 0n;
    this.#hash = GENESIS_HASH;
    this.#broken = false;
    this.#streams++;
  }

  #break(event: VerifiableEvent, reason: BrokenLinkReason, detail: string): void {
    this.#broken = true;
    this.report({
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      position: event.position,
      reason,
      message: `Stream "${event.streamId}" breaks at version ${event.streamVersion} (position ${event.position}): ${detail}`,
    });
  }
}
