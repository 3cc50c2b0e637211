import type { Timeline, TimelineTask } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { dependencyRows, formatMinutes, ganttLayout, healthCounts, tickStep } from './gantt.ts';

const task = (
  taskId: string,
  start: string,
  finish: string,
  latestFinish: string,
  extra: Partial<TimelineTask> = {},
): TimelineTask => ({
  taskId,
  title: taskId,
  kind: start === finish ? 'milestone' : 'task',
  durationMinutes: (Date.parse(finish) - Date.parse(start)) / 60_000,
  progress: 'todo',
  schedule: {
    earliestStart: start,
    earliestFinish: finish,
    latestStart: start,
    latestFinish,
    slackMinutes: (Date.parse(latestFinish) - Date.parse(finish)) / 60_000,
    critical: latestFinish === finish,
  },
  health: 'on_track',
  ...extra,
});

// Ten days, from 1 March 00:00 WIB to 11 March 00:00 WIB.
const timeline: Timeline = {
  productionId: '6a1f0c2e-0000-4000-8000-0000000000c1',
  version: 4,
  now: '2027-03-03T17:00:00.000Z',
  planningStartsAt: '2027-02-28T17:00:00.000Z',
  showStartsAt: '2027-03-10T17:00:00.000Z',
  finishesAt: '2027-03-10T17:00:00.000Z',
  durationMinutes: 14_400,
  tasks: [
    task('venue', '2027-02-28T17:00:00.000Z', '2027-03-05T17:00:00.000Z', '2027-03-05T17:00:00.000Z'),
    task('izin', '2027-02-28T17:00:00.000Z', '2027-03-02T17:00:00.000Z', '2027-03-05T17:00:00.000Z', {
      health: 'overdue',
    }),
    task('show', '2027-03-10T17:00:00.000Z', '2027-03-10T17:00:00.000Z', '2027-03-10T17:00:00.000Z', {
      health: 'at_risk',
    }),
  ],
  dependencies: [{ predecessorId: 'venue', successorId: 'show' }],
  criticalPath: ['venue', 'show'],
};

describe('ganttLayout', () => {
  const layout = ganttLayout(timeline);
  it('places bars by earliest start and finish, slack as a tail', () => {
    expect(layout.bars.map((b) => [b.leftPct, b.widthPct, b.slackPct])).toEqual([
      [0, 50, 0],
      [0, 20, 30],
      [100, 0, 0],
    ]);
    expect(layout.bars.map((b) => b.milestone)).toEqual([false, false, true]);
  });
  it('marks now and puts daily ticks on Jakarta midnight', () => {
    expect(layout.nowPct).toBe(30);
    expect(layout.ticks).toHaveLength(11);
    expect(layout.ticks[1]).toEqual({ at: '2027-03-01T17:00:00.000Z', leftPct: 10 });
  });
  it('leaves now out when it is outside the chart', () =>
    expect(ganttLayout({ ...timeline, now: '2027-04-01T00:00:00.000Z' }).nowPct).toBeUndefined());
});

describe('helpers', () => {
  it('chooses a tick step by span', () => {
    expect(tickStep(2 * 86_400_000)).toBe(6 * 3_600_000);
    expect(tickStep(60 * 86_400_000)).toBe(7 * 86_400_000);
  });
  it('names dependencies by title', () =>
    expect(dependencyRows(timeline)).toEqual([
      { predecessorId: 'venue', successorId: 'show', from: 'venue', to: 'show' },
    ]));
  it('formats minutes and counts health', () => {
    expect(formatMinutes(4470, { d: 'hr', h: 'j', min: 'mnt' })).toBe('3 hr 2 j 30 mnt');
    expect(formatMinutes(0, { d: 'd', h: 'h', min: 'min' })).toBe('0 min');
    expect(healthCounts(timeline)).toEqual({ overdue: 1, atRisk: 1, critical: 2 });
  });
});
