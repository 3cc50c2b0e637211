import { randomUUID } from 'node:crypto';
import {
  AddEquipmentBody,
  IdParams,
  Logistics,
  LogisticsItemParams,
  ScheduleLoadWindowBody,
  ScheduleTransportRunBody,
  SetVenueDetailsBody,
} from '@panggung/contracts';
import {
  decideLogistics,
  evolveLogistics,
  initialLogisticsState,
  LOGISTICS_EVENT_TYPES,
  logisticsConflicts,
  logisticsStream,
  NotFoundError,
  type LogisticsCommand,
  type LogisticsEvent,
  type LogisticsState,
} from '@panggung/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Static } from 'typebox';
import { handleCommand, type Decider } from '../commands/handle-command.ts';
import { commandMetadata, commandOptions, errors, productionFor } from '../contracts/access.ts';
import { timelineRows } from '../timeline/routes.ts';
import { shiftsOfProduction } from './crew-shifts.ts';

const logistics: Decider<LogisticsCommand, LogisticsEvent, LogisticsState> = {
  decide: decideLogistics,
  evolve: evolveLogistics,
  initial: initialLogisticsState,
  eventTypes: LOGISTICS_EVENT_TYPES,
};

/** Venue, equipment per department, transport runs, load windows, and their clashes with crew and timeline. */
export async function logisticsRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);
  const db = app.store.db;

  async function view(productionId: string): Promise<Logistics> {
    const [venue, equipment, runs, windows, version, shifts, timeline] = await Promise.all([
      db
        .selectFrom('logistics_venues')
        .select('details')
        .where('production_id', '=', productionId)
        .executeTakeFirst(),
      db
        .selectFrom('logistics_equipment')
        .select('item')
        .where('production_id', '=', productionId)
        .orderBy('department')
        .orderBy('added_at')
        .execute(),
      db
        .selectFrom('logistics_runs as r')
        .leftJoin('people as p', (join) => join.on(sql<boolean>`p.id::text = r.run->>'driverId'`))
        .select(['r.run', 'p.name as driver_name'])
        .where('r.production_id', '=', productionId)
        .orderBy('r.departs_at')
        .execute(),
      db
        .selectFrom('logistics_windows')
        .select('load_window')
        .where('production_id', '=', productionId)
        .orderBy('starts_at')
        .execute(),
      app.store.streamVersion(logisticsStream(productionId)),
      shiftsOfProduction(db, productionId),
      timelineRows(db, productionId),
    ]);
    const loadWindows = windows.map((w) => w.load_window);
    const transportRuns = runs.map((r) => r.run);
    return {
      productionId,
      version: Number(version),
      ...(venue ? { venue: venue.details } : {}),
      equipment: equipment.map((e) => e.item),
      runs: runs.map((r) => ({ ...r.run, ...(r.driver_name ? { driverName: r.driver_name } : {}) })),
      windows: loadWindows,
      conflicts: logisticsConflicts({
        venueLocation: venue?.details.location,
        windows: loadWindows,
        runs: transportRuns,
        shifts,
        tasks: timeline.tasks.filter((t) => t.progress !== 'done'),
      }),
    };
  }

  async function run(request: FastifyRequest, command: Omit<LogisticsCommand, 'metadata'>) {
    const productionId = command.data.productionId;
    const result = await handleCommand(
      app.store,
      logisticsStream(productionId),
      logistics,
      { ...command, metadata: commandMetadata(request) } as LogisticsCommand,
      commandOptions(request, productionId),
    );
    await app.projections.waitFor(result.checkpoint);
  }

  const tags = ['logistics'];
  const manage = async (request: FastifyRequest) => {
    const { id } = request.params as Static<typeof IdParams>;
    await productionFor(app, request.viewer, id, 'logistics.manage');
    return id;
  };

  app.get(
    '/api/productions/:id/logistics',
    {
      schema: {
        tags,
        summary: 'Venue, equipment, transport runs, load windows and the conflicts with crew and timeline',
        params: IdParams,
        response: { 200: Logistics, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      await productionFor(app, request.viewer, id, 'logistics.view');
      return view(id);
    },
  );

  app.post(
    '/api/productions/:id/logistics/venue',
    {
      schema: {
        tags,
        summary: 'Set the venue details (access, power, capacity, loading dock)',
        params: IdParams,
        body: SetVenueDetailsBody,
        response: { 200: Logistics, ...errors },
      },
    },
    async (request) => {
      const id = await manage(request);
      await run(request, {
        type: 'SetVenueDetails',
        data: { productionId: id, venue: request.body as SetVenueDetailsBody },
      });
      return view(id);
    },
  );

  app.post(
    '/api/productions/:id/logistics/equipment',
    {
      schema: {
        tags,
        summary: 'Add equipment to a department’s list, owned or from a vendor’s contract',
        params: IdParams,
        body: AddEquipmentBody,
        response: { 201: Logistics, ...errors },
      },
    },
    async (request, reply) => {
      const id = await manage(request);
      const body = request.body as AddEquipmentBody;
      if (body.source.kind === 'contract') {
        const contract = await db
          .selectFrom('contracts')
          .select('id')
          .where('id', '=', body.source.contractId)
          .where('production_id', '=', id)
          .executeTakeFirst();
        if (!contract)
          throw new NotFoundError(`Contract ${body.source.contractId} was not found`, 'source.contractId');
      }
      await run(request, {
        type: 'AddEquipment',
        data: { productionId: id, item: { itemId: randomUUID(), ...body } },
      });
      return reply.status(201).send(await view(id));
    },
  );

  app.delete(
    '/api/productions/:id/logistics/equipment/:itemId',
    {
      schema: {
        tags,
        summary: 'Take an item off the list',
        params: LogisticsItemParams,
        response: { 200: Logistics, ...errors },
      },
    },
    async (request) => {
      const id = await manage(request);
      const { itemId } = request.params as LogisticsItemParams;
      await run(request, { type: 'RemoveEquipment', data: { productionId: id, itemId } });
      return view(id);
    },
  );

  app.post(
    '/api/productions/:id/logistics/runs',
    {
      schema: {
        tags,
        summary: 'Schedule a transport run with its cargo',
        params: IdParams,
        body: ScheduleTransportRunBody,
        response: { 201: Logistics, ...errors },
      },
    },
    async (request, reply) => {
      const id = await manage(request);
      const body = request.body as ScheduleTransportRunBody;
      if (body.driverId) {
        // A driver is one of the production's people: they are told of the run and see it on its page.
        const driver = await db
          .selectFrom('production_members')
          .select('person_id')
          .where('production_id', '=', id)
          .where('person_id', '=', body.driverId)
          .executeTakeFirst();
        if (!driver) throw new NotFoundError(`Person ${body.driverId} is not in this production`, 'driverId');
      }
      await run(request, {
        type: 'ScheduleTransportRun',
        data: { productionId: id, run: { runId: randomUUID(), ...body } },
      });
      return reply.status(201).send(await view(id));
    },
  );

  app.delete(
    '/api/productions/:id/logistics/runs/:itemId',
    {
      schema: {
        tags,
        summary: 'Cancel a transport run',
        params: LogisticsItemParams,
        response: { 200: Logistics, ...errors },
      },
    },
    async (request) => {
      const id = await manage(request);
      const { itemId } = request.params as LogisticsItemParams;
      await run(request, { type: 'CancelTransportRun', data: { productionId: id, runId: itemId } });
      return view(id);
    },
  );

  app.post(
    '/api/productions/:id/logistics/windows',
    {
      schema: {
        tags,
        summary: 'Schedule a load-in or load-out window at the venue',
        params: IdParams,
        body: ScheduleLoadWindowBody,
        response: { 201: Logistics, ...errors },
      },
    },
    async (request, reply) => {
      const id = await manage(request);
      const body = request.body as ScheduleLoadWindowBody;
      await run(request, {
        type: 'ScheduleLoadWindow',
        data: { productionId: id, window: { windowId: randomUUID(), ...body } },
      });
      return reply.status(201).send(await view(id));
    },
  );

  app.delete(
    '/api/productions/:id/logistics/windows/:itemId',
    {
      schema: {
        tags,
        summary: 'Remove a load window',
        params: LogisticsItemParams,
        response: { 200: Logistics, ...errors },
      },
    },
    async (request) => {
      const id = await manage(request);
      const { itemId } = request.params as LogisticsItemParams;
      await run(request, { type: 'RemoveLoadWindow', data: { productionId: id, windowId: itemId } });
      return view(id);
    },
  );
}
