import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../index.ts';
import { actor, openTestStore, psql } from '../test-support.ts';

let store: EventStore;
let url: string;

beforeAll(async () => {
  ({ store, url } = await openTestStore('verify'));
  for (const stream of ['budget-1', 'contract-7', 'contract-8'])
    for (let n = 1; n <= 5; n++)
      await store.append(
        stream,
        'any',
        [{ type: 'Changed', data: { n, amountIdr: n * 1_000_000, note: 'é ✓ "quoted"' } }],
        actor,
      );
  // A batch append extends the chain the same way.
  await store.append(
    'contract-9',
    'no_stream',
    [1, 2, 3].map((n) => ({ type: 'Changed', data: { n } })),
    actor,
  );
});
afterAll(() => store.close());

/** Tampering as a superuser would: with the append-only triggers switched off for this session. */
function tamper(statement: string): Promise<unknown> {
  return psql(url, `set session_replication_role = replica; ${statement}`);
}

describe('verify', () => {
  it('accepts untouched chains', async () => {
    expect(await store.verify()).toEqual({ ok: true, streamsChecked: 4, eventsChecked: 18, brokenLinks: [] });
  });

  it('names the first broken link of a stream whose event was edited', async () => {
    await tamper(
      `update events set data = jsonb_set(data, '{amountIdr}', '999000000') where stream_id = 'contract-7' and stream_version = 3`,
    );
    const report = await store.verify();
    expect(report.ok).toBe(false);
    expect(report.brokenLinks).toEqual([
      expect.objectContaining({ streamId: 'contract-7', streamVersion: 3n, reason: 'hash-mismatch' }),
    ]);
    expect(report.brokenLinks[0]!.message).toContain('version 3');
  });

  it('finds a removed event and a removed tail', async () => {
    await tamper(`delete from events where stream_id = 'budget-1' and stream_version = 2`);
    await tamper(`delete from events where stream_id = 'contract-9' and stream_version = 3`);
    const report = await store.verify();
    const byStream = Object.fromEntries(report.brokenLinks.map((link) => [link.streamId, link]));
    expect(byStream['budget-1']).toMatchObject({ streamVersion: 3n, reason: 'version-gap' });
    expect(byStream['contract-9']).toMatchObject({ streamVersion: 3n, reason: 'head-mismatch' });
    expect(byStream['contract-8']).toBeUndefined();
  });

  it('checks one production only when asked', async () => {
    expect(await store.verify({ streamPrefix: 'contract-8' })).toMatchObject({
      ok: true,
      streamsChecked: 1,
      eventsChecked: 5,
    });
  });
});
