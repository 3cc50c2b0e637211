import {
  AdvancePhaseBody,
  ForceGateBody,
  GateRefusedBody,
  IdParams,
  PhaseChangeAccepted,
  PhaseReadiness,
  SetRequiredCategoriesBody,
} from '@panggung/contracts';
import {
  decidePhases,
  evolvePhases,
  initialPhasesState,
  PHASES_EVENT_TYPES,
  phasesStream,
  type PhasesCommand,
  type PhasesEvent,
  type PhasesState,
} from '@panggung/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Static } from 'typebox';
import { handleCommand, type Decider } from '../commands/handle-command.ts';
import { commandMetadata, commandOptions, errors, productionFor } from '../contracts/access.ts';
import { phaseReadiness } from './readiness.ts';
import { changePhase, PhaseRefusedError, type PhaseChange } from './workflow-client.ts';

const phasesDecider: Decider<PhasesCommand, PhasesEvent, PhasesState> = {
  decide: decidePhases,
  evolve: evolvePhases,
  initial: initialPhasesState,
  eventTypes: PHASES_EVENT_TYPES,
};

const refusals = { ...errors, 409: GateRefusedBody };

/**
 * A production's phases: where it stands and what its next gate needs, advancing or forcing the gate
 * (through the production's workflow), and the vendor categories the gates require.
 */
export async function phaseRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  const send = async (reply: FastifyReply, productionId: string, change: PhaseChange) => {
    try {
      return await changePhase(app, productionId, change);
    } catch (error) {
      if (error instanceof PhaseRefusedError) return reply.status(error.statusCode).send(error.body());
      throw error;
    }
  };

  app.get(
    '/api/productions/:id/phases',
    {
      schema: {
        tags: ['phases'],
        summary: 'The current phase and the next gate’s conditions, met or missing',
        params: IdParams,
        response: { 200: PhaseReadiness, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      await productionFor(app, request.viewer, id, 'phases.view');
      return phaseReadiness(app, id);
    },
  );

  app.post(
    '/api/productions/:id/phases/advance',
    {
      schema: {
        tags: ['phases'],
        summary: 'Move to the next phase; 409 with the missing conditions when its gate is not met',
        params: IdParams,
        body: AdvancePhaseBody,
        response: { 200: PhaseChangeAccepted, ...refusals },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { roles } = await productionFor(app, request.viewer, id, 'phases.manage');
      const { to } = request.body as AdvancePhaseBody;
      return send(reply, id, {
        kind: 'advance',
        args: { to, requestedBy: { personId: request.viewer.personId, roles } },
      });
    },
  );

  app.post(
    '/api/productions/:id/phases/force',
    {
      schema: {
        tags: ['phases'],
        summary: 'Force the next gate with a written reason (production managers and organisation admins)',
        params: IdParams,
        body: ForceGateBody,
        response: { 200: PhaseChangeAccepted, ...refusals },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { roles } = await productionFor(app, request.viewer, id, 'phases.manage');
      const { to, reason } = request.body as ForceGateBody;
      return send(reply, id, {
        kind: 'force',
        args: { to, reason, requestedBy: { personId: request.viewer.personId, roles } },
      });
    },
  );

  app.put(
    '/api/productions/:id/phases/requirements',
    {
      schema: {
        tags: ['phases'],
        summary: 'Set the vendor categories the gates require a signed contract for',
        params: IdParams,
        body: SetRequiredCategoriesBody,
        response: { 200: PhaseReadiness, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      await productionFor(app, request.viewer, id, 'phases.manage');
      const { expectedVersion, categories } = request.body as SetRequiredCategoriesBody;
      await handleCommand(
        app.store,
        phasesStream(id),
        phasesDecider,
        {
          type: 'SetRequiredVendorCategories',
          data: { productionId: id, categories },
          metadata: commandMetadata(request),
        },
        { ...commandOptions(request, id), expectedVersion },
      );
      return phaseReadiness(app, id);
    },
  );
}
