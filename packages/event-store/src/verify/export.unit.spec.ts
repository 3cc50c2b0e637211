import { describe, expect, it } from 'vitest';
import type { JsonObject, StoredEvent } from '../types.ts';
import { chainHash, contentHash, GENESIS_HASH } from './hashing.ts';
import { canonicalJson } from './canonical-json.ts';
import { ExportFormatError, toExportLine, verifyExport, type ExportLine } from './export.ts';

/** An export line as written before payloads were canonical: `JSON.stringify`, keys as they come (jsonb's). */
function oldExportLine(event: StoredEvent, previousHash: string): string {
  const line: ExportLine = {
    id: event.id,
    streamId: event.streamId,
    streamVersion: event.streamVersion.toString(),
    position: event.position.toString(),
    transactionId: event.transactionId.toString(),
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    hash: event.hash,
    previousHash,
  };
  return JSON.stringify(line);
}

/**
 * A history of three interleaved streams, hashed as `panggung_append` hashes, written as export lines (by
 * the writer given). Payload keys come out of order, as jsonb orders them (shorter keys first).
 */
function history(write: typeof toExportLine = toExportLine): string[] {
  const heads = new Map<string, Buffer>();
  const lines: string[] = [];
  const order = ['budget-p', 'contract-1', 'budget-p', 'show-p-1', 'contract-1', 'contract-1', 'budget-p'];
  order.forEach((streamId, i) => {
    const previous = heads.get(streamId) ?? GENESIS_HASH;
    const version = BigInt(lines.filter((line) => parse(line).streamId === streamId).length + 1);
    const content = {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      type: 'Changed',
      schemaVersion: 1,
      data: { n: i, note: 'é ✓ "kutip"', amountIdr: i * 1_500_000, productionId: 'p' } as JsonObject,
      metadata: { actor: 'person:ayu', recordedAt: `2027-03-0${(i % 9) + 1}T00:00:00.000Z` } as JsonObject,
    };
    const hash = chainHash(previous, contentHash(content), streamId, version);
    heads.set(streamId, hash);
    const event = {
      ...content,
      streamId,
      streamVersion: version,
      position: BigInt(i + 1),
      transactionId: BigInt(100 + i),
      hash: hash.toString('hex'),
    } as unknown as StoredEvent;
    lines.push(write(event, previous.toString('hex')));
  });
  return lines;
}
const parse = (line: string) => JSON.parse(line) as ExportLine;
const edit = (line: string, change: (value: ExportLine) => object) => JSON.stringify(change(parse(line)));

describe('verifying an export offline', () => {
  it('accepts an untouched export, streams interleaved in commit order', async () => {
    expect(await verifyExport(history())).toEqual({
      ok: true,
      streamsChecked: 3,
      eventsChecked: 7,
      brokenLinks: [],
    });
  });

  it('rejects an edited payload, naming the stream and version', async () => {
    const lines = history();
    lines[4] = edit(lines[4]!, (e) => ({ ...e, data: { ...e.data, amountIdr: 999_000_000 } }));
    const report = await verifyExport(lines);
    expect(report.ok).toBe(false);
    expect(report.brokenLinks).toEqual([
      expect.objectContaining({ streamId: 'contract-1', streamVersion: 2n, reason: 'hash-mismatch' }),
    ]);
    expect(report.brokenLinks[0]!.message).toMatch(/contract-1.*version 2/);
  });

  it('rejects a removed line at the version after it', async () => {
    const lines = history();
    lines.splice(2, 1); // budget-p version 2
    expect((await verifyExport(lines)).brokenLinks).toEqual([
      expect.objectContaining({ streamId: 'budget-p', streamVersion: 3n, reason: 'version-gap' }),
    ]);
  });

  it('rejects a stream reordered within itself', async () => {
    const lines = history();
    [lines[4], lines[5]] = [lines[5]!, lines[4]!]; // contract-1 versions 2 and 3
    expect((await verifyExport(lines)).brokenLinks).toEqual([
      expect.objectContaining({ streamId: 'contract-1', streamVersion: 3n, reason: 'version-gap' }),
    ]);
  });

  it('rejects a forged hash, and a re-hashed edit at the link after it', async () => {
    const forged = history();
    forged[3] = edit(forged[3]!, (e) => ({ ...e, hash: 'ab'.repeat(32) }));
    expect((await verifyExport(forged)).brokenLinks).toEqual([
      expect.objectContaining({ streamId: 'show-p-1', streamVersion: 1n, reason: 'hash-mismatch' }),
    ]);

    // The forger re-hashes the edited event: its own link holds, the next one's previous hash does not.
    const rehashed = history();
    const original = parse(rehashed[0]!);
    const data = { ...original.data, amountIdr: 1 };
    const hash = chainHash(GENESIS_HASH, contentHash({ ...original, data }), 'budget-p', 1n).toString('hex');
    rehashed[0] = JSON.stringify({ ...original, data, hash });
    expect((await verifyExport(rehashed)).brokenLinks).toEqual([
      expect.objectContaining({ streamId: 'budget-p', streamVersion: 2n, reason: 'hash-mismatch' }),
    ]);
    expect((await verifyExport(rehashed)).brokenLinks[0]!.message).toContain('previous hash');
  });

  it('requires every stream complete from version 1', async () => {
    const lines = history().filter(
      (line) => !(parse(line).streamId === 'contract-1' && parse(line).streamVersion === '1'),
    );
    expect((await verifyExport(lines)).brokenLinks).toEqual([
      expect.objectContaining({ streamId: 'contract-1', streamVersion: 2n, reason: 'version-gap' }),
    ]);
  });

  it('names a line that is not an event and reports progress', async () => {
    const lines = history();
    lines.splice(1, 0, '{"streamId": "budget-p"');
    await expect(verifyExport(lines)).rejects.toThrow(ExportFormatError);
    await expect(verifyExport(lines)).rejects.toThrow(/^Line 2 /);
    const bad = history();
    bad[0] = edit(bad[0]!, (e) => ({ ...e, streamVersion: 1 }));
    await expect(verifyExport(bad)).rejects.toThrow(/Line 1 .*streamVersion/);

    const progress: number[] = [];
    await verifyExport(history(), { progressEvery: 3, onProgress: (n) => progress.push(n) });
    expect(progress).toEqual([3, 6]);
  });
});

describe('export lines with canonical payloads (verified natively, the full canonicalisation as fallback)', () => {
  const ok = { ok: true, streamsChecked: 3, eventsChecked: 7, brokenLinks: [] };

  it('writes data and metadata in canonical JSON, the same fields and values as before', () => {
    const lines = history();
    const before = history(oldExportLine);
    lines.forEach((line, i) => {
      const value = parse(line);
      expect(Object.keys(value)).toEqual(Object.keys(parse(before[i]!)));
      expect(value).toEqual(parse(before[i]!));
      expect(line).toContain(
        `"data":${canonicalJson(value.data)},"metadata":${canonicalJson(value.metadata)},`,
      );
      expect(Object.keys(value.data)).toEqual(['amountIdr', 'n', 'note', 'productionId']);
    });
  });

  it('verifies an export from the new writer and one in the old writer’s form alike', async () => {
    expect(await verifyExport(history())).toEqual(ok);
    const old = history(oldExportLine);
    expect(Object.keys(parse(old[0]!).data)).toEqual(['n', 'note', 'amountIdr', 'productionId']);
    expect(await verifyExport(old)).toEqual(ok);
  });

  it('verifies payloads that JSON.stringify writes otherwise than canonical JSON', async () => {
    // Integer-like keys (V8 puts "9" before "10", canonical order the reverse), an exponent, nested
    // objects out of order, and a line that escapes what the writer would not.
    const content = {
      id: '00000000-0000-4000-8000-000000000001',
      type: 'Changed',
      schemaVersion: 1,
      data: { '10': 1, '9': 2, big: 1e21, small: 1e-7, nested: { z: [1, { b: null, a: 'é' }], a: -0 } },
      metadata: { actor: 'person:ayu' },
    } as const;
    const hash = chainHash(GENESIS_HASH, contentHash(content), 's', 1n).toString('hex');
    const event = {
      ...content,
      streamId: 's',
      streamVersion: 1n,
      position: 1n,
      transactionId: 1n,
      hash,
    } as unknown as StoredEvent;
    const ok1 = { ok: true, streamsChecked: 1, eventsChecked: 1, brokenLinks: [] };
    expect(await verifyExport([toExportLine(event, '')])).toEqual(ok1);
    expect(await verifyExport([oldExportLine(event, '')])).toEqual(ok1);
    expect(await verifyExport([toExportLine(event, '').replace('é', '\\u00e9')])).toEqual(ok1);
  });

  it('reports a tampered data value as the same first broken link in both forms', async () => {
    const tamper = (lines: string[]) => {
      lines[4] = edit(lines[4]!, (e) => ({ ...e, data: { ...e.data, amountIdr: 999_000_000 } }));
      return lines;
    };
    const report = await verifyExport(tamper(history()));
    expect(report).toEqual(await verifyExport(tamper(history(oldExportLine))));
    expect(report).toEqual({
      ok: false,
      streamsChecked: 3,
      eventsChecked: 7,
      brokenLinks: [
        {
          streamId: 'contract-1',
          streamVersion: 2n,
          position: 5n,
          reason: 'hash-mismatch',
          message:
            'Stream "contract-1" breaks at version 2 (position 5): the stored hash does not match the event and the link before it',
        },
      ],
    });
  });

  it('rejects a line with a second "data" key, the last one forged', async () => {
    // JSON.parse keeps the last "data": that is what a reader sees, and what must be hashed.
    const lines = history();
    const forged = JSON.stringify({ ...parse(lines[4]!).data, amountIdr: 999_000_000 });
    lines[4] = lines[4]!.replace(/}$/, `,"data":${forged}}`);
    expect(parse(lines[4]).data['amountIdr']).toBe(999_000_000);
    expect((await verifyExport(lines)).brokenLinks).toEqual([
      expect.objectContaining({ streamId: 'contract-1', streamVersion: 2n, reason: 'hash-mismatch' }),
    ]);
  });
});
