import type { EventStore } from '../src/index.ts';
import type { BenchDatabase } from './setup.ts';
import { BENCH_OPTIONS, cueFired } from './workload.ts';

export interface Throughput {
  /** Appends (or events) completed. */
  readonly count: number;
  readonly ms: number;
  readonly perSecond: number;
}

/** Streams each single-append writer cycles through: short streams, one per aggregate, as in production. */
const STREAMS_PER_WRITER = 32;

/**
 * Single-event appends for `seconds` from `writers` concurrent writers, each a store of its own with one
 * connection, each on its own streams, each append with the exact expected version (the normal path).
 */
export async function singleAppends(
  db: BenchDatabase,
  writers: number,
  seconds: number,
): Promise<Throughput> {
  const stores = Array.from({ length: writers }, (_, w) => db.openStore(1, `bench-single-${w}`));
  try {
    const versions = stores.map(() => new Map<string, bigint>());
    const appendOne = async (w: number, i: number): Promise<void> => {
      const stream = `single-${writers}w-${w}-${i % STREAMS_PER_WRITER}`;
      const expected = versions[w]!.get(stream) ?? 'no_stream';
      const result = await stores[w]!.append(stream, expected, [cueFired(i)], BENCH_OPTIONS);
      versions[w]!.set(stream, result.nextExpectedVersion);
    };
    // Warm up: connect every writer and create its streams before the clock starts.
    await Promise.all(
      stores.map(async (_, w) => {
        for (let i = 0; i < STREAMS_PER_WRITER; i++) await appendOne(w, i);
      }),
    );
    const start = performance.now();
    const deadline = start + seconds * 1000;
    const counts = await Promise.all(
      stores.map(async (_, w) => {
        let count = 0;
        while (performance.now() < deadline) await appendOne(w, STREAMS_PER_WRITER + count++);
        return count;
      }),
    );
    return throughput(
      counts.reduce((a, b) => a + b, 0),
      performance.now() - start,
    );
  } finally {
    await Promise.all(stores.map((store) => store.close()));
  }
}

/**
 * Appends `events` events in appends of `batchSize` from `writers` concurrent writers (a store of one
 * connection each); every append starts a new stream of `batchSize` events. Also fills the store for
 * the read benchmark.
 */
export async function batchedAppends(
  db: BenchDatabase,
  options: { events: number; batchSize: number; writers: number; prefix: string },
): Promise<Throughput> {
  const { events, batchSize, writers, prefix } = options;
  const appends = Math.ceil(events / batchSize);
  const stores: EventStore[] = Array.from({ length: writers }, (_, w) => db.openStore(1, `bench-batch-${w}`));
  try {
    await Promise.all(stores.map((store) => store.streamVersion('warm-up')));
    let next = 0;
    const start = performance.now();
    await Promise.all(
      stores.map(async (store) => {
        for (let k = next++; k < appends; k = next++) {
          const size = Math.min(batchSize, events - k * batchSize);
          const batch = Array.from({ length: size }, (_, i) => cueFired(k * batchSize + i));
          await store.append(`${prefix}-${k}`, 'no_stream', batch, BENCH_OPTIONS);
        }
      }),
    );
    return throughput(events, performance.now() - start);
  } finally {
    await Promise.all(stores.map((store) => store.close()));
  }
}

function throughput(count: number, ms: number): Throughput {
  return { count, ms, perSecond: (count * 1000) / ms };
}
