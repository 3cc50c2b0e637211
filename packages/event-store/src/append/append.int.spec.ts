import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEventStore,
  ConcurrencyError,
  IdempotencyKeyConflictError,
  InvalidArgumentError,
  type EventStore,
} from '../index.ts';
import { actor, countEvents, openTestStore, psql } from '../test-support.ts';

let store: EventStore;
let url: string;

beforeAll(async () => {
  ({ store, url } = await openTestStore('append'));
});
afterAll(() => store.close());

describe('append', () => {
  it('numbers a new stream from version 1 and records type, schema version, data and metadata', async () => {
    const result = await store.append(
      'contract-1',
      'no_stream',
      [
        { type: 'ContractDrafted', data: { amountIdr: 125_000_000, vendor: 'Suara Prima' } },
        { type: 'ContractSubmitted', data: {}, schemaVersion: 2, metadata: { causationId: 'cmd-9' } },
      ],
      { metadata: { actor: 'person:ayu', correlationId: 'corr-1' } },
    );
    expect(result).toMatchObject({ firstVersion: 1n, nextExpectedVersion: 2n, duplicate: false });
    expect(typeof result.firstPosition).toBe('bigint');
    expect(result.lastPosition).toBeGreaterThan(result.firstPosition);

    const events = await store.readStream('contract-1');
    expect(events.map((e) => [e.streamVersion, e.type, e.schemaVersion])).toEqual([
      [1n, 'ContractDrafted', 1],
      [2n, 'ContractSubmitted', 2],
    ]);
    expect(events[0]!.data).toEqual({ amountIdr: 125_000_000, vendor: 'Suara Prima' });
    expect(events[1]!.metadata).toMatchObject({
      actor: 'person:ayu',
      correlationId: 'corr-1',
      causationId: 'cmd-9',
    });
    expect(Date.parse(events[0]!.metadata.recordedAt)).not.toBeNaN();
    expect(events[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.streamVersion('contract-1')).toBe(2n);
  });

  it('keeps positions and transaction ids exact beyond 2^53', async () => {
    // Positions come from an identity column; jump it past Number.MAX_SAFE_INTEGER.
    await psql(url, 'alter table events alter column position restart with 9007199254740993');
    const result = await store.append('big-positions', 'any', [{ type: 'Tick', data: {} }], actor);
    expect(result.firstPosition).toBe(9007199254740993n);
    const [event] = await store.readStream('big-positions');
    expect(event!.position).toBe(9007199254740993n);
  });

  it('checks every expected-version form and writes nothing on a mismatch', async () => {
    await store.append('s-forms', 'no_stream', [{ type: 'A', data: {} }], actor);
    const before = await countEvents(url);

    await expect(
      store.append('s-forms', 'no_stream', [{ type: 'B', data: {} }], actor),
    ).rejects.toMatchObject({
      code: 'CONCURRENCY_CONFLICT',
      actual: 1n,
    });
    await expect(store.append('s-forms', 0, [{ type: 'B', data: {} }], actor)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    await expect(store.append('s-forms', 2n, [{ type: 'B', data: {} }], actor)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    await expect(store.append('s-missing', 'exists', [{ type: 'B', data: {} }], actor)).rejects.toMatchObject(
      {
        code: 'CONCURRENCY_CONFLICT',
        actual: 0n,
      },
    );
    expect(await countEvents(url)).toBe(before);

    await store.append('s-forms', 1, [{ type: 'B', data: {} }], actor);
    await store.append('s-forms', 'exists', [{ type: 'C', data: {} }], actor);
    await store.append('s-forms', 'any', [{ type: 'D', data: {} }], actor);
    await store.append('s-new', 0, [{ type: 'A', data: {} }], actor);
    expect((await store.readStream('s-forms')).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('lets exactly one of many concurrent writers win each version, with no gaps or duplicates', async () => {
    // Ten processes' worth of connections: each writer has its own pool.
    const writers = Array.from({ length: 10 }, () =>
      createEventStore({ connectionString: url, poolSize: 1 }),
    );
    const rounds = 15;
    const outcomes = { won: 0, conflicts: 0, other: [] as unknown[] };
    try {
      for (let round = 0; round < rounds; round++) {
        const version = BigInt(round);
        await Promise.all(
          writers.map((writer, index) =>
            writer
              .append('hot-stream', version, [{ type: 'Bid', data: { writer: index, round } }], actor)
              .then(() => outcomes.won++)
              .catch((error: unknown) =>
                error instanceof ConcurrencyError ? outcomes.conflicts++ : outcomes.other.push(error),
              ),
          ),
        );
      }
    } finally {
      await Promise.all(writers.map((writer) => writer.close()));
    }
    expect(outcomes.other).toEqual([]);
    expect(outcomes.won).toBe(rounds);
    expect(outcomes.conflicts).toBe(rounds * 9);
    const events = await store.readStream('hot-stream');
    expect(events.map((e) => e.streamVersion)).toEqual(
      Array.from({ length: rounds }, (_, i) => BigInt(i + 1)),
    );
    expect(events.map((e) => (e.data as { round: number }).round)).toEqual(
      Array.from({ length: rounds }, (_, i) => i),
    );
  });

  it('returns the first result for a repeated idempotency key and writes nothing again', async () => {
    const first = await store.append('s-idem', 'any', [{ type: 'Paid', data: { amountIdr: 5_000_000 } }], {
      ...actor,
      idempotencyKey: 'payment-77',
    });
    const before = await countEvents(url);
    const again = await store.append('s-idem', 'any', [{ type: 'Paid', data: { amountIdr: 5_000_000 } }], {
      ...actor,
      idempotencyKey: 'payment-77',
    });
    expect(again).toEqual({ ...first, duplicate: true });
    expect(await countEvents(url)).toBe(before);

    // Concurrent retries of one key: a single write.
    const racers = await Promise.all(
      Array.from({ length: 6 }, () =>
        store.append('s-idem', 'any', [{ type: 'Paid', data: {} }], {
          ...actor,
          idempotencyKey: 'payment-78',
        }),
      ),
    );
    expect(racers.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await countEvents(url)).toBe(before + 1);

    await expect(
      store.append('s-other', 'any', [{ type: 'Paid', data: {} }], {
        ...actor,
        idempotencyKey: 'payment-77',
      }),
    ).rejects.toBeInstanceOf(IdempotencyKeyConflictError);
  });
});

describe('bad input', () => {
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  const cases: Array<[string, () => Promise<unknown>, string]> = [
    [
      'an unknown expected-version form',
      () => store.append('s-bad', 'latest' as never, [{ type: 'A', data: {} }], actor),
      'expectedVersion',
    ],
    [
      'a negative version',
      () => store.append('s-bad', -1, [{ type: 'A', data: {} }], actor),
      'expectedVersion',
    ],
    [
      'a fractional version',
      () => store.append('s-bad', 1.5, [{ type: 'A', data: {} }], actor),
      'expectedVersion',
    ],
    ['an empty event list', () => store.append('s-bad', 'any', [], actor), 'events'],
    [
      'an over-long stream name',
      () => store.append('s'.repeat(201), 'any', [{ type: 'A', data: {} }], actor),
      'streamId',
    ],
    ['an empty stream name', () => store.append('', 'any', [{ type: 'A', data: {} }], actor), 'streamId'],
    [
      'a function in data',
      () => store.append('s-bad', 'any', [{ type: 'A', data: { f: (() => 1) as never } }], actor),
      'events[0].data.f',
    ],
    [
      'a bigint in data',
      () => store.append('s-bad', 'any', [{ type: 'A', data: { n: 1n as never } }], actor),
      'events[0].data.n',
    ],
    [
      'NaN in data',
      () => store.append('s-bad', 'any', [{ type: 'A', data: { n: Number.NaN } }], actor),
      'events[0].data.n',
    ],
    [
      'undefined in data',
      () => store.append('s-bad', 'any', [{ type: 'A', data: { u: undefined as never } }], actor),
      'events[0].data.u',
    ],
    [
      'a Date in data',
      () => store.append('s-bad', 'any', [{ type: 'A', data: { d: new Date(0) as never } }], actor),
      'events[0].data.d',
    ],
    [
      'a NUL character',
      () => store.append('s-bad', 'any', [{ type: 'A', data: { s: 'a\u0000b' } }], actor),
      'events[0].data.s',
    ],
    [
      'circular data',
      () => store.append('s-bad', 'any', [{ type: 'A', data: circular as never }], actor),
      'events[0].data',
    ],
    [
      'data that is not an object',
      () => store.append('s-bad', 'any', [{ type: 'A', data: [1, 2] as never }], actor),
      'events[0].data',
    ],
    [
      'a missing actor',
      () => store.append('s-bad', 'any', [{ type: 'A', data: {} }]),
      'events[0].metadata.actor',
    ],
    [
      'a bad event type',
      () => store.append('s-bad', 'any', [{ type: 'drop table;', data: {} }], actor),
      'events[0].type',
    ],
    [
      'a bad idempotency key',
      () => store.append('s-bad', 'any', [{ type: 'A', data: {} }], { ...actor, idempotencyKey: '' }),
      'options.idempotencyKey',
    ],
  ];

  it.each(cases)(
    'refuses %s with a typed error naming the field, and writes nothing',
    async (_, call, field) => {
      const before = await countEvents(url);
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).field.startsWith(field)).toBe(true);
      expect(await countEvents(url)).toBe(before);
      expect(await store.streamVersion('s-bad')).toBe(0n);
    },
  );
});

describe('append-only', () => {
  it.each([
    ['UPDATE', "update events set type = 'Forged'"],
    ['DELETE', 'delete from events'],
    ['TRUNCATE', 'truncate events'],
  ])('rejects %s on the events table', async (op, statement) => {
    await store.append('s-guarded', 'any', [{ type: 'A', data: {} }], actor);
    const before = await countEvents(url);
    await expect(psql(url, statement)).rejects.toMatchObject({
      code: 'PN403',
      message: expect.stringContaining(op),
    });
    expect(await countEvents(url)).toBe(before);
  });
});
