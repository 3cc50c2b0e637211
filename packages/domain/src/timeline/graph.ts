import type { Dependency } from '@panggung/contracts';
import { NotFoundError } from '../core/errors.ts';
import { DependencyCycleError } from './errors.ts';

/** Tasks as array positions and finish-to-start edges as adjacency lists, for linear-time passes. */
export interface TaskGraph {
  readonly ids: readonly string[];
  readonly position: ReadonlyMap<string, number>;
  readonly successors: readonly (readonly number[])[];
  readonly predecessors: readonly (readonly number[])[];
}

export function buildGraph(taskIds: readonly string[], dependencies: readonly Dependency[]): TaskGraph {
  const position = new Map<string, number>();
  taskIds.forEach((id, i) => position.set(id, i));
  const successors: number[][] = taskIds.map(() => []);
  const predecessors: number[][] = taskIds.map(() => []);
  for (const { predecessorId, successorId } of dependencies) {
    const from = position.get(predecessorId);
    const to = position.get(successorId);
    if (from === undefined) throw new NotFoundError(`Task ${predecessorId} was not found`, 'predecessorId');
    if (to === undefined) throw new NotFoundError(`Task ${successorId} was not found`, 'successorId');
    successors[from]!.push(to);
    predecessors[to]!.push(from);
  }
  return { ids: taskIds, position, successors, predecessors };
}

/**
 * Positions in an order where every predecessor comes before its successors (Kahn's algorithm), or a
 * DependencyCycleError naming one cycle.
 */
export function topologicalOrder(graph: TaskGraph, titleOf: (id: string) => string = (id) => id): number[] {
  const waiting = graph.predecessors.map((p) => p.length);
  const order: number[] = [];
  for (let i = 0; i < waiting.length; i++) if (waiting[i] === 0) order.push(i);
  for (let head = 0; head < order.length; head++) {
    for (const next of graph.successors[order[head]!]!) {
      waiting[next]! -= 1;
      if (waiting[next] === 0) order.push(next);
    }
  }
  if (order.length < graph.ids.length) {
    const cycle = findCycle(graph) ?? [];
    throw new DependencyCycleError(
      cycle.map((i) => graph.ids[i]!),
      titleOf,
    );
  }
  return order;
}

/** One cycle as positions, first repeated at the end (`a → b → a`), or undefined when there is none. */
export function findCycle(graph: TaskGraph): number[] | undefined {
  const colour = new Uint8Array(graph.ids.length); // 0 unvisited, 1 on the current path, 2 done
  for (let root = 0; root < graph.ids.length; root++) {
    if (colour[root] !== 0) continue;
    // Iterative depth-first search: a thousand-task chain must not overflow the stack.
    const path: number[] = [root];
    const nextChild: number[] = [0];
    colour[root] = 1;
    while (path.length > 0) {
      const node = path[path.length - 1]!;
      const children = graph.successors[node]!;
      const k = nextChild[nextChild.length - 1]!;
      if (k < children.length) {
        nextChild[nextChild.length - 1] = k + 1;
        const child = children[k]!;
        if (colour[child] === 1) return [...path.slice(path.indexOf(child)), child];
        if (colour[child] === 0) {
          colour[child] = 1;
          path.push(child);
          nextChild.push(0);
        }
      } else {
        colour[node] = 2;
        path.pop();
        nextChild.pop();
      }
    }
  }
  return undefined;
}

/**
 * The path `from → … → to` along existing dependencies, or undefined. Adding `to → from` would close it
 * into a cycle.
 */
export function pathBetween(graph: TaskGraph, from: string, to: string): string[] | undefined {
  const start = graph.position.get(from);
  const goal = graph.position.get(to);
  if (start === undefined || goal === undefined) return undefined;
  const cameFrom = new Int32Array(graph.ids.length).fill(-1);
  cameFrom[start] = start;
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    if (node === goal) {
      const path = [node];
      for (let at = node; at !== start; at = cameFrom[at]!) path.push(cameFrom[at]!);
      return path.reverse().map((i) => graph.ids[i]!);
    }
    for (const next of graph.successors[node]!) {
      if (cameFrom[next] === -1) {
        cameFrom[next] = node;
        queue.push(next);
      }
    }
  }
  return undefined;
}
