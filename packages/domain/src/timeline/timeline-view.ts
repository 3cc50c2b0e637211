import type { Dependency, Task, TaskProgress, Timeline, TimelineTask } from '@panggung/contracts';
import { criticalPath } from './critical-path.ts';
import { timelineHealth } from './health.ts';

const MINUTE = 60_000;

/** A task as the read model holds it: the task, how far it got, and its owner's name. */
export interface TaskRow extends Task {
  readonly progress: TaskProgress;
  readonly startedAt?: string;
  readonly completedAt?: string;
  readonly ownerName?: string;
}

/**
 * The timeline as the Gantt view reads it, computed on read: the critical path method over the
 * dependencies, planned backwards so the last task finishes as the show starts (planning start = show
 * start − longest chain), and each task's health at `now`. Linear in tasks plus dependencies.
 *
 * @example
 * timelineView({ productionId, version: 3, tasks, dependencies, showStartsAt, now }).criticalPath;
 */
export function timelineView(input: {
  readonly productionId: string;
  readonly version: number;
  readonly tasks: readonly TaskRow[];
  readonly dependencies: readonly Dependency[];
  readonly showStartsAt: string;
  readonly now: string;
}): Timeline {
  const { productionId, version, tasks, dependencies, showStartsAt, now } = input;
  const showMs = Date.parse(showStartsAt);
  // Forward pass from an arbitrary origin gives the duration; the real start is then the show minus it.
  const probe = criticalPath(tasks, dependencies, showStartsAt);
  const startMs = showMs - probe.duration * MINUTE;
  const planningStartsAt = new Date(startMs).toISOString();
  const at = (minutes: number) => new Date(startMs + minutes * MINUTE).toISOString();
  const done = new Set(tasks.filter((t) => t.progress === 'done').map((t) => t.taskId));
  const health = timelineHealth(tasks, probe.schedule, planningStartsAt, now, done);
  return {
    productionId,
    version,
    now,
    planningStartsAt,
    showStartsAt: new Date(showMs).toISOString(),
    finishesAt: new Date(showMs).toISOString(),
    durationMinutes: probe.duration,
    tasks: tasks.map((row, i): TimelineTask => {
      const s = probe.schedule[i]!;
      const h = health[i]!;
      return {
        taskId: row.taskId,
        title: row.title,
        kind: row.kind,
        ...(row.ownerId ? { ownerId: row.ownerId } : {}),
        ...(row.ownerName ? { ownerName: row.ownerName } : {}),
        durationMinutes: row.durationMinutes,
        ...(row.dueAt ? { dueAt: new Date(row.dueAt).toISOString() } : {}),
        progress: row.progress,
        ...(row.startedAt ? { startedAt: row.startedAt } : {}),
        ...(row.completedAt ? { completedAt: row.completedAt } : {}),
        schedule: {
          earliestStart: at(s.earliestStart),
          earliestFinish: at(s.earliestFinish),
          latestStart: at(s.latestStart),
          latestFinish: at(s.latestFinish),
          slackMinutes: s.slack,
          critical: s.critical,
        },
        health: h.health,
        ...(h.reason ? { healthReason: h.reason } : {}),
      };
    }),
    dependencies: dependencies.map((d) => ({ predecessorId: d.predecessorId, successorId: d.successorId })),
    criticalPath: [...probe.criticalPath],
  };
}
