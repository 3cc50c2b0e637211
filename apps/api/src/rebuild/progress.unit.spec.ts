import { describe, expect, it } from 'vitest';
import { formatDuration, formatProgress } from './progress.ts';

describe('rebuild progress', () => {
  it('shows the bar, events done / total, the rate and the time left at that rate', () => {
    expect(formatProgress({ label: 'budget', done: 500, total: 1_000, elapsedMs: 2_000, width: 10 })).toBe(
      'budget [#####.....]  50%  500 / 1,000 events  250 events/s  about 2s left',
    );
  });

  it('estimates nothing before the first batch and says done at the end', () => {
    expect(formatProgress({ label: 'crew', done: 0, total: 10, elapsedMs: 0, width: 4 })).toBe(
      'crew [....]   0%  0 / 10 events  0 events/s  estimating…',
    );
    expect(formatProgress({ label: 'crew', done: 10, total: 10, elapsedMs: 500, width: 4 })).toBe(
      'crew [####] 100%  10 / 10 events  20 events/s  done',
    );
  });

  it('writes durations in hours, minutes and seconds', () => {
    expect(formatDuration(4_400)).toBe('4s');
    expect(formatDuration(65_000)).toBe('1m 05s');
    expect(formatDuration(7_380_000)).toBe('2h 03m');
  });
});
