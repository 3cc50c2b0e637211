import { parseArgs } from 'node:util';
import { createEventStore } from '@panggung/event-store';
import { formatProgress } from '../rebuild/progress.ts';
import { rebuildProjections, type RebuildProgress, type RebuildReport } from '../rebuild/rebuild.ts';
import type { Database } from '../schema/tables.ts';
import { projections } from '../services/projections.ts';

/**
 * `pnpm projections:rebuild [--dry-run] [--accept-differences] [name…]`: rebuilds the named projections
 * (all by default) from the first event into shadow tables while the API keeps serving, reading the log
 * once for all of them, checks each equal to the live one and swaps it in (README: Rebuilding
 * projections). Progress goes to stderr, the reports to stdout; the exit code is 1 when a projection was
 * not swapped in.
 */
const USAGE = 'Usage: pnpm projections:rebuild [--dry-run] [--accept-differences] [name…]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    'accept-differences': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
const known = projections.map((p) => p.name);
if (values.help) {
  console.log(`${USAGE}\nProjections: ${known.join(', ')}`);
  process.exit(0);
}
const unknown = positionals.filter((name) => !known.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown projection ${unknown.join(', ')}. Projections: ${known.join(', ')}\n${USAGE}`);
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: give the PostgreSQL whose projections to rebuild.');
  process.exit(2);
}

/**
 * Redraws one line on a terminal (at most 10 times a second); elsewhere prints a line every 5 s. A new
 * stage (the shared replay, each projection's swap) always gets its line.
 */
function progressPrinter(): { update(progress: RebuildProgress): void; end(): void } {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let printed = 0;
  let latest: RebuildProgress | undefined;
  let stage = '';
  const labelOf = ({ projection, phase }: RebuildProgress) =>
    phase === 'swapping' ? `${projection} (swapping)` : projection;
  const print = (progress: RebuildProgress) => {
    const line = formatProgress({ ...progress, label: labelOf(progress), elapsedMs: Date.now() - started });
    process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  };
  return {
    update(progress) {
      const next = labelOf(progress);
      // The last figures of the stage that ends, then the new one at once.
      if (next !== stage && latest && tty) {
        print(latest);
        process.stderr.write('\n');
      }
      latest = progress;
      if (next === stage && Date.now() - printed < (tty ? 100 : 5_000)) return;
      stage = next;
      printed = Date.now();
      print(progress);
    },
    end() {
      if (latest) print(latest);
      if (tty && latest) process.stderr.write('\n');
    },
  };
}

function describe(report: RebuildReport): string {
  const events = `${report.events.toLocaleString('en-US')} events`;
  if (report.differences.length === 0)
    return `${report.projection}: ${events}, equal to the live projection${report.swapped ? ', swapped in' : ' (dry run)'}`;
  const rows = report.differences.reduce((sum, d) => sum + d.count, 0);
  const where = report.swapped
    ? 'swapped in anyway (--accept-differences)'
    : report.keptIn
      ? `live tables unchanged; rebuilt tables kept in schema ${report.keptIn}`
      : 'live tables unchanged';
  const details = report.differences.flatMap((d) => [
    `  ${d.table}: ${d.count} rows differ`,
    ...d.onlyLive.map((row) => `    only live:    ${JSON.stringify(row)}`),
    ...d.onlyRebuilt.map((row) => `    only rebuilt: ${JSON.stringify(row)}`),
  ]);
  return [
    `${report.projection}: ${events}, ${rows} rows differ from the live projection; ${where}`,
    ...details,
  ].join('\n');
}

const store = createEventStore<Database>({ connectionString: url, poolSize: 3 });
const chosen = positionals.length > 0 ? projections.filter((p) => positionals.includes(p.name)) : projections;
const printer = progressPrinter();
try {
  const reports = await rebuildProjections(store, chosen, {
    dryRun: values['dry-run'],
    acceptDifferences: values['accept-differences'],
    onProgress: (progress) => printer.update(progress),
  });
  printer.end();
  for (const report of reports) {
    console.log(describe(report));
    if (!report.swapped && !values['dry-run']) process.exitCode = 1;
  }
} catch (error) {
  printer.end();
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await store.close();
}
