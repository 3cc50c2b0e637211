import { Type, type Static } from 'typebox';
import { Instant, Name, Uuid } from '../common/common.ts';

/** A milestone is a point in time (zero duration); a task takes time. */
export const TaskKind = Type.Union([Type.Literal('task'), Type.Literal('milestone')]);
export type TaskKind = Static<typeof TaskKind>;

/** Duration in whole minutes; up to a year, which is longer than any production's preparation. */
export const DurationMinutes = Type.Integer({ minimum: 0, maximum: 525_600 });

/** A task or milestone of a production's timeline. */
export const Task = Type.Object(
  {
    taskId: Uuid,
    title: Name,
    kind: TaskKind,
    /** The person responsible for it. */
    ownerId: Type.Optional(Uuid),
    durationMinutes: DurationMinutes,
    dueAt: Type.Optional(Instant),
  },
  { additionalProperties: false },
);
export type Task = Static<typeof Task>;

/** Finish-to-start: the successor may start once the predecessor has finished. */
export const Dependency = Type.Object(
  { predecessorId: Uuid, successorId: Uuid },
  { additionalProperties: false },
);
export type Dependency = Static<typeof Dependency>;

export const AddTaskBody = Type.Omit(Task, ['taskId']);
export type AddTaskBody = Static<typeof AddTaskBody>;

export const AddDependencyBody = Dependency;
export type AddDependencyBody = Static<typeof AddDependencyBody>;

/** Schedule of one task, in minutes from the project start (earliest/latest start and finish, slack). */
export const ScheduledTask = Type.Object({
  taskId: Uuid,
  earliestStart: Type.Integer(),
  earliestFinish: Type.Integer(),
  latestStart: Type.Integer(),
  latestFinish: Type.Integer(),
  slack: Type.Integer({ minimum: 0 }),
  critical: Type.Boolean(),
});
export type ScheduledTask = Static<typeof ScheduledTask>;

/** How a task stands against its due date at a given moment. */
export const TaskHealth = Type.Union([
  Type.Literal('on_track'),
  Type.Literal('at_risk'),
  Type.Literal('overdue'),
  Type.Literal('done'),
]);
export type TaskHealth = Static<typeof TaskHealth>;
