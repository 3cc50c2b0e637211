import {
  AcknowledgeStandbyBody,
  ShowCommandResult,
  ShowControlBody,
  ShowDayParams,
  ShowView,
  StartShowBody,
  type Role,
} from '@panggung/contracts';
import {
  authorize,
  departmentsIn,
  ForbiddenError,
  mayAcknowledgeStandby,
  NotFoundError,
  runFor,
  rundownStream,
  showAudience,
  showPosition,
  showRunOf,
  showStream,
  showTiming,
  timingFor,
  type RundownEvent,
  type RundownRecord,
  type ShowCommand,
} from '@panggung/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { handleCommand, StaleVersionError } from '../commands/handle-command.ts';
import { commandMetadata, commandOptions, errors, productionFor } from '../contracts/access.ts';
import { findShowDay, rundownDecider, showDecider, showOf } from './show-days.ts';

/** The store's idempotency keys are global: a show command's key is scoped to its show stream. */
const storeKey = (streamId: string, key: string) => `${streamId}:${key}`;

/**
 * Show day, live: starting the show (the rundown frozen into the show run), the show caller's commands,
 * the departments' acknowledgements, and the show as each viewer may see it with its timing at the
 * server's clock. Every command carries an idempotency key (a resend acts once and answers the same) and
 * the live cue it was issued against (a late one is refused with 409 and the current position).
 */
export function registerShowRoutes(app: FastifyInstance): void {
  async function view(
    request: FastifyRequest,
    productionId: string,
    showDay: string,
    roles: readonly Role[],
  ): Promise<ShowView> {
    const row = await findShowDay(app.store.db, productionId, showDay);
    const show = showOf(row);
    if (!row || !show) throw new NotFoundError(`The show of ${showDay} has not started`, 'day');
    const audience = showAudience(roles, departmentsIn(request.viewer, productionId));
    return {
      productionId,
      showDay,
      run: runFor(show.run, audience),
      version: show.version,
      timing: timingFor(showTiming(show, Date.now()), audience),
      departments: [...audience.departments],
    };
  }

  /** Runs a live command and answers what its key produced: the same events when it is resent. */
  async function control(
    request: FastifyRequest,
    productionId: string,
    showDay: string,
    command: Omit<ShowCommand, 'metadata'>,
    idempotencyKey: string,
  ): Promise<ShowCommandResult> {
    const streamId = showStream(productionId, showDay);
    const result = await handleCommand(
      app.store,
      streamId,
      showDecider,
      { ...command, metadata: commandMetadata(request) } as ShowCommand,
      { ...commandOptions(request, productionId), idempotencyKey: storeKey(streamId, idempotencyKey) },
    );
    await app.projections.waitFor(result.checkpoint);
    let events: ShowCommandResult['events'] = result.events.map((event, i) => ({
      type: event.type,
      data: event.data,
      streamVersion: result.version - result.events.length + 1 + i,
    }));
    let duplicate = false;
    if (result.checkpoint === undefined) {
      // Nothing new: the key had acted before (find what it did), or the command changed nothing.
      const stored = await app.store.readStream(streamId, { limit: 100_000 });
      events = stored
        .filter((event) => (event.data as { idempotencyKey?: unknown }).idempotencyKey === idempotencyKey)
        .map((event) => ({ type: event.type, data: event.data, streamVersion: Number(event.streamVersion) }));
      duplicate = events.length > 0;
    }
    const show = showOf(await findShowDay(app.store.db, productionId, showDay));
    if (!show) throw new NotFoundError(`The show of ${showDay} has not started`, 'day');
    return { idempotencyKey, duplicate, events, position: showPosition(show) };
  }

  async function authorizeControl(request: FastifyRequest, productionId: string, body: ShowControlBody) {
    const { production, roles } = await productionFor(app, request.viewer, productionId, 'show.view');
    if (body.type === 'acknowledge') {
      const departments = departmentsIn(request.viewer, productionId);
      if (!mayAcknowledgeStandby(roles, departments, body.department))
        throw new ForbiddenError(
          `Only the ${body.department} crew or the show caller acknowledge for ${body.department}`,
        );
    } else
      authorize(request.viewer, 'show.control', {
        id: production.id,
        organisationId: production.organisation_id,
      });
  }

  app.get(
    '/api/productions/:id/shows/:day',
    {
      schema: {
        tags: ['show'],
        summary: 'The running show: frozen run, position and timing at the server’s clock (filtered by role)',
        params: ShowDayParams,
        response: { 200: ShowView, ...errors },
      },
    },
    async (request) => {
      const { id, day } = request.params as ShowDayParams;
      const { roles } = await productionFor(app, request.viewer, id, 'show.view');
      return view(request, id, day, roles);
    },
  );

  app.post(
    '/api/productions/:id/shows/:day/start',
    {
      schema: {
        tags: ['show'],
        summary: 'Start the show: freeze the rundown into the show run (show caller, managers)',
        params: ShowDayParams,
        body: StartShowBody,
        response: { 201: ShowView, ...errors },
      },
    },
    async (request, reply) => {
      const { id, day } = request.params as ShowDayParams;
      const { idempotencyKey, expectedVersion } = request.body as StartShowBody;
      const { roles } = await productionFor(app, request.viewer, id, 'show.control');
      const rundownId = rundownStream(id, day);
      const stored = await app.store.readStream(rundownId, { limit: 100_000 });
      const fold = (events: typeof stored) =>
        events
          .filter((event) => rundownDecider.eventTypes.has(event.type))
          .reduce(
            (state, event) =>
              rundownDecider.evolve(state, { type: event.type, data: event.data } as unknown as RundownEvent),
            rundownDecider.initial,
          );
      const rundown = fold(stored);
      if (rundown.status === 'none') throw new NotFoundError(`There is no rundown for ${day}`, 'day');
      let frozenAt = stored.find((event) => event.type === 'RundownFrozen')?.data.frozenAt as
        string | undefined;
      if (rundown.status === 'editing') {
        // Two streams, two appends: the rundown first, so a retry after a failure in between finds it
        // frozen and freezes the show run from it (same key, same run).
        if (expectedVersion !== undefined && expectedVersion !== stored.length)
          throw new StaleVersionError(expectedVersion, stored.length);
        const metadata = commandMetadata(request);
        await handleCommand(
          app.store,
          rundownId,
          rundownDecider,
          { type: 'FreezeRundown', data: { productionId: id, showDay: day }, metadata },
          { ...commandOptions(request, id), expectedVersion: stored.length },
        );
        frozenAt = metadata.now;
      }
      const run = showRunOf(rundown as RundownRecord, frozenAt ?? new Date().toISOString());
      await control(
        request,
        id,
        day,
        { type: 'FreezeShowRun', data: { productionId: id, showDay: day, idempotencyKey, run } },
        idempotencyKey,
      );
      return reply.status(201).send(await view(request, id, day, roles));
    },
  );

  app.post(
    '/api/productions/:id/shows/:day/commands',
    {
      schema: {
        tags: ['show'],
        summary:
          'A live command: stand_by, acknowledge, go, hold, resume, skip, back, adjust_time, insert_delay (show caller, managers; acknowledge: that department)',
        params: ShowDayParams,
        body: ShowControlBody,
        response: { 200: ShowCommandResult, ...errors },
      },
    },
    async (request) => {
      const { id, day } = request.params as ShowDayParams;
      const body = request.body as ShowControlBody;
      await authorizeControl(request, id, body);
      const command = {
        type: 'ControlShow',
        data: { productionId: id, showDay: day, control: body },
      } as const;
      return control(request, id, day, command, body.idempotencyKey);
    },
  );

  app.post(
    '/api/productions/:id/shows/:day/acknowledgements',
    {
      schema: {
        tags: ['show'],
        summary: 'A department acknowledges the standby: ready for the cue (crew of that department)',
        params: ShowDayParams,
        body: AcknowledgeStandbyBody,
        response: { 200: ShowCommandResult, ...errors },
      },
    },
    async (request) => {
      const { id, day } = request.params as ShowDayParams;
      const body = request.body as Static<typeof AcknowledgeStandbyBody>;
      await authorizeControl(request, id, body);
      const command = {
        type: 'ControlShow',
        data: { productionId: id, showDay: day, control: body },
      } as const;
      return control(request, id, day, command, body.idempotencyKey);
    },
  );
}
