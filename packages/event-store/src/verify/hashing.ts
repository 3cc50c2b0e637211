import { hash } from 'node:crypto';
import type { JsonObject } from '../types.ts';
import { canonicalJson } from './canonical-json.ts';

/** The fields of an event that its hash covers, besides its place in the stream. */
export interface HashedContent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

/** The hash that stands before the first event of every stream. */
export const GENESIS_HASH: Buffer = Buffer.alloc(0);

/**
 * SHA-256 of the event's content in RFC 8785 canonical JSON (what the `canonicalize` package writes, see
 * `canonicalJson`), so the same event hashes the same after a round trip through PostgreSQL's jsonb or a
 * JSON-lines export.
 */
export function contentHash(content: HashedContent): Buffer {
  return hash('sha256', canonicalContent(content), 'buffer');
}

function canonicalContent(content: HashedContent): string {
  const { data, id, metadata, schemaVersion, type } = content;
  // The members' canonical order is known: write the envelope directly and canonicalise only the payloads.
  if (typeof id === 'string' && typeof type === 'string' && Number.isFinite(schemaVersion)) {
    const canonicalData = canonicalJson(data);
    const canonicalMetadata = canonicalJson(metadata);
    if (canonicalData !== undefined && canonicalMetadata !== undefined) {
      const text = `{"data":${canonicalData},"id":${JSON.stringify(id)},"metadata":${canonicalMetadata},"schemaVersion":${JSON.stringify(schemaVersion)},"type":${JSON.stringify(type)}}`;
      // A lone surrogate in the id or type: let canonicalJson refuse it as canonicalize does.
      if (!text.includes('\\ud')) return text;
    }
  }
  return canonicalJson({ data, id, metadata, schemaVersion, type }) ?? '';
}

/**
 * Link `version` of a stream's chain: SHA-256(previous hash ‖ content hash ‖ "<stream>\n<version>").
 * Must match `panggung_append` in the migration byte for byte.
 */
export function chainHash(previous: Buffer, content: Buffer, streamId: string, version: bigint): Buffer {
  const place = `${streamId}\n${version}`;
  const input = Buffer.allocUnsafe(previous.length + content.length + Buffer.byteLength(place, 'utf8'));
  previous.copy(input, 0);
  content.copy(input, previous.length);
  input.write(place, previous.length + content.length, 'utf8');
  // One-shot hashing: no Hash object per link.
  return hash('sha256', input, 'buffer');
}

/**
 * The content as `JSON.stringify` writes its payloads, in the canonical envelope: the canonical text
 * itself when the payloads' keys are already in canonical order (as an export writes them), something
 * else otherwise. Undefined when there is nothing to write.
 */
function nativeContent(content: HashedContent): string | undefined {
  const { data, id, metadata, schemaVersion, type } = content;
  if (typeof id !== 'string' || typeof type !== 'string' || !Number.isFinite(schemaVersion)) return undefined;
  try {
    // One native call writes the envelope too: its members in canonical order, as listed here.
    return JSON.stringify({ data, id, metadata, schemaVersion, type });
  } catch {
    return undefined; // a bigint or a cycle: only the canonical path decides
  }
}

/**
 * `chainHash(previous, contentHash(content), …)` for a verifier walking many links: the same bytes hashed,
 * but hashes travel as strings (hex, and the content hash as a 32-character latin1 string) and the input is
 * assembled in one reused buffer, so a link allocates no Buffer of its own. That halves the hashing time
 * of a verification.
 */
export class LinkHasher {
  #scratch = Buffer.allocUnsafe(512);
  /** Links in a row that held only canonicalised in full (`linkExpecting`). */
  #nativeMisses = 0;
  #skipped = 0;

  /** The hex hash of the link after `previousHex` ('' before version 1). */
  link(previousHex: string, content: HashedContent, streamId: string, version: bigint): string {
    return this.#link(previousHex, canonicalContent(content), streamId, version);
  }

  /**
   * `link(…)`, faster when `expectedHex` is right and the payloads' keys are in canonical order (an
   * export's lines, parsed): it first hashes the content as the native `JSON.stringify` writes it, and
   * returns that link if it is `expectedHex`; otherwise (keys in another order, a number or string that
   * `JSON.stringify` writes otherwise, or simply a wrong hash) it returns `link(…)`, canonicalised in full.
   *
   * Sound: the native text is written from the very values given, so if it hashes to the expected link,
   * that text is the one hashed when the event was appended (SHA-256 has no known second preimages). It is
   * then a canonical text, and the canonical text of these values: the result is `link(…)`'s either way.
   */
  linkExpecting(
    previousHex: string,
    content: HashedContent,
    streamId: string,
    version: bigint,
    expectedHex: string,
  ): string {
    // After a run of links whose payloads were not in canonical order (an export by the old writer), the
    // native text is tried only now and then: such an export then costs what it did before.
    if (this.#nativeMisses < 8 || (++this.#skipped & 255) === 0) {
      const native = nativeContent(content);
      if (native !== undefined) {
        const link = this.#link(previousHex, native, streamId, version);
        if (link === expectedHex) {
          this.#nativeMisses = 0;
          return link;
        }
      }
    }
    const link = this.link(previousHex, content, streamId, version);
    if (link === expectedHex) this.#nativeMisses++;
    return link;
  }

  #link(previousHex: string, contentText: string, streamId: string, version: bigint): string {
    const digest = hash('sha256', contentText, 'binary');
    const place = `${streamId}\n${version}`;
    const size = 64 + Buffer.byteLength(place, 'utf8');
    if (size > this.#scratch.length) this.#scratch = Buffer.allocUnsafe(2 * size);
    const scratch = this.#scratch;
    let at = previousHex === '' ? 0 : scratch.write(previousHex, 0, 32, 'hex');
    at += scratch.write(digest, at, 32, 'latin1');
    at += scratch.write(place, at, 'utf8');
    return hash('sha256', scratch.subarray(0, at), 'hex');
  }
}
