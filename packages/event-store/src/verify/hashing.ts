import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { JsonObject } from '../types.ts';

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
 * SHA-256 of the event's content in RFC 8785 canonical JSON (the `canonicalize` package), so the same
 * event hashes the same after a round trip through PostgreSQL's jsonb or a JSON-lines export.
 */
export function contentHash(content: HashedContent): Buffer {
  const canonical = canonicalize({
    id: content.id,
    type: content.type,
    schemaVersion: content.schemaVersion,
    data: content.data,
    metadata: content.metadata,
  });
  return createHash('sha256')
    .update(canonical ?? '', 'utf8')
    .digest();
}

/**
 * Link `version` of a stream's chain: SHA-256(previous hash ‖ content hash ‖ "<stream>\n<version>").
 * Must match `panggung_append` in the migration byte for byte.
 */
export function chainHash(previous: Buffer, content: Buffer, streamId: string, version: bigint): Buffer {
  return createHash('sha256')
    .update(previous)
    .update(content)
    .update(`${streamId}\n${version}`, 'utf8')
    .digest();
}
