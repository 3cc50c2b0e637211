import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createEventStore,
  ProjectionDependencyError,
  type EventStore,
  type EventStoreTables,
  type Projection,
  type StoredEvent,
} from '../index.ts';
import { actor, openTestStore, psql } from '../test-support.ts';

let store: EventStore;
let url: string;

beforeAll(async () => {
  ({ store, url } = await openTestStore('projection-dependencies'));
  await psql(
    url,
    `create table roster (person text primary key);
     create table mentions_seen (position bigint not null, person text not null, on_roster boolean not null)`,
  );
});
afterAll(() => store.close());

type Hold = { reached: () => void; release: Promise<void> };

/** The dependency: who is on the roster. `hold` pauses its first batch until released. */
function roster(hold?: Hold): Projection<EventStoreTables> {
  let batches = 0;
  return {
    name: 'roster',
    async apply(trx: Transaction<EventStoreTables>, events: readonly StoredEvent[]) {
      if (hold && ++batches === 1) {
        hold.reached();
        await hold.release;
      }
      for (const event of events)
        if (event.type === 'MemberAdded')
          await sql`insert into roster (person) values (${(event.data as { person: string }).person})`.execute(
            trx,
          );
    },
    async reset(trx: Transaction<EventStoreTables>) {
      await sql`delete from roster`.execute(trx);
    },
  };
}

/** The reader: for each mention, whether the person mentioned was on the roster when it was applied. */
const mentions: Projection<EventStoreTables> = {
  name: 'mentions',
  dependsOn: ['roster'],
  async apply(trx: Transaction<EventStoreTables>, events: readonly StoredEvent[]) {
    for (const event of events) {
      if (event.type !== 'Mentioned') continue;
      const { person } = event.data as { person: string };
      await sql`
        insert into mentions_seen (position, person, on_roster)
        select ${event.position.toString()}, ${person}, exists (select from roster where person = ${person})
      `.execute(trx);
    }
  },
  async reset(trx: Transaction<EventStoreTables>) {
    await sql`delete from mentions_seen`.execute(trx);
  },
};

/** A member added, then at once a mention of them, each in its own transaction. */
async function addAndMention(from: number, to: number): Promise<void> {
  for (let n = from; n <= to; n++) {
    const person = `person-${n}`;
    await store.append(`roster-${n % 3}`, 'any', [{ type: 'MemberAdded', data: { person } }], actor);
    await store.append(`comments-${n % 3}`, 'any', [{ type: 'Mentioned', data: { person } }], actor);
  }
}

async function seen(): Promise<{ total: number; distinct: number; offRoster: number }> {
  const [row] = await psql<{ total: number; distinct: number; off_roster: number }>(
    url,
    `select count(*)::int as total, count(distinct position)::int as distinct,
            count(*) filter (where not on_roster)::int as off_roster from mentions_seen`,
  );
  return { total: row!.total, distinct: row!.distinct, offRoster: row!.off_roster };
}

function held(): Hold & { holding: Promise<void>; let: () => void } {
  let reached!: () => void;
  const holding = new Promise<void>((resolve) => (reached = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return { reached: () => reached(), release: released, holding, let: () => release() };
}

describe('projection dependencies', () => {
  it('applies no event before its dependency has, then catches up with the up-to-date roster', async () => {
    const hold = held();
    const dependency = store.project(roster(hold), { batchSize: 3 });
    const reader = store.project(mentions, { batchSize: 4 });
    try {
      await addAndMention(1, 10);
      await hold.holding;
      // The roster is stuck in its first batch: the mentions wait for it, at the start (without the
      // dependency they would go ahead, with people not on the roster yet).
      await vi.waitFor(
        async () => expect(reader.waitingFor.length > 0 || (await seen()).total > 0).toBe(true),
        { timeout: 30_000, interval: 10 },
      );
      expect(await seen()).toEqual({ total: 0, distinct: 0, offRoster: 0 });
      expect(reader.waitingFor).toEqual(['roster']);
      hold.let();
      await dependency.caughtUp();
      await reader.caughtUp();
      expect(await seen()).toEqual({ total: 10, distinct: 10, offRoster: 0 });
      expect(reader.waitingFor).toEqual([]);
    } finally {
      hold.let();
      await Promise.all([dependency.stop(), reader.stop()]);
    }
  });

  it('waits for a dependency that is not running, and goes on once another process runs it', async () => {
    const reader = store.project(mentions, { batchSize: 4, pollIntervalMs: 200 });
    const other = createEventStore({ connectionString: url, applicationName: 'other-process' });
    let dependency: ReturnType<typeof other.project> | undefined;
    try {
      await addAndMention(11, 20);
      // The roster has a checkpoint (it ran before) but no runner: nothing past it is applied.
      await vi.waitFor(() => expect(reader.waitingFor).toEqual(['roster']), {
        timeout: 30_000,
        interval: 10,
      });
      expect(await seen()).toEqual({ total: 10, distinct: 10, offRoster: 0 });
      // Its runner in another process wakes nobody here: the reader sees it move by looking again.
      dependency = other.project(roster(), { batchSize: 3 });
      await dependency.caughtUp();
      await reader.caughtUp();
      expect(await seen()).toEqual({ total: 20, distinct: 20, offRoster: 0 });
    } finally {
      await Promise.all([reader.stop(), dependency?.stop()]);
      await other.close();
    }
  });

  it('stops with a typed error when a dependency is projected nowhere, instead of waiting forever', async () => {
    const errors: unknown[] = [];
    const orphan = store.project(
      { ...mentions, name: 'orphan', dependsOn: ['roster', 'rostr'] },
      { onError: (error) => errors.push(error) },
    );
    try {
      const failure = await orphan.caughtUp().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ProjectionDependencyError);
      expect(failure).toMatchObject({
        code: 'PROJECTION_DEPENDENCY',
        projection: 'orphan',
        dependencies: ['rostr'],
      });
      expect((failure as Error).message).toMatch(/"rostr"/);
      expect(orphan.state).toBe('stopped');
      expect(errors).toEqual([failure]);
    } finally {
      await orphan.stop();
    }
  });

  it('stops with a typed error on a cycle between the runners of a store', async () => {
    const errors: unknown[] = [];
    const ping = store.project(
      { ...mentions, name: 'ping', dependsOn: ['pong'] },
      {
        onError: (error) => errors.push(error),
      },
    );
    const pong = store.project(
      { ...mentions, name: 'pong', dependsOn: ['ping'] },
      {
        onError: (error) => errors.push(error),
      },
    );
    try {
      await expect(ping.caughtUp()).rejects.toThrow(/cycle: ping → pong → ping/);
      await expect(pong.caughtUp()).rejects.toBeInstanceOf(ProjectionDependencyError);
    } finally {
      await Promise.all([ping.stop(), pong.stop()]);
    }
  });
});
