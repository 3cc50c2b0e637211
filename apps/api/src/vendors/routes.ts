import { randomUUID } from 'node:crypto';
import {
  IdParams,
  RegisterVendorBody,
  UpdateVendorBody,
  Vendor,
  VendorListQuery,
  VendorPage,
} from '@panggung/contracts';
import {
  authorizeInOrganisation,
  decideVendor,
  evolveVendor,
  initialVendorState,
  NotFoundError,
  VENDOR_EVENT_TYPES,
  vendorStream,
  type VendorCommand,
  type VendorEvent,
  type VendorState,
} from '@panggung/domain';
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { handleCommand, type Decider } from '../commands/handle-command.ts';
import { commandMetadata, commandOptions, errors } from '../contracts/access.ts';
import { findVendor, listVendors, toVendor } from './queries.ts';

const vendor: Decider<VendorCommand, VendorEvent, VendorState> = {
  decide: decideVendor,
  evolve: evolveVendor,
  initial: initialVendorState,
  eventTypes: VENDOR_EVENT_TYPES,
};

/** The organisation's vendor directory: admins and production managers manage it; a vendor sees itself. */
export async function vendorRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/api/vendors',
    {
      schema: {
        tags: ['vendors'],
        summary: 'The vendor directory by name, optionally one category (a vendor sees only itself)',
        querystring: VendorListQuery,
        response: { 200: VendorPage, ...errors },
      },
    },
    async (request) => {
      authorizeInOrganisation(request.viewer, 'vendors.view');
      const { category, limit = 50, cursor } = request.query as VendorListQuery;
      return listVendors(app.store.db, request.viewer, { category, limit, cursor });
    },
  );

  app.post(
    '/api/vendors',
    {
      schema: {
        tags: ['vendors'],
        summary: 'Register a vendor in the directory',
        body: RegisterVendorBody,
        response: { 201: Vendor, ...errors },
      },
    },
    async (request, reply) => {
      authorizeInOrganisation(request.viewer, 'vendors.manage');
      const vendorId = randomUUID();
      const result = await handleCommand(
        app.store,
        vendorStream(vendorId),
        vendor,
        {
          type: 'RegisterVendor',
          data: {
            organisationId: request.viewer.organisationId,
            vendorId,
            details: request.body as RegisterVendorBody,
          },
          metadata: commandMetadata(request),
        },
        { ...commandOptions(request), expectedVersion: 0 },
      );
      await app.projections.waitFor(result.checkpoint);
      return reply.status(201).send(toVendor((await findVendor(app.store.db, request.viewer, vendorId))!));
    },
  );

  app.get(
    '/api/vendors/:id',
    {
      schema: {
        tags: ['vendors'],
        summary: 'One vendor',
        params: IdParams,
        response: { 200: Vendor, ...errors },
      },
    },
    async (request) => {
      authorizeInOrganisation(request.viewer, 'vendors.view');
      const { id } = request.params as Static<typeof IdParams>;
      const row = await findVendor(app.store.db, request.viewer, id);
      if (!row) throw new NotFoundError(`Vendor ${id} was not found`);
      return toVendor(row);
    },
  );

  app.patch(
    '/api/vendors/:id',
    {
      schema: {
        tags: ['vendors'],
        summary: 'Change a vendor’s details',
        params: IdParams,
        body: UpdateVendorBody,
        response: { 200: Vendor, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      // Found first: a vendor person asking about another company learns nothing (404, not 403).
      if (!(await findVendor(app.store.db, request.viewer, id)))
        throw new NotFoundError(`Vendor ${id} was not found`);
      authorizeInOrganisation(request.viewer, 'vendors.manage');
      const { expectedVersion, ...changes } = request.body as UpdateVendorBody;
      const result = await handleCommand(
        app.store,
        vendorStream(id),
        vendor,
        { type: 'UpdateVendor', data: { vendorId: id, changes }, metadata: commandMetadata(request) },
        { ...commandOptions(request), expectedVersion },
      );
      await app.projections.waitFor(result.checkpoint);
      return toVendor((await findVendor(app.store.db, request.viewer, id))!);
    },
  );
}
