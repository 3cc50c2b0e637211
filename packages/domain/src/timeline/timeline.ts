import type {
  Dependency,
  Task,
  TaskChanges,
  TimelineEvents,
  TimelineTemplateKind,
} from '@panggung/contracts';
import { IllegalStateError, NotFoundError, ValidationError } from '../core/errors.ts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';
import { DependencyCycleError } from './errors.ts';
import { buildGraph, pathBetween } from './graph.ts';
import { anchorTemplate, TIMELINE_TEMPLATES } from './templates.ts';

/** The stream that holds a production's timeline. */
export const timelineStream = (productionId: string): string => `timeline-${productionId}`;

export type TimelineCommand =
  | Command<'AddTask', { productionId: string; task: Task }>
  | Command<'UpdateTask', { productionId: string; taskId: string; changes: TaskChanges }>
  | Command<'StartTask', { productionId: string; taskId: string }>
  | Command<'CompleteTask', { productionId: string; taskId: string }>
  | Command<'RemoveTask', { productionId: string; taskId: string }>
  | Command<'AddDependency', { productionId: string } & Dependency>
  | Command<'RemoveDependency', { productionId: string } & Dependency>
  | Command<
      'ApplyTemplate',
      {
        productionId: string;
        template: TimelineTemplateKind;
        showStartsAt: string;
        /** One new id per template task, in the template's order (the domain makes no ids). */
        taskIds: readonly string[];
      }
    >;

export type TimelineEvent =
  | DomainEvent<'TaskAdded', TimelineEvents.TaskAdded>
  | DomainEvent<'TaskUpdated', TimelineEvents.TaskUpdated>
  | DomainEvent<'TaskStarted', TimelineEvents.TaskStarted>
  | DomainEvent<'TaskCompleted', TimelineEvents.TaskCompleted>
  | DomainEvent<'TaskRemoved', TimelineEvents.TaskRemoved>
  | DomainEvent<'DependencyAdded', TimelineEvents.DependencyAdded>
  | DomainEvent<'DependencyRemoved', TimelineEvents.DependencyRemoved>
  | DomainEvent<'TemplateApplied', TimelineEvents.TemplateApplied>;

export const TIMELINE_EVENT_TYPES: ReadonlySet<string> = new Set<TimelineEvent['type']>([
  'TaskAdded',
  'TaskUpdated',
  'TaskStarted',
  'TaskCompleted',
  'TaskRemoved',
  'DependencyAdded',
  'DependencyRemoved',
  'TemplateApplied',
]);

/** A task's progress: absent means not started. */
export type TaskProgressState =
  | { readonly status: 'started'; readonly startedAt: string }
  | { readonly status: 'done'; readonly startedAt?: string; readonly completedAt: string };

export type TimelineState =
  | { readonly status: 'empty' }
  | {
      readonly status: 'planning';
      readonly productionId: string;
      /** In the order they were added. */
      readonly tasks: ReadonlyMap<string, Task>;
      readonly dependencies: readonly Dependency[];
      readonly progress: ReadonlyMap<string, TaskProgressState>;
      readonly templatesApplied: readonly TimelineTemplateKind[];
    };

export const initialTimelineState: TimelineState = { status: 'empty' };

type Planning = Extract<TimelineState, { status: 'planning' }>;

const planningOf = (state: TimelineState, productionId: string): Planning =>
  state.status === 'planning'
    ? state
    : {
        status: 'planning',
        productionId,
        tasks: new Map(),
        dependencies: [],
        progress: new Map(),
        templatesApplied: [],
      };

/** Applies the changes to a task: `null` clears an optional field. */
export function changedTask(task: Task, changes: TaskChanges): Task {
  const { ownerId, dueAt, ...rest } = { ...task, ...changes };
  return {
    ...rest,
    ...(ownerId ? { ownerId } : {}),
    ...(dueAt ? { dueAt } : {}),
  };
}

export function evolveTimeline(state: TimelineState, event: TimelineEvent): TimelineState {
  const planning = planningOf(state, event.data.productionId);
  switch (event.type) {
    case 'TaskAdded': {
      const { task } = event.data;
      return { ...planning, tasks: new Map(planning.tasks).set(task.taskId, task) };
    }
    case 'TaskUpdated': {
      const task = planning.tasks.get(event.data.taskId);
      if (!task) return planning;
      return {
        ...planning,
        tasks: new Map(planning.tasks).set(task.taskId, changedTask(task, event.data.changes)),
      };
    }
    case 'TaskStarted':
      return {
        ...planning,
        progress: new Map(planning.progress).set(event.data.taskId, {
          status: 'started',
          startedAt: event.data.at,
        }),
      };
    case 'TaskCompleted': {
      const before = planning.progress.get(event.data.taskId);
      return {
        ...planning,
        progress: new Map(planning.progress).set(event.data.taskId, {
          status: 'done',
          ...(before?.startedAt ? { startedAt: before.startedAt } : {}),
          completedAt: event.data.at,
        }),
      };
    }
    case 'TaskRemoved': {
      const { taskId } = event.data;
      const tasks = new Map(planning.tasks);
      tasks.delete(taskId);
      const progress = new Map(planning.progress);
      progress.delete(taskId);
      const dependencies = planning.dependencies.filter(
        (d) => d.predecessorId !== taskId && d.successorId !== taskId,
      );
      return { ...planning, tasks, progress, dependencies };
    }
    case 'DependencyAdded': {
      const { predecessorId, successorId } = event.data;
      return { ...planning, dependencies: [...planning.dependencies, { predecessorId, successorId }] };
    }
    case 'DependencyRemoved': {
      const { predecessorId, successorId } = event.data;
      return {
        ...planning,
        dependencies: planning.dependencies.filter(
          (d) => !(d.predecessorId === predecessorId && d.successorId === successorId),
        ),
      };
    }
    case 'TemplateApplied':
      return { ...planning, templatesApplied: [...planning.templatesApplied, event.data.template] };
    default:
      return assertNever(event);
  }
}

/** The rules every task must keep, whether added or changed. */
function checkTask(task: Task): void {
  if (!Number.isInteger(task.durationMinutes) || task.durationMinutes < 0)
    throw new ValidationError('A duration is a whole number of minutes, 0 or more', 'durationMinutes');
  if (task.kind === 'milestone' && task.durationMinutes !== 0)
    throw new ValidationError('A milestone is a point in time: its duration is 0', 'durationMinutes');
  if (task.kind === 'task' && task.durationMinutes === 0)
    throw new ValidationError('A task takes time; a point in time is a milestone', 'durationMinutes');
  if (task.dueAt !== undefined && Number.isNaN(Date.parse(task.dueAt)))
    throw new ValidationError('The due date is not an instant', 'dueAt');
  if (task.title.trim() === '') throw new ValidationError('A task needs a title', 'title');
}

function taskOrThrow(state: TimelineState, taskId: string): Task {
  const task = state.status === 'planning' ? state.tasks.get(taskId) : undefined;
  if (!task) throw new NotFoundError(`Task ${taskId} was not found`, 'taskId');
  return task;
}

const progressOf = (state: TimelineState, taskId: string) =>
  state.status === 'planning' ? state.progress.get(taskId) : undefined;

/** Decides what a command means for a production's timeline, or throws a DomainError saying why not. */
export function decideTimeline(command: TimelineCommand, state: TimelineState): TimelineEvent[] {
  switch (command.type) {
    case 'AddTask': {
      const { productionId, task } = command.data;
      if (state.status === 'planning' && state.tasks.has(task.taskId))
        throw new IllegalStateError(`Task ${task.taskId} is already in the timeline`);
      checkTask(task);
      return [{ type: 'TaskAdded', data: { productionId, task } }];
    }
    case 'UpdateTask': {
      const { productionId, taskId, changes } = command.data;
      const task = taskOrThrow(state, taskId);
      if (progressOf(state, taskId)?.status === 'done')
        throw new IllegalStateError(`“${task.title}” is done and can no longer be changed`, 'taskId');
      const next = changedTask(task, changes);
      checkTask(next);
      const effective = Object.fromEntries(
        Object.entries(changes).filter(
          ([key, value]) => (task[key as keyof Task] ?? null) !== (value ?? null),
        ),
      ) as TaskChanges;
      if (Object.keys(effective).length === 0) return [];
      return [{ type: 'TaskUpdated', data: { productionId, taskId, changes: effective } }];
    }
    case 'StartTask': {
      const { productionId, taskId } = command.data;
      const task = taskOrThrow(state, taskId);
      if (task.kind === 'milestone')
        throw new IllegalStateError(`“${task.title}” is a milestone: it is reached, not started`, 'taskId');
      const progress = progressOf(state, taskId);
      if (progress?.status === 'started') throw new IllegalStateError(`“${task.title}” is already started`);
      if (progress?.status === 'done') throw new IllegalStateError(`“${task.title}” is already done`);
      return [{ type: 'TaskStarted', data: { productionId, taskId, at: command.metadata.now } }];
    }
    case 'CompleteTask': {
      const { productionId, taskId } = command.data;
      const task = taskOrThrow(state, taskId);
      if (progressOf(state, taskId)?.status === 'done')
        throw new IllegalStateError(`“${task.title}” is already done`);
      return [{ type: 'TaskCompleted', data: { productionId, taskId, at: command.metadata.now } }];
    }
    case 'RemoveTask': {
      const { productionId, taskId } = command.data;
      taskOrThrow(state, taskId);
      const dependenciesRemoved =
        state.status === 'planning'
          ? state.dependencies
              .filter((d) => d.predecessorId === taskId || d.successorId === taskId)
              .map((d) => ({ predecessorId: d.predecessorId, successorId: d.successorId }))
          : [];
      return [{ type: 'TaskRemoved', data: { productionId, taskId, dependenciesRemoved } }];
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
    case 'ApplyTemplate': {
      const { productionId, template: kind, showStartsAt, taskIds } = command.data;
      const template = TIMELINE_TEMPLATES[kind];
      if (Number.isNaN(Date.parse(showStartsAt)))
        throw new ValidationError('The show start is not an instant', 'showStartsAt');
      if (taskIds.length !== template.tasks.length || new Set(taskIds).size !== taskIds.length)
        throw new ValidationError(`The template needs ${template.tasks.length} distinct task ids`, 'taskIds');
      if (state.status === 'planning' && state.templatesApplied.includes(kind))
        throw new IllegalStateError(`The ${template.name} template is already in this timeline`, 'template');
      const taken = taskIds.find((id) => state.status === 'planning' && state.tasks.has(id));
      if (taken) throw new IllegalStateError(`Task ${taken} is already in the timeline`, 'taskIds');
      const keys = new Map(template.tasks.map((t, i) => [t.key, taskIds[i]!]));
      const { tasks, dependencies } = anchorTemplate(template, (key) => keys.get(key)!, showStartsAt);
      return [
        {
          type: 'TemplateApplied',
          data: { productionId, template: kind, showStartsAt, taskIds: [...taskIds] },
        },
        ...tasks.map((task): TimelineEvent => ({ type: 'TaskAdded', data: { productionId, task } })),
        ...dependencies.map((d): TimelineEvent => ({
          type: 'DependencyAdded',
          data: { productionId, ...d },
        })),
      ];
    }
    default:
      return assertNever(command);
  }
}
