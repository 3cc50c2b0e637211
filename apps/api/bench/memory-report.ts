/**
 * Loaded into the benchmarked API server with `--import`: once a second it prints the V8 heap in use on
 * stderr as `#panggung-heap-mib <MiB>`, so the bench (another process) can report it beside the RSS it
 * reads from /proc. The timer does not keep the server alive.
 */
export const MEMORY_LINE = '#panggung-heap-mib ';

if (process.env.PANGGUNG_BENCH_MEMORY_REPORT === 'true')
  setInterval(() => {
    process.stderr.write(`${MEMORY_LINE}${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)}\n`);
  }, 1_000).unref();
