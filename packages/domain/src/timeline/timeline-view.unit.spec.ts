import { describe, expect, it } from 'vitest';
import { timelineView, type TaskRow } from './timeline-view.ts';

const productionId = '11111111-1111-4111-8111-111111111111';
const showStartsAt = '2027-03-20T19:00:00+07:00';
const row = (taskId: string, durationMinutes: number, extra: Partial<TaskRow> = {}): TaskRow => ({
  taskId,
  title: taskId,
  kind: durationMinutes === 0 ? 'milestone' : 'task',
  durationMinutes,
  progress: 'todo',
  ...extra,
});

describe('timelineView', () => {
  it('plans backwards from the show: the longest chain ends as the show starts', () => {
    // a (2 d) → c (1 d) → show; b (1 d) → c. Critical: a, c, show; b has 1 d of slack.
    const view = timelineView({
      productionId,
      version: 5,
      tasks: [row('a', 2880), row('b', 1440), row('c', 1440), row('show', 0)],
      dependencies: [
        { predecessorId: 'a', successorId: 'c' },
        { predecessorId: 'b', successorId: 'c' },
        { predecessorId: 'c', successorId: 'show' },
      ],
      showStartsAt,
      now: '2027-03-01T09:00:00+07:00',
    });
    expect(view.planningStartsAt).toBe('2027-03-17T12:00:00.000Z');
    expect(view.durationMinutes).toBe(4320);
    expect(view.criticalPath).toEqual(['a', 'c', 'show']);
    const b = view.tasks.find((t) => t.taskId === 'b')!;
    expect(b.schedule).toEqual({
      earliestStart: '2027-03-17T12:00:00.000Z',
      earliestFinish: '2027-03-18T12:00:00.000Z',
      latestStart: '2027-03-18T12:00:00.000Z',
      latestFinish: '2027-03-19T12:00:00.000Z',
      slackMinutes: 1440,
      critical: false,
    });
    expect(view.tasks.find((t) => t.taskId === 'show')!.schedule.earliestStart).toBe(
      '2027-03-20T12:00:00.000Z',
    );
  });

  it('judges health at now: overdue, at risk, done', () => {
    const view = timelineView({
      productionId,
      version: 1,
      tasks: [
        row('late', 60, { dueAt: '2027-03-01T08:00:00+07:00' }),
        row('tight', 600, { dueAt: '2027-03-01T12:00:00+07:00' }),
        row('finished', 60, { dueAt: '2027-03-01T08:00:00+07:00', progress: 'done' }),
      ],
      dependencies: [],
      showStartsAt,
      now: '2027-03-01T09:00:00+07:00',
    });
    expect(view.tasks.map((t) => t.health)).toEqual(['overdue', 'at_risk', 'done']);
    expect(view.tasks[0]!.healthReason).toBe('Due 1 h ago');
  });

  // Its speed is measured by `pnpm bench:planning`, not asserted here.
  it('schedules a 1,000-task chain: every task on the critical path', () => {
    const tasks = Array.from({ length: 1000 }, (_, i) => row(`t${i}`, 60 + (i % 7) * 30));
    const dependencies = tasks
      .slice(1)
      .flatMap((t, i) => [
        { predecessorId: `t${i}`, successorId: t.taskId },
        ...(i > 10 ? [{ predecessorId: `t${i - 10}`, successorId: t.taskId }] : []),
      ]);
    const input = { productionId, version: 1, tasks, dependencies, showStartsAt, now: showStartsAt };
    const view = timelineView(input);
    expect(view.criticalPath).toHaveLength(1000);
    expect(view.tasks.every((task) => task.schedule.slackMinutes === 0)).toBe(true);
  });
});
