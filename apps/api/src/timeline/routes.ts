import { randomUUID } from 'node:crypto';
import {
  AddDependencyBody,
  AddTaskBody,
  ApplyTemplateBody,
  DependencyParams,
  IdParams,
  TaskParams,
  Timeline,
  UpdateTaskBody,
  type TaskKind,
  type TaskProgress,
} from '@panggung/contracts';
import {
  decideTimeline,
  evolveTimeline,
  initialTimelineState,
  NotFoundError,
  TIMELINE_EVENT_TYPES,
  TIMELINE_TEMPLATES,
  timelineStream,
  timelineView,
  type TaskRow,
  type TimelineCommand,
  type TimelineEvent,
  type TimelineState,
} from '@panggung/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { handleCommand, type Decider } from '../commands/handle-command.ts';
import { commandMetadata, commandOptions, errors, productionFor } from '../contracts/access.ts';
import type { Database } from '../schema/tables.ts';
import type { Kysely } from 'kysely';

const timeline: Decider<TimelineCommand, TimelineEvent, TimelineState> = {
  decide: decideTimeline,
  evolve: evolveTimeline,
  initial: initialTimelineState,
  eventTypes: TIMELINE_EVENT_TYPES,
};

/** Tasks, dependencies and owner names of a production, in the order they were added. */
export async function timelineRows(db: Kysely<Database>, productionId: string) {
  const [tasks, dependencies] = await Promise.all([
    db
      .selectFrom('timeline_tasks as t')
      .leftJoin('people as p', 'p.id', 't.owner_id')
      .select([
        't.task_id',
        't.title',
        't.kind',
        't.owner_id',
        't.duration_minutes',
        't.due_at',
        't.progress',
        't.started_at',
        't.completed_at',
        'p.name as owner_name',
      ])
      .where('t.production_id', '=', productionId)
      .orderBy('t.added_at')
      .execute(),
    db
      .selectFrom('timeline_dependencies')
      .select(['predecessor_id', 'successor_id'])
      .where('production_id', '=', productionId)
      .orderBy('added_at')
      .execute(),
  ]);
  return {
    tasks: tasks.map((row): TaskRow => ({
      taskId: row.task_id,
      title: row.title,
      kind: row.kind as TaskKind,
      durationMinutes: row.duration_minutes,
      progress: row.progress as TaskProgress,
      ...(row.owner_id ? { ownerId: row.owner_id } : {}),
      ...(row.owner_name ? { ownerName: row.owner_name } : {}),
      ...(row.due_at ? { dueAt: row.due_at.toISOString() } : {}),
      ...(row.started_at ? { startedAt: row.started_at.toISOString() } : {}),
      ...(row.completed_at ? { completedAt: row.completed_at.toISOString() } : {}),
    })),
    dependencies: dependencies.map((d) => ({ predecessorId: d.predecessor_id, successorId: d.successor_id })),
  };
}

/** A production's timeline: tasks and milestones, dependencies, the critical path and health at now. */
export async function timelineRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  async function view(productionId: string, showStartsAt: Date): Promise<Timeline> {
    const [rows, version] = await Promise.all([
      timelineRows(app.store.db, productionId),
      app.store.streamVersion(timelineStream(productionId)),
    ]);
    return timelineView({
      productionId,
      version: Number(version),
      ...rows,
      showStartsAt: showStartsAt.toISOString(),
      now: new Date().toISOString(),
    });
  }

  /** Checks the owner is a member of the production: an unknown person would be a dangling name. */
  async function checkOwner(productionId: string, ownerId: string | null | undefined) {
    if (!ownerId) return;
    const member = await app.store.db
      .selectFrom('production_members')
      .select('person_id')
      .where('production_id', '=', productionId)
      .where('person_id', '=', ownerId)
      .executeTakeFirst();
    if (!member) throw new NotFoundError(`Person ${ownerId} is not in this production`, 'ownerId');
  }

  async function run(request: FastifyRequest, command: Omit<TimelineCommand, 'metadata'>) {
    const productionId = command.data.productionId;
    const result = await handleCommand(
      app.store,
      timelineStream(productionId),
      timeline,
      { ...command, metadata: commandMetadata(request) } as TimelineCommand,
      commandOptions(request, productionId),
    );
    await app.projections.waitFor(result.checkpoint);
  }

  const tags = ['timeline'];

  app.get(
    '/api/productions/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Tasks with owners, dependencies, the schedule and critical path, and health at now',
        params: IdParams,
        response: { 200: Timeline, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { production } = await productionFor(app, request.viewer, id, 'timeline.view');
      return view(id, production.starts_at);
    },
  );

  app.post(
    '/api/productions/:id/timeline/tasks',
    {
      schema: {
        tags,
        summary: 'Add a task or milestone',
        params: IdParams,
        body: AddTaskBody,
        response: { 201: Timeline, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { production } = await productionFor(app, request.viewer, id, 'timeline.manage');
      const body = request.body as AddTaskBody;
      await checkOwner(id, body.ownerId);
      await run(request, {
        type: 'AddTask',
        data: { productionId: id, task: { taskId: randomUUID(), ...body } },
      });
      return reply.status(201).send(await view(id, production.starts_at));
    },
  );

  app.patch(
    '/api/productions/:id/timeline/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Change a task’s title, owner, duration or due date (null clears owner or due date)',
        params: TaskParams,
        body: UpdateTaskBody,
        response: { 200: Timeline, ...errors },
      },
    },
    async (request) => {
      const { id, taskId } = request.params as TaskParams;
      const { production } = await productionFor(app, request.viewer, id, 'timeline.manage');
      const changes = request.body as UpdateTaskBody;
      await checkOwner(id, changes.ownerId);
      await run(request, { type: 'UpdateTask', data: { productionId: id, taskId, changes } });
      return view(id, production.starts_at);
    },
  );

  for (const [action, type] of [
    ['start', 'StartTask'],
    ['complete', 'CompleteTask'],
  ] as const)
    app.post(
      `/api/productions/:id/timeline/tasks/:taskId/${action}`,
      {
        schema: {
          tags,
          summary: action === 'start' ? 'Start a task' : 'Mark a task done (or a milestone reached)',
          params: TaskParams,
          response: { 200: Timeline, ...errors },
        },
      },
      async (request) => {
        const { id, taskId } = request.params as TaskParams;
        const { production } = await productionFor(app, request.viewer, id, 'timeline.manage');
        await run(request, { type, data: { productionId: id, taskId } });
        return view(id, production.starts_at);
      },
    );

  app.delete(
    '/api/productions/:id/timeline/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Remove a task and every dependency that touches it',
        params: TaskParams,
        response: { 200: Timeline, ...errors },
      },
    },
    async (request) => {
      const { id, taskId } = request.params as TaskParams;
      const { production } = await productionFor(app, request.viewer, id, 'timeline.manage');
      await run(request, { type: 'RemoveTask', data: { productionId: id, taskId } });
      return view(id, production.starts_at);
    },
  );

  app.post(
    '/api/productions/:id/timeline/dependencies',
    {
      schema: {
        tags,
        summary: 'Make a task wait for another (finish-to-start); a cycle is refused with 409 naming it',
        params: IdParams,
        body: AddDependencyBody,
        response: { 201: Timeline, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { production } = await productionFor(app, request.viewer, id, 'timeline.manage');
      const body = request.body as AddDependencyBody;
      await run(request, { type: 'AddDependency', data: { productionId: id, ...body } });
      return reply.status(201).send(await view(id, production.starts_at));
    },
  );

  app.delete(
    '/api/productions/:id/timeline/dependencies/:predecessorId/:successorId',
    {
      schema: {
        tags,
        summary: 'Remove a dependency',
        params: DependencyParams,
        response: { 200: Timeline, ...errors },
      },
    },
    async (request) => {
      const { id, predecessorId, successorId } = request.params as DependencyParams;
      const { production } = await productionFor(app, request.viewer, id, 'timeline.manage');
      await run(request, {
        type: 'RemoveDependency',
        data: { productionId: id, predecessorId, successorId },
      });
      return view(id, production.starts_at);
    },
  );

  app.post(
    '/api/productions/:id/timeline/templates',
    {
      schema: {
        tags,
        summary: 'Add a template’s tasks and dependencies, due dates counted back from the show',
        params: IdParams,
        body: ApplyTemplateBody,
        response: { 201: Timeline, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { production } = await productionFor(app, request.viewer, id, 'timeline.manage');
      const { template } = request.body as ApplyTemplateBody;
      await run(request, {
        type: 'ApplyTemplate',
        data: {
          productionId: id,
          template,
          showStartsAt: production.starts_at.toISOString(),
          taskIds: TIMELINE_TEMPLATES[template].tasks.map(() => randomUUID()),
        },
      });
      return reply.status(201).send(await view(id, production.starts_at));
    },
  );
}
