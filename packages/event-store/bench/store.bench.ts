/**
 * `pnpm bench:store`: the event store's throughput, read speed, reader memory and live latency, beside the
 * machine's raw PostgreSQL insert rate, all on one PostgreSQL in one run. Prints one line per figure
 * (see report.ts), then the ratios and the targets with PASS or MISS.
 *
 * DATABASE_URL: use that server (a fresh `panggung_bench` database, dropped afterwards); otherwise an
 * embedded PostgreSQL is started and removed afterwards.
 */
import os from 'node:os';
import { batchedAppends, singleAppends } from './appends.ts';
import { subscriberLatency } from './latency.ts';
import { readInOrder } from './reading.ts';
import { pgbenchReference } from './reference.ts';
import { figure, note, passed, ratio, target, type Target } from './report.ts';
import { openBenchDatabase, settle } from './setup.ts';

const SINGLE_SECONDS = 8; // as long as each pgbench run of the reference script
const FILL_EVENTS = 1_000_000;
const BATCH_SIZE = 100;
const FILL_WRITERS = 4;
const READ_EVENTS = 1_000_000;
const READ_PAGE = 1_000;
const LATENCY_RATE = 1_000;
const LATENCY_SECONDS = 10;

const print = (line: string): void => console.log(line);
const load = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const began = performance.now();
print(note(`Panggung event store benchmark, ${new Date().toISOString()}`));
print(note(`machine: ${os.availableParallelism()} cores, node ${process.version}, load average ${load()}`));
const db = await openBenchDatabase();
const interrupted = (): void => {
  void db.close().finally(() => process.exit(130));
};
process.once('SIGINT', interrupted);
process.once('SIGTERM', interrupted);

try {
  print(note(`PostgreSQL ${db.serverVersion} (${db.kind}), database panggung_bench`));

  const reference = await pgbenchReference(db.url);
  reference.lines.forEach(print);
  if (reference.skipped) print(note(`raw insert reference skipped: ${reference.skipped}`));

  await settle(db.url);
  const single1 = await singleAppends(db, 1, SINGLE_SECONDS);
  print(figure('single append', 1, single1.perSecond, 'appends/s'));
  const single8 = await singleAppends(db, 8, SINGLE_SECONDS);
  print(figure('single append', 8, single8.perSecond, 'appends/s'));

  await settle(db.url);
  const fill = await batchedAppends(db, {
    events: FILL_EVENTS,
    batchSize: BATCH_SIZE,
    writers: FILL_WRITERS,
    prefix: 'fill',
  });
  print(figure(`batched append (${BATCH_SIZE} events per append)`, FILL_WRITERS, fill.perSecond, 'events/s'));
  print(figure(`fill of ${FILL_EVENTS} events`, FILL_WRITERS, fill.ms, 'ms'));

  await settle(db.url);
  const read = await readInOrder(db.url, READ_EVENTS, READ_PAGE);
  print(
    figure(
      `read all in order (${read.events} events, pages of ${READ_PAGE})`,
      0,
      (read.events * 1000) / read.ms,
      'events/s',
    ),
  );
  print(figure('reader peak memory (RSS)', 0, read.peakRssMb, 'MB'));
  print(note(`reader RSS before its first read: ${read.startRssMb.toFixed(1)} MB`));

  const latency = await subscriberLatency(db, {
    rate: LATENCY_RATE,
    seconds: LATENCY_SECONDS,
    warmupSeconds: 1,
  });
  const at = `at ${LATENCY_RATE} appends/s`;
  print(figure(`subscriber latency p50 ${at}`, 1, latency.fromCall.p50, 'ms'));
  print(figure(`subscriber latency p99 ${at}`, 1, latency.fromCall.p99, 'ms'));
  print(figure(`subscriber latency from append return p50 ${at}`, 1, latency.fromReturn.p50, 'ms'));
  print(figure(`subscriber latency from append return p99 ${at}`, 1, latency.fromReturn.p99, 'ms'));
  print(
    note(
      `latency: from the start of the append call (or its return) to the subscriber's batch; ` +
        `${latency.measured} events after a 1 s warm-up, max ${latency.fromCall.max.toFixed(2)} ms; ` +
        `appends started at ${latency.startedRate.toFixed(0)}/s, completed at ${latency.completedRate.toFixed(0)}/s`,
    ),
  );

  const raw1 = reference.rawInserts.get(1);
  const raw8 = reference.rawInserts.get(8);
  const vs = 'single append vs raw insert';
  if (raw1) print(ratio(vs, 1, single1.perSecond, raw1));
  if (raw8) print(ratio(vs, 8, single8.perSecond, raw8));

  const targets: Target[] = [
    { what: vs, writers: 1, value: raw1 && (single1.perSecond * 100) / raw1, unit: '%', atLeast: 60 },
    { what: vs, writers: 8, value: raw8 && (single8.perSecond * 100) / raw8, unit: '%', atLeast: 50 },
    {
      what: 'batched append',
      writers: FILL_WRITERS,
      value: fill.perSecond,
      unit: 'events/s',
      atLeast: 100_000,
    },
    {
      what: 'read all in order',
      writers: 0,
      value: (read.events * 1000) / read.ms,
      unit: 'events/s',
      atLeast: 250_000,
    },
    { what: 'reader peak memory', writers: 0, value: read.peakRssMb, unit: 'MB', below: 200 },
    { what: 'subscriber latency p99', writers: 1, value: latency.fromCall.p99, unit: 'ms', below: 20 },
  ];
  targets.map(target).forEach(print);
  const results = targets.map(passed);
  print(
    note(
      `${results.filter((r) => r === true).length} PASS, ${results.filter((r) => r === false).length} MISS, ` +
        `${results.filter((r) => r === undefined).length} SKIP; ${((performance.now() - began) / 1000).toFixed(0)} s, load average ${load()}`,
    ),
  );
} finally {
  await db.close();
}
