import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  START,
  formatCheckpoint,
  parseCheckpoint,
  type Checkpoint,
  type EventStore,
  type StoredEvent,
} from '../index.ts';
import { actor, openTestStore } from '../test-support.ts';

let store: EventStore;
let url: string;

beforeAll(async () => {
  ({ store, url } = await openTestStore('read_all'));
});
afterAll(() => store.close());

/**
 * Reads everything committed so far. The read horizon is cluster-wide: a short transaction of another
 * test (or another database on the same server) can hold events back for a moment, so read until none are.
 */
async function readEverything(
  after: Checkpoint,
  limit = 1000,
): Promise<{ events: StoredEvent[]; checkpoint: Checkpoint }> {
  const events: StoredEvent[] = [];
  let checkpoint = after;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const page = await store.readAll(checkpoint, limit);
    events.push(...page.events);
    checkpoint = page.checkpoint;
    if (page.events.length < limit && !page.heldBack) return { events, checkpoint };
    if (Date.now() > deadline) throw new Error('events stayed held back for 10 s');
  }
}

describe('readAll', () => {
  it('pages through every event in commit order from a checkpoint', async () => {
    const start = (await readEverything(START)).checkpoint;
    for (let i = 0; i < 25; i++)
      await store.append(`page-${i % 3}`, 'any', [{ type: 'N', data: { i } }], actor);
    const { events } = await readEverything(start, 7);
    expect(events.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(parseCheckpoint(formatCheckpoint(events[3]!.checkpoint))).toEqual(events[3]!.checkpoint);
  });

  it('never skips an event whose transaction began earlier but committed later', async () => {
    let { checkpoint } = await readEverything(START);
    // Transaction A appends first (takes the lower position) but stays open.
    const slow = new pg.Client({ connectionString: url });
    await slow.connect();
    try {
      await slow.query('begin');
      await slow.query(`select * from panggung_append('interleaved-a', 'any', $1::jsonb, null)`, [
        JSON.stringify([eventPayload('SlowCommit')]),
      ]);
      // Transaction B appends after A and commits first.
      const fast = await store.append('interleaved-b', 'any', [{ type: 'FastCommit', data: {} }], actor);

      // A position-only reader would now return B and move past A's position for good.
      const whileOpen = await store.readAll(checkpoint, 100);
      expect(whileOpen.events).toEqual([]);
      expect(whileOpen.heldBack).toBe(true);
      checkpoint = whileOpen.checkpoint;

      await slow.query('commit');
      const after = await readEverything(checkpoint, 100);
      expect(after.events.map((e) => e.type)).toEqual(['SlowCommit', 'FastCommit']);
      expect(after.events[0]!.position).toBeLessThan(fast.firstPosition);
    } finally {
      await slow.end();
    }
  });

  it('gives a concurrent reader every event exactly once while writers commit out of order', async () => {
    const start = (await readEverything(START)).checkpoint;
    const writers = Array.from({ length: 6 }, () => new pg.Pool({ connectionString: url, max: 1 }));
    let writing = true;
    const seen: StoredEvent[] = [];
    const reader = (async () => {
      let checkpoint = start;
      for (;;) {
        // Writing had ended before this read began: a read with nothing new and nothing held back is the end.
        const ended = !writing;
        const page = await store.readAll(checkpoint, 50);
        seen.push(...page.events);
        checkpoint = page.checkpoint;
        if (ended && page.events.length === 0 && !page.heldBack) break;
      }
    })();
    // Each writer holds its transaction open for a random moment after appending, so commits interleave.
    await Promise.all(
      writers.map(async (pool, w) => {
        for (let i = 0; i < 20; i++) {
          const client = await pool.connect();
          try {
            await client.query('begin');
            await client.query(`select * from panggung_append($1, 'any', $2::jsonb, null)`, [
              `race-${w}`,
              JSON.stringify([eventPayload('Raced', { w, i })]),
            ]);
            await client.query('select pg_sleep($1)', [Math.random() * 0.01]);
            await client.query('commit');
          } finally {
            client.release();
          }
        }
      }),
    );
    writing = false;
    await reader;
    await Promise.all(writers.map((pool) => pool.end()));
    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(seen).toHaveLength(120);
    const keys = seen.map((e) => `${e.checkpoint.transactionId}:${e.checkpoint.position}`);
    const sorted = [...seen].sort((a, b) =>
      a.transactionId === b.transactionId
        ? Number(a.position - b.position)
        : a.transactionId < b.transactionId
          ? -1
          : 1,
    );
    expect(keys).toEqual(sorted.map((e) => `${e.checkpoint.transactionId}:${e.checkpoint.position}`));
  });

  it('refuses a malformed checkpoint or limit', async () => {
    expect(() => parseCheckpoint('12')).toThrow(/checkpoint/);
    await expect(store.readAll({ transactionId: 1, position: 2 } as never)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(store.readAll(START, 0)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'limit' });
  });
});

/** An event as `panggung_append` takes it, for tests that drive transactions by hand. */
function eventPayload(type: string, data: Record<string, unknown> = {}): Record<string, unknown> {
  // The content hash is not checked on append; the verifier would flag these, which these tests don't use.
  return {
    id: crypto.randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actor: 'person:test',
      correlationId: 'c',
      causationId: null,
      recordedAt: new Date().toISOString(),
    },
    contentHash: '00'.repeat(32),
  };
}
