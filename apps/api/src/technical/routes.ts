import { randomUUID } from 'node:crypto';
import {
  AddChecklistItemBody,
  AddTechnicalRiderBody,
  AssignDepartmentHeadBody,
  FixRehearsalIssueBody,
  IdParams,
  RecordRehearsalIssueBody,
  SetChecklistItemBody,
  SignOffChecklistBody,
  Technical,
  TechnicalIssueParams,
  TechnicalItemParams,
  type Department,
  type Role,
} from '@panggung/contracts';
import {
  decideTechnical,
  departmentsIn,
  evolveTechnical,
  initialTechnicalState,
  TECHNICAL_EVENT_TYPES,
  technicalStream,
  ValidationError,
  type TechnicalActor,
  type TechnicalCommand,
  type TechnicalEvent,
  type TechnicalState,
} from '@panggung/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { handleCommand, type Decider } from '../commands/handle-command.ts';
import { commandMetadata, commandOptions, errors, productionFor } from '../contracts/access.ts';
import { technicalView } from './view.ts';

const technical: Decider<TechnicalCommand, TechnicalEvent, TechnicalState> = {
  decide: decideTechnical,
  evolve: evolveTechnical,
  initial: initialTechnicalState,
  eventTypes: TECHNICAL_EVENT_TYPES,
};

/** Distributes `Omit` over the command union, so each command keeps its own data. */
type WithoutBy<C> = C extends { type: infer T; data: infer D } ? { type: T; data: Omit<D, 'by'> } : never;

/**
 * Technical preparation: riders, checklists with the department head's sign-off, rehearsal issues.
 * Internal roles only (clients and vendors get 403); the domain checks department crew and head.
 */
export async function technicalRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  async function view(productionId: string): Promise<Technical> {
    const row = await app.store.db
      .selectFrom('technical_views')
      .select(['state', 'version'])
      .where('production_id', '=', productionId)
      .executeTakeFirst();
    return technicalView(
      productionId,
      (row?.state as TechnicalState | undefined) ?? initialTechnicalState,
      Number(row?.version ?? 0),
    );
  }

  /** Checks access, runs the command as the viewer, waits for the read model and answers the view. */
  async function run(
    request: FastifyRequest,
    productionId: string,
    command: WithoutBy<TechnicalCommand>,
    expectedVersion?: number,
  ): Promise<Technical> {
    const { roles } = await productionFor(app, request.viewer, productionId, 'technical.view');
    const by: TechnicalActor = {
      personId: request.viewer.personId,
      roles,
      departments: departmentsIn(request.viewer, productionId),
    };
    const result = await handleCommand(
      app.store,
      technicalStream(productionId),
      technical,
      { ...command, data: { ...command.data, by }, metadata: commandMetadata(request) } as TechnicalCommand,
      { ...commandOptions(request, productionId), expectedVersion },
    );
    await app.projections.waitFor(result.checkpoint);
    return view(productionId);
  }

  const schema = (summary: string, extra: object) => ({
    schema: { tags: ['technical'], summary, ...extra },
  });

  app.get(
    '/api/productions/:id/technical',
    schema('Riders, checklists, sign-offs and rehearsal issues per department (production team only)', {
      params: IdParams,
      response: { 200: Technical, ...errors },
    }),
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      await productionFor(app, request.viewer, id, 'technical.view');
      return view(id);
    },
  );

  app.post(
    '/api/productions/:id/technical/heads',
    schema('Make a crew member of a department its head (managers)', {
      params: IdParams,
      body: AssignDepartmentHeadBody,
      response: { 200: Technical, ...errors },
    }),
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { expectedVersion, department, personId } = request.body as AssignDepartmentHeadBody;
      await productionFor(app, request.viewer, id, 'technical.manage');
      const rows = await app.store.db
        .selectFrom('production_members')
        .select(['role', 'department'])
        .where('production_id', '=', id)
        .where('person_id', '=', personId)
        .execute();
      if (rows.length === 0)
        throw new ValidationError(`Person ${personId} is not a member of this production`, 'personId');
      const member: TechnicalActor = {
        personId,
        roles: rows.map((r) => r.role as Role),
        departments: rows.flatMap((r) =>
          r.role === 'crew' && r.department ? [r.department as Department] : [],
        ),
      };
      return run(
        request,
        id,
        { type: 'AssignDepartmentHead', data: { productionId: id, department, member } },
        expectedVersion,
      );
    },
  );

  app.post(
    '/api/productions/:id/technical/riders',
    schema('Add a technical rider to a department (managers, that department’s crew)', {
      params: IdParams,
      body: AddTechnicalRiderBody,
      response: { 201: Technical, ...errors },
    }),
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { expectedVersion, ...rider } = request.body as AddTechnicalRiderBody;
      // Access first: a non-member learns nothing, not even whether a contract id is this production's.
      await productionFor(app, request.viewer, id, 'technical.view');
      if (rider.contractId) {
        const contract = await app.store.db
          .selectFrom('contracts')
          .select('vendor_id')
          .where('id', '=', rider.contractId)
          .where('production_id', '=', id)
          .executeTakeFirst();
        if (!contract)
          throw new ValidationError(`Contract ${rider.contractId} is not of this production`, 'contractId');
        if (rider.vendorId && rider.vendorId !== contract.vendor_id)
          throw new ValidationError('The vendor is not the contract’s vendor', 'vendorId');
      }
      const view = await run(
        request,
        id,
        { type: 'AddTechnicalRider', data: { productionId: id, riderId: randomUUID(), ...rider } },
        expectedVersion,
      );
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/api/productions/:id/technical/items',
    schema('Add a checklist item to a department (managers, that department’s crew)', {
      params: IdParams,
      body: AddChecklistItemBody,
      response: { 201: Technical, ...errors },
    }),
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { expectedVersion, department, text } = request.body as AddChecklistItemBody;
      const view = await run(
        request,
        id,
        { type: 'AddChecklistItem', data: { productionId: id, itemId: randomUUID(), department, text } },
        expectedVersion,
      );
      return reply.status(201).send(view);
    },
  );

  app.patch(
    '/api/productions/:id/technical/items/:itemId',
    schema('Check or uncheck a checklist item (that department’s crew)', {
      params: TechnicalItemParams,
      body: SetChecklistItemBody,
      response: { 200: Technical, ...errors },
    }),
    async (request) => {
      const { id, itemId } = request.params as TechnicalItemParams;
      const { expectedVersion, checked } = request.body as SetChecklistItemBody;
      return run(
        request,
        id,
        { type: checked ? 'CheckChecklistItem' : 'UncheckChecklistItem', data: { productionId: id, itemId } },
        expectedVersion,
      );
    },
  );

  app.post(
    '/api/productions/:id/technical/sign-offs',
    schema('Sign off a department’s checklist (its head, once every item is checked)', {
      params: IdParams,
      body: SignOffChecklistBody,
      response: { 200: Technical, ...errors },
    }),
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { expectedVersion, department } = request.body as SignOffChecklistBody;
      return run(
        request,
        id,
        { type: 'SignOffDepartmentChecklist', data: { productionId: id, department } },
        expectedVersion,
      );
    },
  );

  app.post(
    '/api/productions/:id/technical/issues',
    schema('Record an issue found in the technical rehearsal', {
      params: IdParams,
      body: RecordRehearsalIssueBody,
      response: { 201: Technical, ...errors },
    }),
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { expectedVersion, ...issue } = request.body as RecordRehearsalIssueBody;
      const view = await run(
        request,
        id,
        { type: 'RecordRehearsalIssue', data: { productionId: id, issueId: randomUUID(), ...issue } },
        expectedVersion,
      );
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/api/productions/:id/technical/issues/:issueId/fix',
    schema('Record the fix of a rehearsal issue', {
      params: TechnicalIssueParams,
      body: FixRehearsalIssueBody,
      response: { 200: Technical, ...errors },
    }),
    async (request) => {
      const { id, issueId } = request.params as TechnicalIssueParams;
      const { expectedVersion, note } = request.body as FixRehearsalIssueBody;
      return run(
        request,
        id,
        { type: 'FixRehearsalIssue', data: { productionId: id, issueId, note } },
        expectedVersion,
      );
    },
  );
}
