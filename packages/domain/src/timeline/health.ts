import type { ScheduledTask, Task, TaskHealth } from '@panggung/contracts';

const MINUTE = 60_000;

export interface TaskHealthReport {
  readonly taskId: string;
  readonly health: TaskHealth;
  /** Why it is at risk or overdue, for people. */
  readonly reason?: string;
}

/**
 * How each task stands against its due date at `now` (given, never read from a clock):
 * - done: listed in `done`;
 * - overdue: its due date has passed;
 * - at risk: the planned schedule finishes it after its due date, or it could not be finished in time
 *   even if started now;
 * - on track: otherwise, and always when it has no due date.
 *
 * @example
 * timelineHealth(tasks, criticalPath(tasks, deps, start).schedule, start, '2027-03-01T09:00:00+07:00');
 */
export function timelineHealth(
  tasks: readonly Task[],
  schedule: readonly ScheduledTask[],
  projectStart: string,
  now: string,
  done: ReadonlySet<string> = new Set(),
): TaskHealthReport[] {
  const startMs = Date.parse(projectStart);
  const nowMs = Date.parse(now);
  const planned = new Map(schedule.map((s) => [s.taskId, s]));
  return tasks.map((task): TaskHealthReport => {
    const { taskId } = task;
    if (done.has(taskId)) return { taskId, health: 'done' };
    if (task.dueAt === undefined) return { taskId, health: 'on_track' };
    const dueMs = Date.parse(task.dueAt);
    if (nowMs > dueMs) return { taskId, health: 'overdue', reason: `Due ${duration(nowMs - dueMs)} ago` };
    const plan = planned.get(taskId);
    const plannedFinish = plan ? startMs + plan.earliestFinish * MINUTE : undefined;
    if (plannedFinish !== undefined && plannedFinish > dueMs)
      return {
        taskId,
        health: 'at_risk',
        reason: `The plan finishes it ${duration(plannedFinish - dueMs)} after its due date`,
      };
    if (nowMs + task.durationMinutes * MINUTE > dueMs)
      return {
        taskId,
        health: 'at_risk',
        reason: `It takes ${duration(task.durationMinutes * MINUTE)} and is due in ${duration(dueMs - nowMs)}`,
      };
    return { taskId, health: 'on_track' };
  });
}

function duration(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days && `${days} d`, hours && `${hours} h`, rest && `${rest} min`].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 min';
}
