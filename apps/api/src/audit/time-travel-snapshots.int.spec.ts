import { randomUUID } from 'node:crypto';
import {
  AUDIT_FOLDER_VERSION,
  auditStateOf,
  changesBetween,
  decodeFold,
  productionAt,
  type AuditEvent,
} from '@panggung/domain';
import { createEventStore, parseCheckpoint, type Checkpoint, type EventStore } from '@panggung/event-store';
import { freshDatabase } from '@panggung/infra/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../schema/migrations.ts';
import type { Database } from '../schema/tables.ts';
import { DEMO } from '../seed/demo-ids.ts';
import { seedDemo } from '../seed/demo.ts';
import { auditSnapshotsProjection } from './snapshot-projection.ts';
import { productionEvents, productionHistory, type HistoryBound } from './time-travel-query.ts';

/**
 * Time travel from stored snapshots over the demo concert (seeded with its plan, no workflows) and more
 * budget events, some recorded out of order: at positions before, at and after every snapshot, and at
 * instants around every event, the answer folded from the nearest snapshot equals the answer folded from
 * the first event, and so does the change list.
 */
const EVERY = 25;
const concert = DEMO.concertId;
let store: EventStore<Database>;
const db = () => store.db as unknown as Kysely<unknown>;

/** Runs a fresh instance of the projection (nothing in memory) until it has seen every event. */
async function project(): Promise<void> {
  const runner = store.project(auditSnapshotsProjection({ every: EVERY }), { batchSize: 7 });
  await runner.caughtUp();
  await runner.stop();
}

/** Budget estimates for the concert and, between them, for another production; `shift` moves recordedAt. */
async function appendEstimates(count: number, shift: (i: number) => number): Promise<void> {
  const other = randomUUID();
  for (let i = 0; i < count; i++) {
    const productionId = i % 4 === 3 ? other : concert;
    await store.append(
      `budget-${productionId}`,
      'any',
      [
        {
          type: 'BudgetEstimateSet',
          data: { productionId, category: 'catering', estimate: 1_000_000 * (i + 1), previous: 0 },
          metadata: { recordedAt: new Date(Date.now() + shift(i)).toISOString() },
        },
      ],
      { metadata: { actor: 'system:test', correlationId: randomUUID(), causationId: null } },
    );
  }
}

const stateFromZero = async (bound: HistoryBound) =>
  productionAt(concert, await productionEvents(db(), concert, bound));
const stateFromSnapshot = async (bound: HistoryBound) => {
  const { start, events, snapshot } = await productionHistory(db(), concert, bound);
  return { state: productionAt(concert, events, start), snapshot, folded: events.length };
};

const snapshotRows = async () =>
  (
    await sql<{ transaction_id_text: string; position_text: string; event_count: string; state: string }>`
      select transaction_id::text as transaction_id_text, position::text as position_text,
             event_count::text as event_count, state
      from audit_snapshots where production_id = ${concert} and folder_version = ${AUDIT_FOLDER_VERSION}
      order by transaction_id, position
    `.execute(store.db)
  ).rows;

let all: AuditEvent[];

beforeAll(async () => {
  store = createEventStore<Database>({ connectionString: await freshDatabase('audit_snapshots') });
  await migrate(store.db as never);
  await seedDemo(store, { planning: true });
  await project();
  // Later events, some recorded an hour before the ones committed ahead of them; a restarted projection.
  await appendEstimates(60, (i) => (i % 5 === 2 ? -3_600_000 : i * 1_000));
  await project();
  all = await productionEvents(db(), concert, { kind: 'end' });
}, 120_000);

afterAll(() => store?.close());

describe('time travel from stored snapshots', () => {
  it('stores a snapshot every few events of the production, equal to the fold from zero up to it', async () => {
    const rows = await snapshotRows();
    expect(all.length).toBeGreaterThan(4 * EVERY);
    expect(rows.map((r) => Number(r.event_count))).toEqual(
      Array.from({ length: Math.floor(all.length / EVERY) }, (_, i) => (i + 1) * EVERY),
    );
    for (const row of rows) {
      const upTo = Number(row.event_count);
      expect(all[upTo - 1]!.position).toBe(`${row.transaction_id_text}:${row.position_text}`);
      expect(auditStateOf(decodeFold(row.state))).toStrictEqual(productionAt(concert, all.slice(0, upTo)));
    }
  });

  it('answers for a position before, at and after each snapshot as the fold from zero does', async () => {
    const counts = (await snapshotRows()).map((r) => Number(r.event_count));
    const indexes = new Set<number>([0, 1, all.length - 1]);
    for (const count of counts) for (const i of [count - 2, count - 1, count]) indexes.add(i);
    let used = 0;
    for (const i of [...indexes].filter((n) => n >= 0 && n < all.length).sort((a, b) => a - b)) {
      const bound: HistoryBound = { kind: 'position', checkpoint: parseCheckpoint(all[i]!.position) };
      const { state, snapshot, folded } = await stateFromSnapshot(bound);
      expect(state, `position ${all[i]!.position}`).toStrictEqual(await stateFromZero(bound));
      expect(state.eventCount).toBe(i + 1);
      // The snapshot at or before the position is the one used, and only the events after it are read.
      const before = counts.filter((c) => c <= i + 1).at(-1);
      expect(
        snapshot === undefined ? undefined : all.findIndex((e) => e.position === formatted(snapshot)) + 1,
      ).toBe(before);
      expect(folded).toBe(i + 1 - (before ?? 0));
      if (snapshot) used++;
    }
    expect(used).toBeGreaterThan(counts.length);
  });

  it('answers for an instant around every event as the fold from zero does, events out of order too', async () => {
    const outOfOrder = all.some(
      (e, i) => i > 0 && Date.parse(e.recordedAt) < Date.parse(all[i - 1]!.recordedAt),
    );
    expect(outOfOrder).toBe(true);
    let used = 0;
    // Every event's instant; a millisecond either side where the order turns or a snapshot was taken.
    const counts = new Set((await snapshotRows()).map((r) => Number(r.event_count)));
    const instants = new Set<number>();
    all.forEach((event, i) => {
      const at = Date.parse(event.recordedAt);
      const turns = i > 0 && at < Date.parse(all[i - 1]!.recordedAt);
      for (const d of turns || counts.has(i) || counts.has(i + 1) ? [-1, 0, 1] : [0]) instants.add(at + d);
    });
    for (const ms of instants) {
      const bound: HistoryBound = { kind: 'at', instant: new Date(ms).toISOString() };
      const { state, snapshot } = await stateFromSnapshot(bound);
      expect(state, `at ${bound.instant}`).toStrictEqual(await stateFromZero(bound));
      if (snapshot) used++;
    }
    expect(used).toBeGreaterThan(0);
  }, 120_000);

  it('lists the same changes between two instants from a snapshot as from zero', async () => {
    const names = new Map<string, string>();
    const times = all.map((e) => e.recordedAt).sort();
    for (const [f, t] of [
      [EVERY * 2, EVERY * 3],
      [EVERY, all.length - 1],
      [all.length - 10, all.length - 1],
    ] as const) {
      const from = times[f]!;
      const to = times[t]!;
      const history = await productionHistory(
        db(),
        concert,
        { kind: 'at', instant: to },
        {
          snapshotRecordedBy: from,
        },
      );
      const zero = await productionEvents(db(), concert, { kind: 'at', instant: to });
      const expected = changesBetween(zero, { from, to, lang: 'en', names });
      expect(changesBetween(history.events, { from, to, lang: 'en', names }, history.start)).toEqual(
        expected,
      );
      expect(expected.length).toBeGreaterThan(0);
    }
    expect(
      (
        await productionHistory(
          db(),
          concert,
          { kind: 'at', instant: times.at(-1)! },
          {
            snapshotRecordedBy: times[EVERY * 2]!,
          },
        )
      ).snapshot,
    ).toBeDefined();
  });

  it('ignores snapshots of another folder version', async () => {
    const last = all.at(-1)!;
    const checkpoint = parseCheckpoint(last.position);
    await sql`
      insert into audit_snapshots (production_id, folder_version, transaction_id, position, event_count,
        max_recorded_at, segment_min_recorded_at, state)
      values (${concert}, ${AUDIT_FOLDER_VERSION + 1}, ${checkpoint.transactionId.toString()}::xid8,
        ${checkpoint.position.toString()}, ${all.length}, now() - interval '10 years', now() - interval '10 years',
        'not a fold of this version')
    `.execute(store.db);
    for (const bound of [
      { kind: 'position', checkpoint } as const,
      { kind: 'end' } as const,
      { kind: 'at', instant: last.recordedAt } as const,
    ]) {
      const { state } = await stateFromSnapshot(bound);
      expect(state).toStrictEqual(await stateFromZero(bound));
    }
  });
});

const formatted = (checkpoint: Checkpoint) => `${checkpoint.transactionId}:${checkpoint.position}`;
