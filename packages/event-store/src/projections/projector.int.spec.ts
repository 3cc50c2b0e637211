import { sql, type Transaction } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createEventStore,
  type EventStore,
  type EventStoreTables,
  type Projection,
  type Projector,
  type StoredEvent,
} from '../index.ts';
import { actor, countEvents, openTestStore, psql } from '../test-support.ts';

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
    // The process dies mid-batch: its connections go (the pool's and its lock session, 'doomed-runner locks'),
    // its open transaction rolls back.
    await psql(
      url,
      `select pg_terminate_backend(pid) from pg_stat_activity where application_name like 'doomed-runner%'`,
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

describe('lock session', () => {
  beforeAll(() => psql(url, 'create table seen_by_lane (lane text not null, position bigint not null)'));

  /** A projection that records, under its own name, every event it applies; `hold` as in `cuesSeen`. */
  function lane(
    name: string,
    hold?: { atBatch: number; reached: () => void; release: Promise<void> },
  ): Projection<EventStoreTables> {
    let batches = 0;
    return {
      name,
      async apply(trx: Transaction<EventStoreTables>, events: readonly StoredEvent[]) {
        batches++;
        for (const event of events)
          await sql`insert into seen_by_lane (lane, position) values (${name}, ${event.position.toString()})`.execute(
            trx,
          );
        if (hold && batches === hold.atBatch) {
          hold.reached();
          await hold.release;
        }
      },
      async reset(trx: Transaction<EventStoreTables>) {
        await sql`delete from seen_by_lane where lane = ${name}`.execute(trx);
      },
    };
  }

  /** Who holds advisory locks in this database: one row per backend. */
  function lockHolders(): Promise<Array<{ pid: number; application_name: string; locks: number }>> {
    return psql(
      url,
      `select l.pid, a.application_name, count(*)::int as locks
       from pg_locks l join pg_stat_activity a on a.pid = l.pid
       where l.locktype = 'advisory' and l.granted
         and l.database = (select oid from pg_database where datname = current_database())
       group by l.pid, a.application_name`,
    );
  }

  it('holds the locks of all runners of a store on one connection, and takes them again after losing it', async () => {
    const names = ['lane-1', 'lane-2', 'lane-3', 'lane-4', 'lane-5'];
    const errors: unknown[] = [];
    // Fewer pooled connections than runners: they must give theirs back after every batch.
    const shared = createEventStore({
      connectionString: url,
      applicationName: 'shared',
      poolSize: 2,
      onError: (error) => errors.push(error),
    });
    const runners = names.map((name) => shared.project(lane(name), { batchSize: 7, pollIntervalMs: 200 }));
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    try {
      await appendCues(71, 80);
      await Promise.all(runners.map((runner) => runner.caughtUp()));
      const before = await lockHolders();
      expect(before).toEqual([
        { pid: expect.any(Number), application_name: 'shared locks', locks: names.length },
      ]);

      // The lock session's connection dies; another process takes every lock the moment PostgreSQL frees
      // them (one statement, so the runners' reconnect cannot slip in between).
      await blocker.query('select pg_terminate_backend($1)', [before[0]!.pid]);
      await blocker.query(
        `select pg_advisory_lock(hashtextextended('projection:' || name, 0)) from unnest($1::text[]) as name`,
        [names],
      );
      await vi.waitFor(
        () => expect(runners.map((runner) => runner.state)).toEqual(names.map(() => 'standby')),
        {
          timeout: 30_000,
          interval: 20,
        },
      );
      expect(errors.length).toBeGreaterThan(0);
      await appendCues(81, 90);

      // The other process goes away: the session reconnects and its runners take over where they were.
      await blocker.end();
      await Promise.all(runners.map((runner) => runner.caughtUp()));
      const after = await lockHolders();
      expect(after).toEqual([
        { pid: expect.any(Number), application_name: 'shared locks', locks: names.length },
      ]);
      expect(after[0]!.pid).not.toBe(before[0]!.pid);
      const events = await countEvents(url);
      const applied = await psql<{ lane: string; total: number; distinct: number }>(
        url,
        `select lane, count(*)::int as total, count(distinct position)::int as distinct
         from seen_by_lane group by lane order by lane`,
      );
      expect(applied).toEqual(names.map((name) => ({ lane: name, total: events, distinct: events })));
    } finally {
      await blocker.end().catch(() => {});
      await Promise.all(runners.map((runner) => runner.stop()));
      await shared.close();
    }
    // Stopped runners give their locks back, and closing the store closes the session.
    expect(await lockHolders()).toEqual([]);
    expect(
      await psql(url, `select pid from pg_stat_activity where application_name = 'shared locks'`),
    ).toEqual([]);
  });

  it('fences a batch still in flight when its lock session broke and another process took over', async () => {
    let reached!: () => void;
    const holding = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await appendCues(91, 110);
    const first = createEventStore({ connectionString: url, applicationName: 'first' });
    const second = createEventStore({ connectionString: url, applicationName: 'second' });
    const a = first.project(lane('fenced', { atBatch: 2, reached: () => reached(), release: released }), {
      batchSize: 5,
    });
    let b: Projector<EventStoreTables> | undefined;
    try {
      // The first runner is inside its second batch's transaction, on a pooled connection.
      await holding;
      b = second.project(lane('fenced'), { batchSize: 5, pollIntervalMs: 50 });
      await vi.waitFor(() => expect(b?.state).toBe('standby'), { timeout: 30_000, interval: 20 });
      await psql(
        url,
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'first locks'`,
      );
      // The second process takes the lock and tries the same batch: its fence waits for the first's transaction.
      await vi.waitFor(
        async () =>
          expect(
            await psql(
              url,
              `select pid from pg_stat_activity where application_name = 'second' and wait_event_type = 'Lock'`,
            ),
          ).toHaveLength(1),
        { timeout: 30_000, interval: 20 },
      );
      expect(b.state).toBe('active');
      release();
      await b.caughtUp();
      await vi.waitFor(() => expect(a.state).toBe('standby'), { timeout: 30_000, interval: 20 });
      const events = await countEvents(url);
      expect(
        await psql(
          url,
          `select count(*)::int as total, count(distinct position)::int as distinct from seen_by_lane where lane = 'fenced'`,
        ),
      ).toEqual([{ total: events, distinct: events }]);
    } finally {
      release();
      await Promise.all([a.stop(), b?.stop()]);
      await Promise.all([first.close(), second.close()]);
    }
  });
});
