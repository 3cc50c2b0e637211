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

/** How far a task has got: planned, started or done. */
export const TaskProgress = Type.Union([Type.Literal('todo'), Type.Literal('started'), Type.Literal('done')]);
export type TaskProgress = Static<typeof TaskProgress>;

/** Timeline templates by production kind. */
export const TimelineTemplateKind = Type.Union([
  Type.Literal('concert'),
  Type.Literal('corporate_show'),
  Type.Literal('festival'),
]);
export type TimelineTemplateKind = Static<typeof TimelineTemplateKind>;

/** What changes in a task; `null` clears the owner or the due date. */
export const TaskChanges = Type.Object(
  {
    title: Type.Optional(Name),
    ownerId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    durationMinutes: Type.Optional(DurationMinutes),
    dueAt: Type.Optional(Type.Union([Instant, Type.Null()])),
  },
  { additionalProperties: false },
);
export type TaskChanges = Static<typeof TaskChanges>;

export const UpdateTaskBody = TaskChanges;
export type UpdateTaskBody = Static<typeof UpdateTaskBody>;

export const TaskParams = Type.Object({ id: Uuid, taskId: Uuid }, { additionalProperties: false });
export type TaskParams = Static<typeof TaskParams>;

export const DependencyParams = Type.Object(
  { id: Uuid, predecessorId: Uuid, successorId: Uuid },
  { additionalProperties: false },
);
export type DependencyParams = Static<typeof DependencyParams>;

export const ApplyTemplateBody = Type.Object(
  { template: TimelineTemplateKind },
  { additionalProperties: false },
);
export type ApplyTemplateBody = Static<typeof ApplyTemplateBody>;

/** Where a task sits in time: instants computed from the planning start and the dependencies. */
export const TaskSchedule = Type.Object({
  earliestStart: Instant,
  earliestFinish: Instant,
  latestStart: Instant,
  latestFinish: Instant,
  /** Minutes the task may slip without moving the end of the timeline. */
  slackMinutes: Type.Integer({ minimum: 0 }),
  critical: Type.Boolean(),
});
export type TaskSchedule = Static<typeof TaskSchedule>;

export const TimelineTask = Type.Object({
  taskId: Uuid,
  title: Name,
  kind: TaskKind,
  ownerId: Type.Optional(Uuid),
  ownerName: Type.Optional(Type.String()),
  durationMinutes: DurationMinutes,
  dueAt: Type.Optional(Instant),
  progress: TaskProgress,
  startedAt: Type.Optional(Instant),
  completedAt: Type.Optional(Instant),
  schedule: TaskSchedule,
  health: TaskHealth,
  healthReason: Type.Optional(Type.String()),
});
export type TimelineTask = Static<typeof TimelineTask>;

/**
 * A production's timeline as the Gantt view reads it. The schedule runs backwards from the show: the
 * planning start is the production's start minus the longest chain of work, so the last task finishes as
 * the show begins.
 */
export const Timeline = Type.Object({
  productionId: Uuid,
  version: Type.Integer({ minimum: 0 }),
  /** When health was judged. */
  now: Instant,
  planningStartsAt: Instant,
  showStartsAt: Instant,
  finishesAt: Instant,
  durationMinutes: Type.Integer({ minimum: 0 }),
  /** In the order they were added. */
  tasks: Type.Array(TimelineTask),
  dependencies: Type.Array(Dependency),
  /** Task ids with zero slack, by earliest start. */
  criticalPath: Type.Array(Uuid),
});
export type Timeline = Static<typeof Timeline>;
