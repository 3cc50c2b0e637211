import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { START, toExportLine, verifyExport, type EventStore, type StoredEvent } from '../index.ts';
import { actor, openTestStore, psql, settledCheckpoint } from '../test-support.ts';

let store: EventStore;
let url: string;
const P = '6a1f0c2e-0000-4000-8000-0000000000f1';
const Q = '6a1f0c2e-0000-4000-8000-0000000000f2';

beforeAll(async () => {
  ({ store, url } = await openTestStore('production_history'));
  // Two productions' streams interleaved with an organisation's stream that names none.
  for (let n = 1; n <= 4; n++) {
    await store.append(`budget-${P}`, 'any', [{ type: 'Changed', data: { productionId: P, n } }], actor);
    await store.append(`budget-${Q}`, 'any', [{ type: 'Changed', data: { productionId: Q, n } }], actor);
    await store.append('organisation-1', 'any', [{ type: 'Changed', data: { n } }], actor);
    await store.append(
      'contract-7',
      'any',
      [1, 2].map((i) => ({ type: 'Changed', data: { productionId: P, n, i, note: 'é ✓' } })),
      actor,
    );
  }
  await store.append(
    `show-${P}-2027-03-01`,
    'no_stream',
    [{ type: 'Changed', data: { productionId: P } }],
    actor,
  );
  await settledCheckpoint(store);
});
afterAll(() => store.close());

async function readAllOf(productionId: string, limit: number): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let after = START;
  for (;;) {
    const page = await store.readProduction(productionId, { after, limit });
    events.push(...page.events);
    after = page.checkpoint;
    if (page.events.length < limit) return events;
  }
}

/** Tampering as a superuser would: with the append-only triggers switched off for this session. */
const tamper = (statement: string) => psql(url, `set session_replication_role = replica; ${statement}`);

describe('readProduction', () => {
  it("pages through one production's events of every stream, in commit order", async () => {
    const everything = (await store.readAll(START, 1000)).events;
    const expected = everything.filter((e) => e.data['productionId'] === P).map((e) => e.id);
    expect(expected).toHaveLength(4 + 8 + 1);
    expect((await readAllOf(P, 3)).map((e) => e.id)).toEqual(expected);
    expect(await readAllOf(Q, 100)).toHaveLength(4);
    expect(await readAllOf('6a1f0c2e-0000-4000-8000-0000000000ff', 100)).toEqual([]);
  });

  it('is served by the production index, not a scan of every event', async () => {
    // The table is tiny here, so a scan would be cheapest: forbid it to see which index the query fits.
    const plan = await store.db.connection().execute(async (connection) => {
      await sql`set enable_seqscan = off`.execute(connection);
      try {
        const { rows } = await sql<{ 'QUERY PLAN': string }>`
          explain select position from events where data->>'productionId' = ${P}
            and (transaction_id, position) > ('0'::xid8, 0) order by transaction_id, position limit 10
        `.execute(connection);
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      } finally {
        await sql`reset enable_seqscan`.execute(connection);
      }
    });
    expect(plan).toContain('events_by_production');
  });

  it('refuses a bad limit', async () => {
    await expect(store.readProduction(P, { limit: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe("a production's history and its verification", () => {
  it('links every event to its predecessor, and its export verifies offline', async () => {
    const lines: string[] = [];
    for await (const { event, previousHash } of store.productionHistory(P))
      lines.push(toExportLine(event, previousHash));
    expect(lines).toHaveLength(13);
    const first = JSON.parse(lines[0]!) as { previousHash: string; streamVersion: string };
    expect(first).toMatchObject({ previousHash: '', streamVersion: '1' });
    expect(await verifyExport(lines)).toEqual({
      ok: true,
      streamsChecked: 3,
      eventsChecked: 13,
      brokenLinks: [],
    });
    expect(await store.verifyProduction(P)).toMatchObject({ ok: true, streamsChecked: 3, eventsChecked: 13 });
  });

  it('reports the same read page by page, a stream that joined the production late included', async () => {
    const R = '6a1f0c2e-0000-4000-8000-0000000000f3';
    for (let n = 1; n <= 5; n++)
      await store.append(`budget-${R}`, 'any', [{ type: 'Changed', data: { productionId: R, n } }], actor);
    // Its first event names no production: the history starts it at version 2, linked to the stored one.
    await store.append(
      'contract-9',
      'no_stream',
      [
        { type: 'Drafted', data: { n: 0 } },
        ...[1, 2].map((n) => ({ type: 'Changed', data: { productionId: R, n } })),
      ],
      actor,
    );
    const whole = await store.verifyProduction(R);
    expect(whole).toMatchObject({ ok: false, streamsChecked: 2, eventsChecked: 7 });
    expect(whole.brokenLinks).toEqual([
      expect.objectContaining({ streamId: 'contract-9', streamVersion: 2n, reason: 'version-gap' }),
    ]);
    for (const batchSize of [1, 2, 3]) expect(await store.verifyProduction(R, { batchSize })).toEqual(whole);
  });

  it('names the first broken link of an edited event, and a stream taken out of the production', async () => {
    await tamper(
      `update events set data = jsonb_set(data, '{note}', '"diubah"') where stream_id = 'contract-7' and stream_version = 5`,
    );
    await tamper(
      `update events set data = data - 'productionId' where stream_id = 'show-${P}-2027-03-01' and stream_version = 1`,
    );
    await tamper(
      `update events set data = data - 'productionId' where stream_id = 'budget-${P}' and stream_version = 4`,
    );
    const report = await store.verifyProduction(P);
    expect(report.ok).toBe(false);
    const byStream = Object.fromEntries(report.brokenLinks.map((link) => [link.streamId, link]));
    expect(byStream).toEqual({
      'contract-7': expect.objectContaining({ streamVersion: 5n, reason: 'hash-mismatch' }),
      [`budget-${P}`]: expect.objectContaining({ streamVersion: 4n, reason: 'head-mismatch' }),
      [`show-${P}-2027-03-01`]: expect.objectContaining({ streamVersion: 1n, reason: 'head-mismatch' }),
    });
    // The other production is untouched.
    expect(await store.verifyProduction(Q)).toMatchObject({ ok: true, eventsChecked: 4 });
  });
});
