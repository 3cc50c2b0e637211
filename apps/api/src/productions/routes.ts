import { randomUUID } from 'node:crypto';
import {
  AddMemberBody,
  CommandAccepted,
  CreateProductionBody,
  ErrorBody,
  IdParams,
  MemberList,
  PageQuery,
  Production,
  ProductionPage,
  Role,
  UpdateProductionBody,
  Uuid,
  ExpectedVersion,
} from '@panggung/contracts';
import {
  authorize,
  authorizeInOrganisation,
  decideProduction,
  evolveProduction,
  initialProductionState,
  PRODUCTION_EVENT_TYPES,
  NotFoundError,
  productionStream,
  type Action,
  type ProductionCommand,
  type ProductionEvent,
  type ProductionState,
} from '@panggung/domain';
import { formatCheckpoint } from '@panggung/event-store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { handleCommand, type Decider } from '../commands/handle-command.ts';
import { findProduction, listMembers, listProductions, toProduction } from './queries.ts';

const production: Decider<ProductionCommand, ProductionEvent, ProductionState> = {
  decide: decideProduction,
  evolve: evolveProduction,
  initial: initialProductionState,
  eventTypes: PRODUCTION_EVENT_TYPES,
};
const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  415: ErrorBody,
  429: ErrorBody,
};
const MemberParams = Type.Object({ id: Uuid, personId: Uuid }, { additionalProperties: false });
const RemoveMemberQuery = Type.Object(
  { role: Role, expectedVersion: ExpectedVersion },
  { additionalProperties: false },
);

/** Productions: list, create, read, change details, and their members. */
export async function productionRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  /** Loads a production the viewer may act on, or refuses: 404 when not theirs, 403 when the role is wrong. */
  async function accessible(request: FastifyRequest, id: string, action: Action) {
    const row = await findProduction(app.store.db, id);
    if (!row) throw new NotFoundError(`Production ${id} was not found`);
    authorize(request.viewer, action, { id: row.id, organisationId: row.organisation_id });
    return row;
  }

  const commandOptions = (request: FastifyRequest, productionId: string, expectedVersion?: number) => ({
    actor: `person:${request.viewer.personId}`,
    correlationId: request.id,
    productionId,
    expectedVersion,
  });

  app.get(
    '/api/productions',
    {
      schema: {
        tags: ['productions'],
        summary: 'Productions you belong to, newest first',
        querystring: PageQuery,
        response: { 200: ProductionPage, ...errors },
      },
    },
    async (request) => {
      const { limit = 50, cursor } = request.query as Static<typeof PageQuery>;
      return listProductions(app.store.db, request.viewer, limit, cursor);
    },
  );

  app.post(
    '/api/productions',
    {
      schema: {
        tags: ['productions'],
        summary: 'Create a production; you become its production manager',
        body: CreateProductionBody,
        response: { 201: Production, ...errors },
      },
    },
    async (request, reply) => {
      authorizeInOrganisation(request.viewer, 'production.create');
      const body = request.body as CreateProductionBody;
      const productionId = randomUUID();
      const result = await handleCommand(
        app.store,
        productionStream(productionId),
        production,
        {
          type: 'CreateProduction',
          data: {
            productionId,
            organisationId: request.viewer.organisationId,
            managerId: request.viewer.personId,
            ...body,
          },
          metadata: { actor: request.viewer.personId, now: new Date().toISOString() },
        },
        { ...commandOptions(request, productionId), expectedVersion: 0 },
      );
      await app.projections.waitFor(result.checkpoint);
      const row = await findProduction(app.store.db, productionId);
      const viewer = {
        ...request.viewer,
        memberships: [...request.viewer.memberships, { productionId, role: 'production_manager' as const }],
      };
      return reply.status(201).send(toProduction(row!, viewer));
    },
  );

  app.get(
    '/api/productions/:id',
    {
      schema: {
        tags: ['productions'],
        summary: 'One production',
        params: IdParams,
        response: { 200: Production, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      return toProduction(await accessible(request, id, 'production.view'), request.viewer);
    },
  );

  app.patch(
    '/api/productions/:id',
    {
      schema: {
        tags: ['productions'],
        summary: 'Change its details (name, venue, schedule, client)',
        params: IdParams,
        body: UpdateProductionBody,
        response: { 200: Production, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      await accessible(request, id, 'production.update');
      const { expectedVersion, ...changes } = request.body as UpdateProductionBody;
      const result = await handleCommand(
        app.store,
        productionStream(id),
        production,
        {
          type: 'UpdateProductionDetails',
          data: { productionId: id, changes },
          metadata: { actor: request.viewer.personId, now: new Date().toISOString() },
        },
        commandOptions(request, id, expectedVersion),
      );
      await app.projections.waitFor(result.checkpoint);
      return toProduction((await findProduction(app.store.db, id))!, request.viewer);
    },
  );

  app.get(
    '/api/productions/:id/members',
    {
      schema: {
        tags: ['productions'],
        summary: 'The team (not shown to clients and vendors)',
        params: IdParams,
        response: { 200: MemberList, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      await accessible(request, id, 'members.view');
      return { items: await listMembers(app.store.db, id) };
    },
  );

  app.post(
    '/api/productions/:id/members',
    {
      schema: {
        tags: ['productions'],
        summary: 'Give a person a role in the production',
        params: IdParams,
        body: AddMemberBody,
        response: { 201: CommandAccepted, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const row = await accessible(request, id, 'members.manage');
      const { expectedVersion, ...member } = request.body as AddMemberBody;
      const person = await app.store.db
        .selectFrom('people')
        .select('id')
        .where('id', '=', member.personId)
        .where('organisation_id', '=', row.organisation_id)
        .executeTakeFirst();
      if (!person)
        throw new NotFoundError(`Person ${member.personId} is not in this organisation`, 'personId');
      const result = await handleCommand(
        app.store,
        productionStream(id),
        production,
        {
          type: 'AddMember',
          data: { productionId: id, ...member },
          metadata: { actor: request.viewer.personId, now: new Date().toISOString() },
        },
        commandOptions(request, id, expectedVersion),
      );
      await app.projections.waitFor(result.checkpoint);
      return reply.status(201).send({
        version: result.version,
        checkpoint: result.checkpoint ? formatCheckpoint(result.checkpoint) : '',
      });
    },
  );

  app.delete(
    '/api/productions/:id/members/:personId',
    {
      schema: {
        tags: ['productions'],
        summary: 'Take a role away from a person',
        params: MemberParams,
        querystring: RemoveMemberQuery,
        response: { 200: CommandAccepted, ...errors },
      },
    },
    async (request) => {
      const { id, personId } = request.params as Static<typeof MemberParams>;
      const { role, expectedVersion } = request.query as Static<typeof RemoveMemberQuery>;
      await accessible(request, id, 'members.manage');
      const result = await handleCommand(
        app.store,
        productionStream(id),
        production,
        {
          type: 'RemoveMember',
          data: { productionId: id, personId, role },
          metadata: { actor: request.viewer.personId, now: new Date().toISOString() },
        },
        commandOptions(request, id, expectedVersion),
      );
      await app.projections.waitFor(result.checkpoint);
      return {
        version: result.version,
        checkpoint: result.checkpoint ? formatCheckpoint(result.checkpoint) : '',
      };
    },
  );
}
