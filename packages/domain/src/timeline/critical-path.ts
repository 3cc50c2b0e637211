import type { Dependency, ScheduledTask, Task } from '@panggung/contracts';
import { ValidationError } from '../core/errors.ts';
import { buildGraph, topologicalOrder } from './graph.ts';

const MINUTE = 60_000;

export interface CriticalPathResult {
  readonly projectStart: string;
  /** Minutes from the project start to the earliest finish of the whole timeline. */
  readonly duration: number;
  /** ISO instant (UTC) of that finish. */
  readonly finishesAt: string;
  /** One per task, in the order the tasks were given. */
  readonly schedule: readonly ScheduledTask[];
  /** Tasks with zero slack, by earliest start (ties in dependency order). */
  readonly criticalPath: readonly string[];
}

/**
 * Earliest and latest start and finish of every task (minutes from `projectStart`), its slack and the
 * critical path, by the critical path method over finish-to-start dependencies: a forward pass in
 * dependency order, then a backward pass from the project's finish. Linear in tasks plus dependencies.
 * Throws a DependencyCycleError naming a cycle, a NotFoundError for a dependency on an unknown task.
 *
 * @example
 * criticalPath([design, build], [{ predecessorId: design.taskId, successorId: build.taskId }],
 *   '2027-03-01T09:00:00+07:00').criticalPath; // [design.taskId, build.taskId]
 */
export function criticalPath(
  tasks: readonly Task[],
  dependencies: readonly Dependency[],
  projectStart: string,
): CriticalPathResult {
  const startMs = Date.parse(projectStart);
  if (Number.isNaN(startMs)) throw new ValidationError('The project start is not an instant', 'projectStart');
  const graph = buildGraph(
    tasks.map((t) => t.taskId),
    dependencies,
  );
  const order = topologicalOrder(graph, (id) => tasks[graph.position.get(id)!]?.title ?? id);
  const n = tasks.length;
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  for (const i of order) {
    let start = 0;
    for (const p of graph.predecessors[i]!) if (ef[p]! > start) start = ef[p]!;
    es[i] = start;
    ef[i] = start + tasks[i]!.durationMinutes;
  }
  let duration = 0;
  for (let i = 0; i < n; i++) if (ef[i]! > duration) duration = ef[i]!;
  const lf = new Float64Array(n);
  const ls = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const i = order[k]!;
    let finish = duration;
    for (const s of graph.successors[i]!) if (ls[s]! < finish) finish = ls[s]!;
    lf[i] = finish;
    ls[i] = finish - tasks[i]!.durationMinutes;
  }
  const schedule: ScheduledTask[] = tasks.map((task, i) => {
    const slack = ls[i]! - es[i]!;
    return {
      taskId: task.taskId,
      earliestStart: es[i]!,
      earliestFinish: ef[i]!,
      latestStart: ls[i]!,
      latestFinish: lf[i]!,
      slack,
      critical: slack === 0,
    };
  });
  const rank = new Int32Array(n);
  order.forEach((i, k) => (rank[i] = k));
  const criticalPositions = order.filter((i) => ls[i] === es[i]);
  criticalPositions.sort((a, b) => es[a]! - es[b]! || rank[a]! - rank[b]!);
  return {
    projectStart,
    duration,
    finishesAt: new Date(startMs + duration * MINUTE).toISOString(),
    schedule,
    criticalPath: criticalPositions.map((i) => tasks[i]!.taskId),
  };
}
