import { randomUUID } from 'node:crypto';
import {
  AcknowledgeIncidentBody,
  AssignIncidentBody,
  IdParams,
  IncidentParams,
  Incidents,
  LogIncidentBody,
  ResolveIncidentBody,
  SetIncidentEscalationBody,
} from '@panggung/contracts';
import {
  decideIncidents,
  evolveIncidents,
  INCIDENT_EVENT_TYPES,
  incidentsByUrgency,
  incidentsStream,
  initialIncidentsState,
  isInternal,
  type IncidentActor,
  type IncidentCommand,
  type IncidentEvent,
  type IncidentsState,
} from '@panggung/domain';
import { incidentSettledSignal, incidentWorkflowId } from '@panggung/workflows';
import type { Role } from '@panggung/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { handleCommand, type Decider } from '../commands/handle-command.ts';
import { commandMetadata, commandOptions, errors, productionFor } from '../contracts/access.ts';

const incidents: Decider<IncidentCommand, IncidentEvent, IncidentsState> = {
  decide: decideIncidents,
  evolve: evolveIncidents,
  initial: initialIncidentsState,
  eventTypes: INCIDENT_EVENT_TYPES,
};

/** Distributes `Omit` over the command union, so each command keeps its own data. */
type WithoutBy<C> = C extends { type: infer T; data: infer D } ? { type: T; data: Omit<D, 'by'> } : never;
type PersonCommand = Exclude<IncidentCommand, { type: 'EscalateIncident' }>;

/**
 * Show-day incidents: log, assign, acknowledge, resolve; the escalation deadlines per severity. Internal
 * roles only (clients and vendors get 403); the domain checks who may assign, acknowledge and resolve.
 * Acknowledging or resolving signals the incident's escalation workflow, which ends its wait.
 */
export async function incidentRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  async function view(productionId: string): Promise<Incidents> {
    const row = await app.store.db
      .selectFrom('incident_views')
      .select(['state', 'version'])
      .where('production_id', '=', productionId)
      .executeTakeFirst();
    const state = (row?.state as IncidentsState | undefined) ?? initialIncidentsState;
    return {
      productionId,
      incidents: incidentsByUrgency(state.incidents),
      escalation: { ...state.escalation },
      version: Number(row?.version ?? 0),
    };
  }

  /** Checks access, runs the command as the viewer, waits for the read model and answers the list. */
  async function run(
    request: FastifyRequest,
    productionId: string,
    command: WithoutBy<PersonCommand>,
    expectedVersion?: number,
  ): Promise<Incidents> {
    const { roles } = await productionFor(app, request.viewer, productionId, 'incidents.view');
    const by: IncidentActor = { personId: request.viewer.personId, roles };
    const result = await handleCommand(
      app.store,
      incidentsStream(productionId),
      incidents,
      { ...command, data: { ...command.data, by }, metadata: commandMetadata(request) } as IncidentCommand,
      { ...commandOptions(request, productionId), expectedVersion },
    );
    await app.projections.waitFor(result.checkpoint);
    return view(productionId);
  }

  /** Ends the escalation wait; a failure only leaves the workflow to find out at its deadline. */
  async function settle(incidentId: string): Promise<void> {
    try {
      const client = await app.temporal.client();
      await client.workflow.getHandle(incidentWorkflowId(incidentId)).signal(incidentSettledSignal);
    } catch (error) {
      app.log.warn({ err: error, incidentId }, 'incident escalation workflow: signal failed');
    }
  }

  const schema = (summary: string, extra: object) => ({
    schema: { tags: ['incidents'], summary, ...extra },
  });

  app.get(
    '/api/productions/:id/incidents',
    schema('Show-day incidents, most urgent first, and the escalation deadlines (production team only)', {
      params: IdParams,
      response: { 200: Incidents, ...errors },
    }),
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      await productionFor(app, request.viewer, id, 'incidents.view');
      return view(id);
    },
  );

  app.post(
    '/api/productions/:id/incidents',
    schema('Log an incident (anyone in the production team)', {
      params: IdParams,
      body: LogIncidentBody,
      response: { 201: Incidents, ...errors },
    }),
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { expectedVersion, ...incident } = request.body as LogIncidentBody;
      const result = await run(
        request,
        id,
        { type: 'LogIncident', data: { productionId: id, incidentId: randomUUID(), ...incident } },
        expectedVersion,
      );
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/productions/:id/incidents/:incidentId/assign',
    schema('Assign an incident to a member of the team (managers, the show caller)', {
      params: IncidentParams,
      body: AssignIncidentBody,
      response: { 200: Incidents, ...errors },
    }),
    async (request) => {
      const { id, incidentId } = request.params as IncidentParams;
      const { expectedVersion, assigneeId } = request.body as AssignIncidentBody;
      await productionFor(app, request.viewer, id, 'incidents.view');
      const rows = await app.store.db
        .selectFrom('production_members')
        .select('role')
        .where('production_id', '=', id)
        .where('person_id', '=', assigneeId)
        .execute();
      const assigneeIsTeam = isInternal(rows.map((r) => r.role as Role));
      return run(
        request,
        id,
        { type: 'AssignIncident', data: { productionId: id, incidentId, assigneeId, assigneeIsTeam } },
        expectedVersion,
      );
    },
  );

  app.post(
    '/api/productions/:id/incidents/:incidentId/acknowledge',
    schema('Acknowledge an incident assigned to you (ends its escalation wait)', {
      params: IncidentParams,
      body: AcknowledgeIncidentBody,
      response: { 200: Incidents, ...errors },
    }),
    async (request) => {
      const { id, incidentId } = request.params as IncidentParams;
      const { expectedVersion } = request.body as AcknowledgeIncidentBody;
      const result = await run(
        request,
        id,
        { type: 'AcknowledgeIncident', data: { productionId: id, incidentId } },
        expectedVersion,
      );
      await settle(incidentId);
      return result;
    },
  );

  app.post(
    '/api/productions/:id/incidents/:incidentId/resolve',
    schema('Resolve an incident with a note (the assignee, the show caller, managers)', {
      params: IncidentParams,
      body: ResolveIncidentBody,
      response: { 200: Incidents, ...errors },
    }),
    async (request) => {
      const { id, incidentId } = request.params as IncidentParams;
      const { expectedVersion, note } = request.body as ResolveIncidentBody;
      const result = await run(
        request,
        id,
        { type: 'ResolveIncident', data: { productionId: id, incidentId, note } },
        expectedVersion,
      );
      await settle(incidentId);
      return result;
    },
  );

  app.put(
    '/api/productions/:id/incidents/escalation',
    schema('Set the minutes per severity before an unacknowledged incident escalates (managers)', {
      params: IdParams,
      body: SetIncidentEscalationBody,
      response: { 200: Incidents, ...errors },
    }),
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { expectedVersion, minutes } = request.body as SetIncidentEscalationBody;
      return run(
        request,
        id,
        { type: 'SetIncidentEscalation', data: { productionId: id, minutes } },
        expectedVersion,
      );
    },
  );
}
