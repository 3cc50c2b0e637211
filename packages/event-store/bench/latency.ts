import { sql } from 'kysely';
import type { Checkpoint } from '../src/index.ts';
import type { BenchDatabase } from './setup.ts';
import { BENCH_OPTIONS, cueFired, nowMs, sleep } from './workload.ts';

export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface LatencyResult {
  /** From the start of the `append` call (the time stamped into the event's data) to the subscriber. */
  readonly fromCall: Percentiles;
  /** From the moment `append` returned to the subscriber (negative when the subscriber was first). */
  readonly fromReturn: Percentiles;
  /** Events whose latency counts (after the warm-up). */
  readonly measured: number;
  /** Appends per second the pacer started, and the rate at which they completed. */
  readonly startedRate: number;
  readonly completedRate: number;
}

const STREAMS = 64;

/**
 * Append-to-subscriber latency: one appender (a store with a pool of 8 connections, as an API node has)
 * starts single-event appends paced at `rate` per second for `seconds`, without waiting for one append
 * before starting the next; a subscriber on a store of its own (its own LISTEN connection, as another API
 * node) receives them through `store.subscribe`. Latency runs from the start of the `append` call (the
 * time stamped into the event's data) to the moment the subscriber's iterator hands over the batch that
 * holds the event; the latency from the append's return is measured beside it. The first
 * `warmupSeconds` do not count.
 */
export async function subscriberLatency(
  db: BenchDatabase,
  options: { rate: number; seconds: number; warmupSeconds: number },
): Promise<LatencyResult> {
  const { rate, seconds, warmupSeconds } = options;
  const total = rate * seconds;
  const writer = db.openStore(8, 'bench-latency-writer');
  const reader = db.openStore(2, 'bench-latency-reader');
  try {
    for (let s = 0; s < STREAMS; s++)
      await writer.append(`latency-${s}`, 'any', [cueFired(-1)], BENCH_OPTIONS);
    await reader.notifier.start();
    const subscription = reader.subscribe({ after: await endOfStore(db), pollIntervalMs: 2_000 });
    const sentAt = new Float64Array(total);
    const returnedAt = new Float64Array(total);
    const receivedAt = new Float64Array(total);
    let received = 0;
    const receiving = (async () => {
      for await (const batch of subscription) {
        const at = nowMs();
        for (const event of batch) {
          const { cue, sentAt: sent } = event.data as { cue: number; sentAt?: number };
          if (sent === undefined) continue;
          sentAt[cue] = sent;
          receivedAt[cue] = at;
          // Commits of concurrent appends interleave, so the last cue need not come last: count them.
          if (++received === total) return;
        }
      }
    })();

    const pending: Promise<unknown>[] = [];
    const start = performance.now();
    for (let i = 0; i < total;) {
      // Start every append that is due (a timer tick can be late), then wait for the next one.
      while (i < total && performance.now() - start >= (i * 1000) / rate) {
        const cue = i++;
        const event = cueFired(cue, { sentAt: nowMs() });
        pending.push(
          writer.append(`latency-${cue % STREAMS}`, 'any', [event], BENCH_OPTIONS).then(() => {
            returnedAt[cue] = nowMs();
          }),
        );
      }
      const wait = (i * 1000) / rate - (performance.now() - start);
      if (wait > 0) await sleep(wait);
    }
    const started = performance.now() - start;
    await Promise.all(pending);
    const completed = performance.now() - start;
    await Promise.race([
      receiving,
      sleep(30_000).then(() => {
        throw new Error(
          `the subscriber received ${received} of ${total} events within 30 s of the last append`,
        );
      }),
    ]);
    subscription.close();

    const fromCall: number[] = [];
    const fromReturn: number[] = [];
    for (let cue = rate * warmupSeconds; cue < total; cue++) {
      fromCall.push(receivedAt[cue]! - sentAt[cue]!);
      fromReturn.push(receivedAt[cue]! - returnedAt[cue]!);
    }
    return {
      fromCall: percentiles(fromCall),
      fromReturn: percentiles(fromReturn),
      measured: fromCall.length,
      startedRate: (total * 1000) / started,
      completedRate: (total * 1000) / completed,
    };
  } finally {
    await writer.close();
    await reader.close();
  }
}

/** The checkpoint of the last event in the store (nothing is being written when this is called). */
async function endOfStore(db: BenchDatabase): Promise<Checkpoint> {
  const store = db.openStore(1);
  try {
    const { rows } = await sql<{ transaction_id: string; position: string }>`
      select transaction_id::text as transaction_id, position from events
      order by transaction_id desc, position desc limit 1
    `.execute(store.db);
    const row = rows[0];
    return row
      ? { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) }
      : { transactionId: 0n, position: 0n };
  } finally {
    await store.close();
  }
}

function percentiles(values: number[]): Percentiles {
  const sorted = values.sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
}
