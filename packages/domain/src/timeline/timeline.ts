import type { Dependency, Task, TimelineEvents } from '@panggung/contracts';
import { IllegalStateError, NotFoundError, ValidationError } from '../core/errors.ts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';
import { DependencyCycleError } from './errors.ts';
import { buildGraph, pathBetween } from './graph.ts';

/** The stream that holds a production's timeline. */
export const timelineStream = (productionId: string): string => `timeline-${productionId}`;

export type TimelineCommand =
  | Command<'AddTask', { productionId: string; task: Task }>
  | Command<'AddDependency', { productionId: string } & Dependency>
  | Command<'RemoveDependency', { productionId: string } & Dependency>;

export type TimelineEvent =
  | DomainEvent<'TaskAdded', TimelineEvents.TaskAdded>
  | DomainEvent<'DependencyAdded', TimelineEvents.DependencyAdded>
  | DomainEvent<'DependencyRemoved', TimelineEvents.DependencyRemoved>;

export type TimelineState =
  | { readonly status: 'empty' }
  | {
      readonly status: 'planning';
      readonly productionId: string;
      /** In the order they were added. */
      readonly tasks: ReadonlyMap<string, Task>;
      readonly dependencies: readonly Dependency[];
    };

export const initialTimelineState: TimelineState = { status: 'empty' };

export function evolveTimeline(state: TimelineState, event: TimelineEvent): TimelineState {
  switch (event.type) {
    case 'TaskAdded': {
      const { productionId, task } = event.data;
      if (state.status === 'empty')
        return { status: 'planning', productionId, tasks: new Map([[task.taskId, task]]), dependencies: [] };
      return { ...state, tasks: new Map(state.tasks).set(task.taskId, task) };
    }
    case 'DependencyAdded': {
      if (state.status === 'empty') return state;
      const { predecessorId, successorId } = event.data;
      return { ...state, dependencies: [...state.dependencies, { predecessorId, successorId }] };
    }
    case 'DependencyRemoved': {
      if (state.status === 'empty') return state;
      const { predecessorId, successorId } = event.data;
      return {
        ...state,
        dependencies: state.dependencies.filter(
          (d) => !(d.predecessorId === predecessorId && d.successorId === successorId),
        ),
      };
    }
    default:
      return assertNever(event);
  }
}

/** Decides what a command means for a production's timeline, or throws a DomainError saying why not. */
export function decideTimeline(command: TimelineCommand, state: TimelineState): TimelineEvent[] {
  switch (command.type) {
    case 'AddTask': {
      const { productionId, task } = command.data;
      if (state.status === 'planning' && state.tasks.has(task.taskId))
        throw new IllegalStateError(`Task ${task.taskId} is already in the timeline`);
      if (!Number.isInteger(task.durationMinutes) || task.durationMinutes < 0)
        throw new ValidationError('A duration is a whole number of minutes, 0 or more', 'durationMinutes');
      if (task.kind === 'milestone' && task.durationMinutes !== 0)
        throw new ValidationError('A milestone is a point in time: its duration is 0', 'durationMinutes');
      if (task.kind === 'task' && task.durationMinutes === 0)
        throw new ValidationError('A task takes time; a point in time is a milestone', 'durationMinutes');
      if (task.dueAt !== undefined && Number.isNaN(Date.parse(task.dueAt)))
        throw new ValidationError('The due date is not an instant', 'dueAt');
      return [{ type: 'TaskAdded', data: { productionId, task } }];
    }
    case 'AddDependency': {
      const { productionId, predecessorId, successorId } = command.data;
      const tasks = state.status === 'planning' ? state.tasks : new Map<string, Task>();
      const dependencies = state.status === 'planning' ? state.dependencies : [];
      if (!tasks.has(predecessorId))
        throw new NotFoundError(`Task ${predecessorId} was not found`, 'predecessorId');
      if (!tasks.has(successorId))
        throw new NotFoundError(`Task ${successorId} was not found`, 'successorId');
      if (dependencies.some((d) => d.predecessorId === predecessorId && d.successorId === successorId))
        return [];
      const titleOf = (id: string) => tasks.get(id)?.title ?? id;
      if (predecessorId === successorId)
        throw new DependencyCycleError([predecessorId, predecessorId], titleOf);
      // The new edge predecessor → successor closes a cycle exactly when successor already leads to predecessor.
      const back = pathBetween(buildGraph([...tasks.keys()], dependencies), successorId, predecessorId);
      if (back) throw new DependencyCycleError([predecessorId, ...back], titleOf);
      return [{ type: 'DependencyAdded', data: { productionId, predecessorId, successorId } }];
    }
    case 'RemoveDependency': {
      const { productionId, predecessorId, successorId } = command.data;
      const exists =
        state.status === 'planning' &&
        state.dependencies.some((d) => d.predecessorId === predecessorId && d.successorId === successorId);
      if (!exists) throw new NotFoundError('There is no such dependency');
      return [{ type: 'DependencyRemoved', data: { productionId, predecessorId, successorId } }];
    }
    default:
      return assertNever(command);
  }
}
