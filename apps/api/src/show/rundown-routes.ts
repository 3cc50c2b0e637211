import { randomUUID } from 'node:crypto';
import {
  AddCueBody,
  AddSegmentBody,
  ChangeCueBody,
  ChangeShowStartBody,
  CreateRundownBody,
  CueParams,
  ExpectedVersionQuery,
  IdParams,
  MoveCueBody,
  RundownView,
  SegmentParams,
  ShowDayList,
  ShowDayParams,
  type Role,
} from '@panggung/contracts';
import {
  departmentsIn,
  NotFoundError,
  rundownFor,
  rundownStream,
  showAudience,
  showPosition,
  type RundownCommand,
} from '@panggung/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { handleCommand } from '../commands/handle-command.ts';
import { commandMetadata, commandOptions, errors, productionFor } from '../contracts/access.ts';
import { findShowDay, listShowDays, rundownDecider, rundownOf, showOf } from './show-days.ts';

type RundownChange = Omit<RundownCommand, 'metadata'>;

/**
 * A show day's rundown, edited by the managers before the show (`show.edit`) and read by anyone who
 * follows the show (`show.view`, notes cut to the viewer's departments). Once the show has started the
 * rundown is frozen: every edit answers 409.
 */
export function registerRundownRoutes(app: FastifyInstance): void {
  async function view(
    request: FastifyRequest,
    productionId: string,
    showDay: string,
    roles: readonly Role[],
  ): Promise<RundownView> {
    const row = await findShowDay(app.store.db, productionId, showDay);
    const record = rundownOf(row);
    if (!row || !record) throw new NotFoundError(`There is no rundown for ${showDay}`, 'day');
    const audience = showAudience(roles, departmentsIn(request.viewer, productionId));
    return { rundown: rundownFor(record, audience), version: Number(row.rundown_version) };
  }

  /** Runs an edit as a manager, waits for the read model, answers the rundown as it now is. */
  async function edit(
    request: FastifyRequest,
    productionId: string,
    showDay: string,
    change: RundownChange,
    expectedVersion: number | undefined,
  ): Promise<RundownView> {
    const { roles } = await productionFor(app, request.viewer, productionId, 'show.edit');
    const result = await handleCommand(
      app.store,
      rundownStream(productionId, showDay),
      rundownDecider,
      { ...change, metadata: commandMetadata(request) } as RundownCommand,
      { ...commandOptions(request, productionId), expectedVersion },
    );
    await app.projections.waitFor(result.checkpoint);
    return view(request, productionId, showDay, roles);
  }

  app.get(
    '/api/productions/:id/shows',
    {
      schema: {
        tags: ['show'],
        summary: 'The production’s show days: rundown status and, once started, where each show stands',
        params: IdParams,
        response: { 200: ShowDayList, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { roles } = await productionFor(app, request.viewer, id, 'show.view');
      const audience = showAudience(roles, []);
      const rows = await listShowDays(app.store.db, id);
      return {
        items: rows.flatMap((row) => {
          const rundown = rundownOf(row);
          if (!rundown) return [];
          const show = showOf(row);
          const position = show ? showPosition(show) : null;
          return [
            {
              productionId: id,
              showDay: row.show_day,
              showStart: rundown.showStart,
              rundownStatus: rundown.status,
              cueCount: Object.keys(rundown.cues).length,
              position: position && audience.client ? { ...position, standby: null } : position,
            },
          ];
        }),
      };
    },
  );

  app.post(
    '/api/productions/:id/shows',
    {
      schema: {
        tags: ['show'],
        summary: 'Create the rundown of a show day (managers)',
        params: IdParams,
        body: CreateRundownBody,
        response: { 201: RundownView, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { showDay, timeZone, showStart } = request.body as CreateRundownBody;
      const created = await edit(
        request,
        id,
        showDay,
        { type: 'CreateRundown', data: { productionId: id, showDay, timeZone, showStart } },
        undefined,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/productions/:id/shows/:day/rundown',
    {
      schema: {
        tags: ['show'],
        summary:
          'A show day’s rundown (department notes only for the viewer’s departments; none for a client)',
        params: ShowDayParams,
        response: { 200: RundownView, ...errors },
      },
    },
    async (request) => {
      const { id, day } = request.params as ShowDayParams;
      const { roles } = await productionFor(app, request.viewer, id, 'show.view');
      return view(request, id, day, roles);
    },
  );

  app.put(
    '/api/productions/:id/shows/:day/rundown/show-start',
    {
      schema: {
        tags: ['show'],
        summary: 'Move the show start (managers, before the show)',
        params: ShowDayParams,
        body: ChangeShowStartBody,
        response: { 200: RundownView, ...errors },
      },
    },
    async (request) => {
      const { id, day } = request.params as ShowDayParams;
      const { expectedVersion, showStart } = request.body as ChangeShowStartBody;
      const data = { productionId: id, showDay: day, showStart };
      return edit(request, id, day, { type: 'ChangeShowStart', data }, expectedVersion);
    },
  );

  app.post(
    '/api/productions/:id/shows/:day/rundown/segments',
    {
      schema: {
        tags: ['show'],
        summary: 'Add a segment (managers, before the show)',
        params: ShowDayParams,
        body: AddSegmentBody,
        response: { 201: RundownView, ...errors },
      },
    },
    async (request, reply) => {
      const { id, day } = request.params as ShowDayParams;
      const { expectedVersion, title, group, position } = request.body as AddSegmentBody;
      const segmentId = randomUUID();
      const data = { productionId: id, showDay: day, segmentId, title, group, position };
      const rundown = await edit(request, id, day, { type: 'AddSegment', data }, expectedVersion);
      return reply.status(201).send({ ...rundown, createdId: segmentId });
    },
  );

  app.delete(
    '/api/productions/:id/shows/:day/rundown/segments/:segmentId',
    {
      schema: {
        tags: ['show'],
        summary: 'Remove a segment with its cues (managers, before the show)',
        params: SegmentParams,
        querystring: ExpectedVersionQuery,
        response: { 200: RundownView, ...errors },
      },
    },
    async (request) => {
      const { id, day, segmentId } = request.params as SegmentParams;
      const { expectedVersion } = request.query as ExpectedVersionQuery;
      const data = { productionId: id, showDay: day, segmentId };
      return edit(request, id, day, { type: 'RemoveSegment', data }, expectedVersion);
    },
  );

  app.post(
    '/api/productions/:id/shows/:day/rundown/cues',
    {
      schema: {
        tags: ['show'],
        summary: 'Add a cue to a segment (managers, before the show)',
        params: ShowDayParams,
        body: AddCueBody,
        response: { 201: RundownView, ...errors },
      },
    },
    async (request, reply) => {
      const { id, day } = request.params as ShowDayParams;
      const { expectedVersion, ...fields } = request.body as AddCueBody;
      const cueId = randomUUID();
      const data = { productionId: id, showDay: day, cueId, ...fields };
      const rundown = await edit(request, id, day, { type: 'AddCue', data }, expectedVersion);
      return reply.status(201).send({ ...rundown, createdId: cueId });
    },
  );

  app.put(
    '/api/productions/:id/shows/:day/rundown/cues/:cueId',
    {
      schema: {
        tags: ['show'],
        summary: 'Change a cue: title, duration, hard or soft start, notes (managers, before the show)',
        params: CueParams,
        body: ChangeCueBody,
        response: { 200: RundownView, ...errors },
      },
    },
    async (request) => {
      const { id, day, cueId } = request.params as CueParams;
      const { expectedVersion, ...fields } = request.body as ChangeCueBody;
      const data = { productionId: id, showDay: day, cueId, ...fields };
      return edit(request, id, day, { type: 'ChangeCue', data }, expectedVersion);
    },
  );

  app.post(
    '/api/productions/:id/shows/:day/rundown/cues/:cueId/move',
    {
      schema: {
        tags: ['show'],
        summary: 'Move a cue within or across segments (managers, before the show)',
        params: CueParams,
        body: MoveCueBody,
        response: { 200: RundownView, ...errors },
      },
    },
    async (request) => {
      const { id, day, cueId } = request.params as CueParams;
      const { expectedVersion, segmentId, position } = request.body as MoveCueBody;
      const data = { productionId: id, showDay: day, cueId, segmentId, position };
      return edit(request, id, day, { type: 'MoveCue', data }, expectedVersion);
    },
  );

  app.delete(
    '/api/productions/:id/shows/:day/rundown/cues/:cueId',
    {
      schema: {
        tags: ['show'],
        summary: 'Remove a cue (managers, before the show)',
        params: CueParams,
        querystring: ExpectedVersionQuery,
        response: { 200: RundownView, ...errors },
      },
    },
    async (request) => {
      const { id, day, cueId } = request.params as CueParams;
      const { expectedVersion } = request.query as ExpectedVersionQuery;
      const data = { productionId: id, showDay: day, cueId };
      return edit(request, id, day, { type: 'RemoveCue', data }, expectedVersion);
    },
  );
}
