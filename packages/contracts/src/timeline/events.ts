import { Type, type Static } from 'typebox';
import { Instant, Uuid } from '../common/common.ts';
import { Task, TaskChanges, TimelineTemplateKind } from './timeline.ts';

/** Event payloads of the `timeline-<productionId>` stream. */
export const TaskAdded = Type.Object({ productionId: Uuid, task: Task });
export type TaskAdded = Static<typeof TaskAdded>;

export const DependencyAdded = Type.Object({ productionId: Uuid, predecessorId: Uuid, successorId: Uuid });
export type DependencyAdded = Static<typeof DependencyAdded>;

export const DependencyRemoved = Type.Object({ productionId: Uuid, predecessorId: Uuid, successorId: Uuid });
export type DependencyRemoved = Static<typeof DependencyRemoved>;

export const TaskUpdated = Type.Object({ productionId: Uuid, taskId: Uuid, changes: TaskChanges });
export type TaskUpdated = Static<typeof TaskUpdated>;

export const TaskStarted = Type.Object({ productionId: Uuid, taskId: Uuid, at: Instant });
export type TaskStarted = Static<typeof TaskStarted>;

export const TaskCompleted = Type.Object({ productionId: Uuid, taskId: Uuid, at: Instant });
export type TaskCompleted = Static<typeof TaskCompleted>;

/** The task and every dependency that touched it are gone. */
export const TaskRemoved = Type.Object({
  productionId: Uuid,
  taskId: Uuid,
  dependenciesRemoved: Type.Array(Type.Object({ predecessorId: Uuid, successorId: Uuid })),
});
export type TaskRemoved = Static<typeof TaskRemoved>;

/** A template's tasks follow as TaskAdded and DependencyAdded events in the same append. */
export const TemplateApplied = Type.Object({
  productionId: Uuid,
  template: TimelineTemplateKind,
  showStartsAt: Instant,
  taskIds: Type.Array(Uuid),
});
export type TemplateApplied = Static<typeof TemplateApplied>;
