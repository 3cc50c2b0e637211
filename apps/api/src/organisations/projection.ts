import type { OrganisationEvents } from '@panggung/contracts';
import type { Projection, StoredEvent } from '@panggung/event-store';
import type { Database } from '../schema/tables.ts';

const TYPES: ReadonlySet<string> = new Set(['OrganisationCreated', 'PersonRegistered']);

/** Organisations and people, as sign-in and access control read them. */
export const organisationsProjection: Projection<Database> = {
  name: 'organisations',
  handles: (event: StoredEvent) => TYPES.has(event.type),
  async apply(trx, events) {
    for (const event of events) {
      if (event.type === 'OrganisationCreated') {
        const data = event.data as unknown as OrganisationEvents.OrganisationCreated;
        await trx
          .insertInto('organisations')
          .values({ id: data.organisationId, name: data.name })
          .onConflict((oc) => oc.doNothing())
          .execute();
      } else if (event.type === 'PersonRegistered') {
        const data = event.data as unknown as OrganisationEvents.PersonRegistered;
        await trx
          .insertInto('people')
          .values({
            id: data.personId,
            organisation_id: data.organisationId,
            name: data.name,
            email: data.email,
            locale: data.locale,
            organisation_roles: data.organisationRoles,
            party_id: data.partyId ?? null,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }
  },
  async reset(trx) {
    await trx.deleteFrom('people').execute();
    await trx.deleteFrom('organisations').execute();
  },
};
