import {
  CheckinDay,
  CheckInBody,
  CheckinQuery,
  IdParams,
  RecordVendorArrivalBody,
  SetCheckinGraceBody,
  VendorArrivalRecorded,
  type Department,
} from '@panggung/contracts';
import {
  CHECKIN_EVENT_TYPES,
  checkinLines,
  checkinStream,
  decideCheckin,
  evolveCheckin,
  initialCheckinState,
  jakartaDay,
  vendorArrivalLines,
  jakartaDayStart,
  DAY_MS,
  type CheckinCommand,
  type CheckinEvent,
  type CheckinState,
  type CrewCall,
  type ProductionVendor,
} from '@panggung/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { handleCommand, type Decider } from '../commands/handle-command.ts';
import {
  commandMetadata,
  commandOptions,
  errors,
  productionFor,
  vendorPartyOf,
} from '../contracts/access.ts';

const checkin: Decider<CheckinCommand, CheckinEvent, CheckinState> = {
  decide: decideCheckin,
  evolve: evolveCheckin,
  initial: initialCheckinState,
  eventTypes: CHECKIN_EVENT_TYPES,
};

/**
 * Crew check-in on show days: arrivals against the crew schedule's call times (`crew_shifts`), late
 * arrivals flagged, and who has not arrived yet, computed at request time by the domain's `checkinLines`.
 * Internal roles only; a crew member checks in themself, a manager anyone.
 */
export async function checkinRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  /** The calls of the production on a Jakarta day (of one person, when given). */
  async function callsOn(productionId: string, day: string, personId?: string): Promise<CrewCall[]> {
    const start = jakartaDayStart(Date.parse(`${day}T12:00:00+07:00`));
    let query = app.store.db
      .selectFrom('crew_shifts')
      .select(['shift_id', 'person_id', 'department', 'call_at'])
      .where('production_id', '=', productionId)
      .where('call_at', '>=', new Date(start))
      .where('call_at', '<', new Date(start + DAY_MS));
    if (personId) query = query.where('person_id', '=', personId);
    const rows = await query.execute();
    return rows.map((row) => ({
      shiftId: row.shift_id,
      personId: row.person_id,
      department: row.department as Department,
      callAt: row.call_at.toISOString(),
    }));
  }

  /** The production's vendors with a contract that is not withdrawn: their name and those contracts. */
  async function vendorsOf(productionId: string): Promise<(ProductionVendor & { name: string })[]> {
    const rows = await app.store.db
      .selectFrom('contracts')
      .innerJoin('vendors', 'vendors.id', 'contracts.vendor_id')
      .select(['contracts.id', 'contracts.vendor_id', 'vendors.name'])
      .where('contracts.production_id', '=', productionId)
      .where('contracts.status', '<>', 'withdrawn')
      .execute();
    const byVendor = new Map<string, { vendorId: string; name: string; contractIds: string[] }>();
    for (const row of rows) {
      const known = byVendor.get(row.vendor_id);
      if (known) known.contractIds.push(row.id);
      else byVendor.set(row.vendor_id, { vendorId: row.vendor_id, name: row.name, contractIds: [row.id] });
    }
    return [...byVendor.values()];
  }

  async function load(productionId: string): Promise<{ state: CheckinState; version: number }> {
    const stored = await app.store.readStream(checkinStream(productionId), { limit: 100_000 });
    const state = stored
      .filter((event) => CHECKIN_EVENT_TYPES.has(event.type))
      .map((event) => ({ type: event.type, data: event.data }) as unknown as CheckinEvent)
      .reduce(evolveCheckin, initialCheckinState);
    return { state, version: stored.length };
  }

  async function view(productionId: string, day: string): Promise<CheckinDay> {
    const now = new Date().toISOString();
    const [calls, { state, version }, vendors] = await Promise.all([
      callsOn(productionId, day),
      load(productionId),
      vendorsOf(productionId),
    ]);
    const lines = checkinLines(calls, state.arrivals, day, now, state.graceMinutes);
    const people = lines.length
      ? await app.store.db
          .selectFrom('people')
          .select(['id', 'name'])
          .where(
            'id',
            'in',
            lines.map((l) => l.personId),
          )
          .execute()
      : [];
    const names = new Map(people.map((p) => [p.id, p.name]));
    return {
      productionId,
      day,
      now,
      graceMinutes: state.graceMinutes,
      entries: lines.map((line) => {
        const name = names.get(line.personId);
        return { ...line, ...(name ? { name } : {}) };
      }),
      vendors: vendorArrivalLines(vendors, state.vendorArrivals, day),
      version,
    };
  }

  async function run(
    request: FastifyRequest,
    productionId: string,
    command: Omit<CheckinCommand, 'metadata'>,
    expectedVersion?: number,
  ): Promise<void> {
    await handleCommand(
      app.store,
      checkinStream(productionId),
      checkin,
      { ...command, metadata: commandMetadata(request) } as CheckinCommand,
      { ...commandOptions(request, productionId), expectedVersion },
    );
  }

  const schema = (summary: string, extra: object) => ({
    schema: { tags: ['checkin'], summary, ...extra },
  });
  const today = () => jakartaDay(Date.now());

  app.get(
    '/api/productions/:id/checkin',
    schema('Crew check-in of a day (WIB; today by default): call, arrival and status per person', {
      params: IdParams,
      querystring: CheckinQuery,
      response: { 200: CheckinDay, ...errors },
    }),
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { day } = request.query as CheckinQuery;
      await productionFor(app, request.viewer, id, 'checkin.view');
      return view(id, day ?? today());
    },
  );

  app.post(
    '/api/productions/:id/checkin',
    schema('Check in on arrival against today’s call (yourself; managers for anyone)', {
      params: IdParams,
      body: CheckInBody,
      response: { 200: CheckinDay, ...errors },
    }),
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { expectedVersion, personId = request.viewer.personId } = request.body as CheckInBody;
      const { roles } = await productionFor(app, request.viewer, id, 'checkin.view');
      const day = today();
      await run(
        request,
        id,
        {
          type: 'CheckIn',
          data: {
            by: { personId: request.viewer.personId, roles },
            productionId: id,
            personId,
            callsToday: await callsOn(id, day, personId),
          },
        },
        expectedVersion,
      );
      return view(id, day);
    },
  );

  app.post(
    '/api/productions/:id/checkin/vendors',
    schema('Record a vendor’s arrival today (managers, the show caller, or the vendor’s own people)', {
      params: IdParams,
      body: RecordVendorArrivalBody,
      response: { 201: VendorArrivalRecorded, ...errors },
    }),
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { expectedVersion, vendorId, contractId, note } = request.body as RecordVendorArrivalBody;
      // Any member reaches the route (a vendor's people are not in `checkin.view`); the domain judges roles.
      const { roles } = await productionFor(app, request.viewer, id, 'production.view');
      const partyId = vendorPartyOf(request.viewer, roles);
      const vendors = await vendorsOf(id);
      await run(
        request,
        id,
        {
          type: 'RecordVendorArrival',
          data: {
            by: { personId: request.viewer.personId, roles, ...(partyId ? { partyId } : {}) },
            productionId: id,
            vendorId,
            ...(contractId ? { contractId } : {}),
            ...(note === undefined ? {} : { note }),
            vendors: vendors.map(({ vendorId: v, contractIds }) => ({ vendorId: v, contractIds })),
          },
        },
        expectedVersion,
      );
      const day = today();
      const { state, version } = await load(id);
      const line = vendorArrivalLines(
        vendors.filter((v) => v.vendorId === vendorId),
        state.vendorArrivals,
        day,
      )[0];
      if (!line) throw new Error(`Vendor ${vendorId} vanished from the production`);
      return reply.status(201).send({ productionId: id, day, vendor: line, version });
    },
  );

  app.put(
    '/api/productions/:id/checkin/grace',
    schema('Set the minutes after a call before an arrival counts as late (managers)', {
      params: IdParams,
      body: SetCheckinGraceBody,
      response: { 200: CheckinDay, ...errors },
    }),
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { expectedVersion, graceMinutes } = request.body as SetCheckinGraceBody;
      const { roles } = await productionFor(app, request.viewer, id, 'checkin.view');
      await run(
        request,
        id,
        {
          type: 'SetCheckinGrace',
          data: { by: { personId: request.viewer.personId, roles }, productionId: id, graceMinutes },
        },
        expectedVersion,
      );
      return view(id, today());
    },
  );
}
