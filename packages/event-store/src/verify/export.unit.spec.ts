import { describe, expect, it } from 'vitest';
import type { JsonObject, StoredEvent } from '../types.ts';
import { chainHash, contentHash, GENESIS_HASH } from './hashing.ts';
import { ExportFormatError, toExportLine, verifyExport, type ExportLine } from './export.ts';

/** A history of three interleaved streams, hashed as `panggung_append` hashes, written as export lines. */
function history(): string[] {
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
      data: { productionId: 'p', n: i, amountIdr: i * 1_500_000, note: 'é ✓ "kutip"' } as JsonObject,
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
    lines.push(toExportLine(event, previous.toString('hex')));
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
