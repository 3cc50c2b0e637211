export interface ProgressLine {
  readonly label: string;
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
  /** Characters of the bar itself (default 24). */
  readonly width?: number;
}

const count = new Intl.NumberFormat('en-US');

/** "1m 05s", "12s", "2h 03m": a duration for people. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1_000));
  const h = Math.floor(seconds / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

/**
 * One line of the rebuild's progress: bar, events done / total, events per second and the time left at
 * that rate. Pure, so the CLI only decides where and how often to print it.
 *
 * @example
 * formatProgress({ label: 'budget', done: 500, total: 1_000, elapsedMs: 2_000, width: 10 })
 * // 'budget [#####.....]  50%  500 / 1,000 events  250 events/s  about 2s left'
 */
export function formatProgress({ label, done, total, elapsedMs, width = 24 }: ProgressLine): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const rate = elapsedMs > 0 ? (done / elapsedMs) * 1_000 : 0;
  const left =
    done >= total
      ? 'done'
      : rate > 0
        ? `about ${formatDuration(((total - done) / rate) * 1_000)} left`
        : 'estimating…';
  return `${label} ${bar} ${percent}  ${count.format(done)} / ${count.format(total)} events  ${count.format(Math.round(rate))} events/s  ${left}`;
}
