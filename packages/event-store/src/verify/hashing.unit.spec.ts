import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../types.ts';
import { chainHash, contentHash, GENESIS_HASH, LinkHasher, type HashedContent } from './hashing.ts';

/** The hash definition as first written: canonicalize, then SHA-256 with a Hash object per step. */
const reference = {
  content: (content: HashedContent) =>
    createHash('sha256')
      .update(canonicalize({ ...content }) ?? '', 'utf8')
      .digest(),
  chain: (previous: Buffer, content: Buffer, streamId: string, version: bigint) =>
    createHash('sha256').update(previous).update(content).update(`${streamId}\n${version}`, 'utf8').digest(),
};

const contents: HashedContent[] = [
  {
    id: '6841942e-525f-42c4-9c32-97b973241308',
    type: 'BudgetEstimateSet',
    schemaVersion: 1,
    data: JSON.parse(
      '{"category": "security", "estimate": 281000000, "previous": 286000000, "productionId": "p"}',
    ) as JsonObject,
    metadata: JSON.parse(
      '{"actor": "system:bench", "recordedAt": "2027-03-01T00:00:00.000Z", "causationId": null, "correlationId": "c"}',
    ) as JsonObject,
  },
  {
    id: 'é ✓ "kutip"',
    type: 'Catatan\u2028baru',
    schemaVersion: 2,
    data: { nested: { z: [1.5, { b: null, a: 'x' }], a: -0 }, '10': 1, '9': 2 },
    metadata: {},
  },
];

describe('the hash definition', () => {
  it('has not changed: content hashes and links as first defined', () => {
    let previous = GENESIS_HASH;
    const hasher = new LinkHasher();
    let previousHex = '';
    contents.forEach((content, i) => {
      const expected = reference.content(content);
      expect(contentHash(content)).toEqual(expected);
      const link = reference.chain(previous, expected, 'budget-p', BigInt(i + 1));
      expect(chainHash(previous, contentHash(content), 'budget-p', BigInt(i + 1))).toEqual(link);
      expect(hasher.link(previousHex, content, 'budget-p', BigInt(i + 1))).toBe(link.toString('hex'));
      previous = link;
      previousHex = link.toString('hex');
    });
  });

  it('links a stream whose id is longer than the reused buffer', () => {
    const streamId = `catatan-${'ü'.repeat(600)}`;
    const content = contents[0]!;
    const link = reference.chain(GENESIS_HASH, reference.content(content), streamId, 1n);
    expect(new LinkHasher().link('', content, streamId, 1n)).toBe(link.toString('hex'));
  });

  it('refuses a lone surrogate in the envelope as canonicalize does', () => {
    expect(() => contentHash({ ...contents[0]!, id: 'a\ud800' })).toThrow(/surrogate/i);
    expect(() => new LinkHasher().link('', { ...contents[0]!, type: '\udfff' }, 's', 1n)).toThrow(
      /surrogate/i,
    );
  });

  it('links the same when told the expected hash, right or wrong, keys in order or not', () => {
    const hasher = new LinkHasher();
    const sorted = { ...contents[0]!, data: JSON.parse(canonicalize(contents[0]!.data)!) as JsonObject };
    for (const content of [contents[0]!, contents[1]!, sorted]) {
      const link = hasher.link('', content, 'budget-p', 1n);
      expect(hasher.linkExpecting('', content, 'budget-p', 1n, link)).toBe(link);
      expect(hasher.linkExpecting('', content, 'budget-p', 1n, 'ab'.repeat(32))).toBe(link);
    }
    expect(() => hasher.linkExpecting('', { ...contents[0]!, id: 'a\ud800' }, 's', 1n, '')).toThrow(
      /surrogate/i,
    );
  });

  it('links the same after a long run of payloads out of canonical order', () => {
    const hasher = new LinkHasher();
    const unsorted = contents[0]!; // keys as jsonb orders them
    const sorted = { ...unsorted, data: JSON.parse(canonicalize(unsorted.data)!) as JsonObject };
    let previousHex = '';
    for (let version = 1n; version <= 600n; version++) {
      const content = version <= 300n ? unsorted : sorted;
      const link = reference
        .chain(
          previousHex === '' ? GENESIS_HASH : Buffer.from(previousHex, 'hex'),
          reference.content(content),
          'budget-p',
          version,
        )
        .toString('hex');
      expect(hasher.linkExpecting(previousHex, content, 'budget-p', version, link)).toBe(link);
      previousHex = link;
    }
  });
});
