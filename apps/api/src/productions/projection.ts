import type { ProductionEvents } from '@panggung/contracts';
import type { Projection, StoredEvent } from '@panggung/event-store';
import type { Transaction } from 'kysely';
import type { Database } from '../schema/tables.ts';

const PREFIX = 'production-';
const handles = (event: StoredEvent): boolean => event.streamId.startsWith(PREFIX);

/** Productions and their members, as lists, pages and access control read them. */
export const productionsProjection: Projection<Database> = {
  name: 'productions',
  handles,
  async apply(trx, events) {
    for (const event of events) {
      if (!handles(event)) continue;
      await applyOne(trx, event);
      await trx
        .updateTable('productions')
        .set({ version: event.streamVersion.toString(), updated_at: event.metadata.recordedAt })
        .where('id', '=', event.streamId.slice(PREFIX.length))
        .execute();
    }
  },
  async reset(trx) {
    await trx.deleteFrom('production_members').execute();
    await trx.deleteFrom('productions').execute();
  },
};

async function applyOne(trx: Transaction<Database>, event: StoredEvent): Promise<void> {
  switch (event.type) {
    case 'ProductionCreated': {
      const { productionId, organisationId, details } =
        event.data as unknown as ProductionEvents.ProductionCreated;
      await trx
        .insertInto('productions')
        .values({
          id: productionId,
          organisation_id: organisationId,
          name: details.name,
          kind: details.kind,
          venue: JSON.stringify(details.venue),
          starts_at: details.startsAt,
          ends_at: details.endsAt,
          time_zone: details.timeZone,
          currency: details.currency,
          client_name: details.clientName ?? null,
          status: 'planning',
          version: event.streamVersion.toString(),
          updated_at: event.metadata.recordedAt,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return;
    }
    case 'ProductionDetailsUpdated': {
      const { productionId, changes } = event.data as unknown as ProductionEvents.ProductionDetailsUpdated;
      await trx
        .updateTable('productions')
        .set({
          ...(changes.name !== undefined && { name: changes.name }),
          ...(changes.kind !== undefined && { kind: changes.kind }),
          ...(changes.venue !== undefined && { venue: JSON.stringify(changes.venue) }),
          ...(changes.startsAt !== undefined && { starts_at: changes.startsAt }),
          ...(changes.endsAt !== undefined && { ends_at: changes.endsAt }),
          ...(changes.clientName !== undefined && { client_name: changes.clientName }),
        })
        .where('id', '=', productionId)
        .execute();
      return;
    }
    case 'MemberAdded': {
      const data = event.data as unknown as ProductionEvents.MemberAdded;
      await trx
        .insertInto('production_members')
        .values({
          production_id: data.productionId,
          person_id: data.personId,
          role: data.role,
          department: data.department ?? null,
          party_id: data.partyId ?? null,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return;
    }
    case 'MemberRemoved': {
      const data = event.data as unknown as ProductionEvents.MemberRemoved;
      await trx
        .deleteFrom('production_members')
        .where('production_id', '=', data.productionId)
        .where('person_id', '=', data.personId)
        .where('role', '=', data.role)
        .execute();
      return;
    }
    case 'ProductionPhaseChanged': {
      const data = event.data as unknown as ProductionEvents.ProductionPhaseChanged;
      await trx
        .updateTable('productions')
        .set({ status: data.to })
        .where('id', '=', data.productionId)
        .execute();
      return;
    }
  }
}
