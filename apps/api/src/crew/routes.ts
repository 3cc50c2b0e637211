import { randomUUID } from 'node:crypto';
import {
  AcknowledgeCallBody,
  AssignShiftBody,
  CallSheet,
  CrewSchedule,
  CrewScheduleQuery,
  DayParams,
  IdParams,
  MarkUnavailableBody,
  PeriodParams,
  RescheduleShiftBody,
  SetCrewRulesBody,
  ShiftConflictBody,
  ShiftParams,
  type CrewShift,
} from '@panggung/contracts';
import {
  can,
  crewShift,
  crewShifts,
  crewStream,
  decideCrew,
  evolveCrew,
  ForbiddenError,
  initialCrewState,
  NotFoundError,
  pendingAcknowledgements,
  shiftDay,
  ShiftConflictError,
  CREW_EVENT_TYPES,
  type CrewCommand,
  type CrewEvent,
  type CrewState,
} from '@panggung/domain';
import { callAcknowledgedSignal, callSheetWorkflowId } from '@panggung/workflows';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { handleCommand, type Decider } from '../commands/handle-command.ts';
import { commandMetadata, commandOptions, errors, productionFor } from '../contracts/access.ts';
import { callSheetView, conflictsNow, contextFor, crewMembers, loadCrew, peopleNames } from './schedule.ts';

const crew: Decider<CrewCommand, CrewEvent, CrewState> = {
  decide: decideCrew,
  evolve: evolveCrew,
  initial: initialCrewState,
  eventTypes: CREW_EVENT_TYPES,
};

const shiftErrors = { ...errors, 409: ShiftConflictBody };

/**
 * Crew scheduling: availability, shifts with their conflicts across the organisation, call sheets per
 * Jakarta day and their acknowledgements (the acknowledgement workflow reminds and escalates).
 */
export async function crewRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  const run = async (
    request: FastifyRequest,
    productionId: string,
    command: Omit<CrewCommand, 'metadata'>,
  ) => {
    const result = await handleCommand(
      app.store,
      crewStream(productionId),
      crew,
      { ...command, metadata: commandMetadata(request) } as CrewCommand,
      commandOptions(request, productionId),
    );
    await app.projections.waitFor(result.checkpoint);
    return result;
  };

  /** A refused shift answers 409 with the conflicts, for the form to list them. */
  const refusingConflicts = async (reply: FastifyReply, change: () => Promise<unknown>) => {
    try {
      await change();
      return undefined;
    } catch (error) {
      if (!(error instanceof ShiftConflictError)) throw error;
      return reply.status(409).send({
        statusCode: 409,
        code: 'SHIFT_CONFLICT',
        error: 'Conflict',
        message: error.message,
        conflicts: [...error.conflicts],
      });
    }
  };

  /** Temporal is told after the fact; the event store is the truth, so a failure here is logged, not fatal. */
  const tellWorkflow = async (
    what: string,
    signal: (client: Awaited<ReturnType<typeof app.temporal.client>>) => Promise<unknown>,
  ) => {
    try {
      await signal(await app.temporal.client());
    } catch (error) {
      app.log.warn({ err: error }, `call acknowledgement workflow: ${what} failed`);
    }
  };

  async function schedule(
    productionId: string,
    organisationId: string,
    query: CrewScheduleQuery,
  ): Promise<CrewSchedule> {
    const [{ state, version }, members] = await Promise.all([
      loadCrew(app, productionId),
      crewMembers(app, productionId),
    ]);
    const shifts = crewShifts(state)
      .filter(
        (s) =>
          (!query.day || shiftDay(s) === query.day) && (!query.personId || s.personId === query.personId),
      )
      .sort((a, b) => Date.parse(a.callAt) - Date.parse(b.callAt));
    const [conflicts, names] = await Promise.all([
      conflictsNow(app, organisationId, state, shifts),
      peopleNames(
        app,
        shifts.map((s) => s.personId),
      ),
    ]);
    const days = new Set([...crewShifts(state).map(shiftDay), ...Object.keys(state.days)]);
    return {
      productionId,
      version,
      rules: state.rules,
      deadlines: state.deadlines,
      members,
      shifts: shifts.map((s) => ({
        ...s,
        personName: names.get(s.personId) ?? s.personId,
        day: shiftDay(s),
        conflicts: conflicts.get(s.shiftId) ?? [],
        ...(state.overrides[s.shiftId] ? { overrideReason: state.overrides[s.shiftId] } : {}),
      })),
      days: [...days]
        .filter((day) => !query.day || day === query.day)
        .sort()
        .map((day) => {
          const published = state.days[day];
          return {
            day,
            status: !published
              ? ('draft' as const)
              : published.changed
                ? ('changed' as const)
                : ('published' as const),
            version: published?.version ?? 0,
            pending: published ? pendingAcknowledgements(published).length : 0,
          };
        }),
      unavailable: Object.values(state.unavailable).filter(
        (p) => !query.personId || p.personId === query.personId,
      ),
    };
  }

  app.get(
    '/api/productions/:id/crew',
    {
      schema: {
        tags: ['crew'],
        summary:
          'The crew schedule: shifts with their conflicts, call sheet status per day (filter by day or person)',
        params: IdParams,
        querystring: CrewScheduleQuery,
        response: { 200: CrewSchedule, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { production } = await productionFor(app, request.viewer, id, 'crew.view');
      return schedule(id, production.organisation_id, request.query as CrewScheduleQuery);
    },
  );

  app.post(
    '/api/productions/:id/crew/availability',
    {
      schema: {
        tags: ['crew'],
        summary: 'Mark a period unavailable (one’s own; managers for anyone on the crew)',
        params: IdParams,
        body: MarkUnavailableBody,
        response: { 201: CrewSchedule, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { production } = await productionFor(app, request.viewer, id, 'crew.view');
      const body = request.body as MarkUnavailableBody;
      const personId = body.personId ?? request.viewer.personId;
      const ref = { id, organisationId: production.organisation_id };
      if (personId !== request.viewer.personId && !can(request.viewer, 'crew.manage', ref))
        throw new ForbiddenError('Only a production manager may mark someone else unavailable', 'personId');
      await run(request, id, {
        type: 'MarkUnavailable',
        data: {
          productionId: id,
          periodId: randomUUID(),
          personId,
          startsAt: body.startsAt,
          endsAt: body.endsAt,
          ...(body.reason ? { reason: body.reason } : {}),
        },
      });
      return reply.status(201).send(await schedule(id, production.organisation_id, { personId }));
    },
  );

  app.delete(
    '/api/productions/:id/crew/availability/:periodId',
    {
      schema: {
        tags: ['crew'],
        summary: 'Clear an unavailable period (one’s own; managers for anyone)',
        params: PeriodParams,
        response: { 200: CrewSchedule, ...errors },
      },
    },
    async (request) => {
      const { id, periodId } = request.params as Static<typeof PeriodParams>;
      const { production } = await productionFor(app, request.viewer, id, 'crew.view');
      const { state } = await loadCrew(app, id);
      const period = state.unavailable[periodId];
      if (!period) throw new NotFoundError(`Unavailable period ${periodId} was not found`, 'periodId');
      const ref = { id, organisationId: production.organisation_id };
      if (period.personId !== request.viewer.personId && !can(request.viewer, 'crew.manage', ref))
        throw new ForbiddenError('Only a production manager may clear someone else’s period', 'periodId');
      await run(request, id, { type: 'ClearUnavailability', data: { productionId: id, periodId } });
      return schedule(id, production.organisation_id, { personId: period.personId });
    },
  );

  app.post(
    '/api/productions/:id/crew/shifts',
    {
      schema: {
        tags: ['crew'],
        summary: 'Assign a shift; 409 lists its conflicts unless a manager overrides them with a reason',
        params: IdParams,
        body: AssignShiftBody,
        response: { 201: CrewSchedule, ...shiftErrors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { production } = await productionFor(app, request.viewer, id, 'crew.manage');
      const { override, ...body } = request.body as AssignShiftBody;
      const shift: CrewShift = { shiftId: randomUUID(), productionId: id, ...body };
      const [members, context] = await Promise.all([
        crewMembers(app, id),
        contextFor(app, production.organisation_id, shift),
      ]);
      const refused = await refusingConflicts(reply, () =>
        run(request, id, {
          type: 'AssignShift',
          data: {
            productionId: id,
            shift,
            personIsCrew: members.some((m) => m.personId === shift.personId),
            context,
            ...(override ? { override } : {}),
          },
        }),
      );
      if (refused) return refused;
      return reply.status(201).send(await schedule(id, production.organisation_id, { day: shiftDay(shift) }));
    },
  );

  app.patch(
    '/api/productions/:id/crew/shifts/:shiftId',
    {
      schema: {
        tags: ['crew'],
        summary: 'Reschedule a shift (a published day is marked changed); 409 lists new conflicts',
        params: ShiftParams,
        body: RescheduleShiftBody,
        response: { 200: CrewSchedule, ...shiftErrors },
      },
    },
    async (request, reply) => {
      const { id, shiftId } = request.params as Static<typeof ShiftParams>;
      const { production } = await productionFor(app, request.viewer, id, 'crew.manage');
      const { override, ...body } = request.body as RescheduleShiftBody;
      const { state } = await loadCrew(app, id);
      const current = crewShift(state, shiftId);
      if (!current) throw new NotFoundError(`Shift ${shiftId} was not found`, 'shiftId');
      const context = await contextFor(app, production.organisation_id, { ...current, ...body });
      const refused = await refusingConflicts(reply, () =>
        run(request, id, {
          type: 'RescheduleShift',
          data: { productionId: id, shiftId, ...body, context, ...(override ? { override } : {}) },
        }),
      );
      if (refused) return refused;
      return schedule(id, production.organisation_id, {});
    },
  );

  app.delete(
    '/api/productions/:id/crew/shifts/:shiftId',
    {
      schema: {
        tags: ['crew'],
        summary: 'Remove a shift (a published day is marked changed)',
        params: ShiftParams,
        response: { 200: CrewSchedule, ...errors },
      },
    },
    async (request) => {
      const { id, shiftId } = request.params as Static<typeof ShiftParams>;
      const { production } = await productionFor(app, request.viewer, id, 'crew.manage');
      await run(request, id, { type: 'RemoveShift', data: { productionId: id, shiftId } });
      return schedule(id, production.organisation_id, {});
    },
  );

  app.put(
    '/api/productions/:id/crew/rules',
    {
      schema: {
        tags: ['crew'],
        summary: 'Set the production’s rest rules and acknowledgement deadlines',
        params: IdParams,
        body: SetCrewRulesBody,
        response: { 200: CrewSchedule, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { production } = await productionFor(app, request.viewer, id, 'crew.manage');
      const body = request.body as SetCrewRulesBody;
      await run(request, id, { type: 'SetCrewRules', data: { productionId: id, ...body } });
      return schedule(id, production.organisation_id, {});
    },
  );

  app.get(
    '/api/productions/:id/crew/call-sheets/:day',
    {
      schema: {
        tags: ['crew'],
        summary: 'One Jakarta day’s call sheet: the published calls and who acknowledged them',
        params: DayParams,
        response: { 200: CallSheet, ...errors },
      },
    },
    async (request) => {
      const { id, day } = request.params as Static<typeof DayParams>;
      await productionFor(app, request.viewer, id, 'crew.view');
      const { state } = await loadCrew(app, id);
      return callSheetView(app, id, state, day);
    },
  );

  app.post(
    '/api/productions/:id/crew/call-sheets/:day/publish',
    {
      schema: {
        tags: ['crew'],
        summary:
          'Publish the day’s call sheet; a republish asks only the people whose call changed to acknowledge',
        params: DayParams,
        response: { 201: CallSheet, ...errors },
      },
    },
    async (request, reply) => {
      const { id, day } = request.params as Static<typeof DayParams>;
      await productionFor(app, request.viewer, id, 'crew.manage');
      await run(request, id, { type: 'PublishCallSheet', data: { productionId: id, day } });
      const { state } = await loadCrew(app, id);
      // The call-sheet workflow starter (a reactor) starts this version's acknowledgement workflow.
      return reply.status(201).send(await callSheetView(app, id, state, day));
    },
  );

  app.post(
    '/api/productions/:id/crew/call-sheets/:day/acknowledge',
    {
      schema: {
        tags: ['crew'],
        summary: 'Acknowledge one’s own call on the day (the version seen)',
        params: DayParams,
        body: AcknowledgeCallBody,
        response: { 200: CallSheet, ...errors },
      },
    },
    async (request) => {
      const { id, day } = request.params as Static<typeof DayParams>;
      await productionFor(app, request.viewer, id, 'crew.view');
      const { personId, version } = request.body as AcknowledgeCallBody;
      if (personId !== request.viewer.personId)
        throw new ForbiddenError('Only the person called may acknowledge their call', 'personId');
      await run(request, id, { type: 'AcknowledgeCall', data: { productionId: id, day, personId, version } });
      await tellWorkflow('signal', (client) =>
        client.workflow
          .getHandle(callSheetWorkflowId(id, day, version))
          .signal(callAcknowledgedSignal, { personId }),
      );
      const { state } = await loadCrew(app, id);
      return callSheetView(app, id, state, day);
    },
  );
}
