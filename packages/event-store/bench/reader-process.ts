/**
 * The in-order reader, run as a child process of the benchmark so that its peak memory is its own:
 * reads `count` events with `readAll`, page after page from the last checkpoint, and prints one JSON line.
 * Usage: tsx bench/reader-process.ts <database url> <count> <page size>
 */
import fs from 'node:fs';
import { compareCheckpoints, createEventStore, START } from '../src/index.ts';

export interface ReaderReport {
  readonly events: number;
  readonly ms: number;
  /** Peak resident set size of this process (MB): VmHWM, or resourceUsage's maxRSS off Linux. */
  readonly peakRssMb: number;
  /** Peak RSS before the first read: the runtime, the TypeScript loader and the store's modules. */
  readonly startRssMb: number;
}

function peakRssMb(): number {
  const status = fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '';
  const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
  return (match ? Number(match[1]) : process.resourceUsage().maxRSS) / 1024;
}

const [url, countText, pageText] = process.argv.slice(2);
if (!url || !countText || !pageText) {
  console.error('usage: reader-process.ts <database url> <count> <page size>');
  process.exit(2);
}
const count = Number(countText);
const pageSize = Number(pageText);
const store = createEventStore({ connectionString: url, poolSize: 1, applicationName: 'bench-reader' });
try {
  await store.streamVersion('warm-up'); // connect before the clock starts
  const startRssMb = peakRssMb();
  const start = performance.now();
  let checkpoint = START;
  let events = 0;
  while (events < count) {
    const page = await store.readAll(checkpoint, Math.min(pageSize, count - events));
    if (page.events.length === 0) throw new Error(`only ${events} of ${count} events to read`);
    // Keep nothing but the position: a reader that holds pages would measure itself, not the store.
    if (compareCheckpoints(page.events[0]!.checkpoint, checkpoint) <= 0) throw new Error('out of order');
    checkpoint = page.checkpoint;
    events += page.events.length;
  }
  const ms = performance.now() - start;
  const report: ReaderReport = { events, ms, peakRssMb: peakRssMb(), startRssMb };
  console.log(JSON.stringify(report));
} finally {
  await store.close();
}
