import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createEventStore,
  type EventStore,
  type EventStoreTables,
  type Projection,
  type StoredEvent,
} from '../index.ts';
import { actor, openTestStore, psql } from '../test-support.ts';

let store: EventStore;
let url: string;

beforeAll(async () => {
  ({ store, url } = await openTestStore('projector'));
  // No unique key on purpose: an event applied twice shows up as two rows.
  await psql(url, 'create table cues_seen (position bigint not null, n integer not null)');
});
afterAll(() => store.close());

/** A projection that records every event it applies; `hold` pauses it halfway through a batch. */
function cuesSeen(hold?: {
  atBatch: number;
  reached: () => void;
  release: Promise<void>;
}): Projection<EventStoreTables> {
  let batches = 0;
  return {
    name: 'cues-seen',
    async apply(trx: Transaction<EventStoreTables>, events: readonly StoredEvent[]) {
      batches++;
      for (const [index, event] of events.entries()) {
        await sql`insert into cues_seen (position, n) values (${event.position.toString()}, ${(event.data as { n: number }).n})`.execute(
          trx,
        );
        if (hold && batches === hold.atBatch && index === Math.floor(events.length / 2)) {
          hold.reached();
          await hold.release;
        }
      }
    },
    async reset(trx: Transaction<EventStoreTables>) {
      await sql`delete from cues_seen`.execute(trx);
    },
  };
}

async function appendCues(from: number, to: number): Promise<void> {
  for (let n = from; n <= to; n++)
    await store.append(`show-${n % 4}`, 'any', [{ type: 'CueFired', data: { n } }], actor);
}

async function seen(): Promise<{ total: number; distinct: number; max: number }> {
  const [row] = await psql<{ total: string; distinct: string; max: number }>(
    url,
    'select count(*) as total, count(distinct position) as distinct, coalesce(max(n), 0) as max from cues_seen',
  );
  return { total: Number(row!.total), distinct: Number(row!.distinct), max: row!.max };
}

describe('projector', () => {
  it('resumes after being killed mid-batch without applying any event twice', async () => {
    await appendCues(1, 40);
    let reached!: () => void;
    const holding = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const errors: unknown[] = [];
    const doomed = createEventStore({ connectionString: url, applicationName: 'doomed-runner' });
    const first = doomed.project(cuesSeen({ atBatch: 2, reached: () => reached(), release: released }), {
      batchSize: 10,
      onError: (error) => errors.push(error),
    });
    await holding;
    // The process dies mid-batch: its connection goes, its open transaction rolls back.
    await psql(
      url,
      `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'doomed-runner'`,
    );
    release();
    await first.stop();
    await doomed.close();
    expect(errors.length).toBeGreaterThan(0);
    expect(await seen()).toEqual({ total: 10, distinct: 10, max: 10 });

    const second = store.project(cuesSeen(), { batchSize: 10 });
    try {
      await second.caughtUp();
      expect(await seen()).toEqual({ total: 40, distinct: 40, max: 40 });
    } finally {
      await second.stop();
    }
  });

  it('keeps one active runner per projection across processes, and a standby takes over', async () => {
    const other = createEventStore({ connectionString: url });
    const a = store.project(cuesSeen(), { pollIntervalMs: 50 });
    const b = other.project(cuesSeen(), { pollIntervalMs: 50 });
    try {
      await appendCues(41, 60);
      await Promise.race([a.caughtUp(), b.caughtUp()]);
      // The other runner may still be connecting (a loaded machine): once it has tried the lock, it stands by.
      await vi.waitFor(() => expect([a.state, b.state].sort()).toEqual(['active', 'standby']), {
        timeout: 30_000,
        interval: 20,
      });
      const [active, standby] = a.state === 'active' ? [a, b] : [b, a];
      await active.stop();
      await appendCues(61, 70);
      await standby.caughtUp();
      expect(standby.state).toBe('active');
      expect(await seen()).toEqual({ total: 70, distinct: 70, max: 70 });
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await other.close();
    }
  });

  it('rebuilds from zero to the same rows', async () => {
    const before = await psql(url, 'select position, n from cues_seen order by position');
    const projection = cuesSeen();
    await store.resetProjection(projection);
    expect((await seen()).total).toBe(0);
    const runner = store.project(projection);
    try {
      await runner.caughtUp();
      expect(await psql(url, 'select position, n from cues_seen order by position')).toEqual(before);
    } finally {
      await runner.stop();
    }
  });
});
