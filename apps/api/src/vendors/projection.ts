import type { VendorEvents } from '@panggung/contracts';
import type { Projection, StoredEvent } from '@panggung/event-store';
import type { Database } from '../schema/tables.ts';

const TYPES: ReadonlySet<string> = new Set(['VendorRegistered', 'VendorUpdated']);

/** The organisation's vendor directory, as lists and the RFQ form read it. */
export const vendorsProjection: Projection<Database> = {
  name: 'vendors',
  handles: (event: StoredEvent) => TYPES.has(event.type),
  async apply(trx, events) {
    for (const event of events) {
      if (event.type === 'VendorRegistered') {
        const { vendorId, organisationId, details } = event.data as unknown as VendorEvents.VendorRegistered;
        await trx
          .insertInto('vendors')
          .values({
            id: vendorId,
            organisation_id: organisationId,
            name: details.name,
            category: details.category,
            contacts: JSON.stringify(details.contacts),
            npwp: details.npwp ?? null,
            address: details.address ?? null,
            version: event.streamVersion.toString(),
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
      } else if (event.type === 'VendorUpdated') {
        const { vendorId, changes } = event.data as unknown as VendorEvents.VendorUpdated;
        await trx
          .updateTable('vendors')
          .set({
            ...(changes.name !== undefined && { name: changes.name }),
            ...(changes.category !== undefined && { category: changes.category }),
            ...(changes.contacts !== undefined && { contacts: JSON.stringify(changes.contacts) }),
            ...(changes.npwp !== undefined && { npwp: changes.npwp }),
            ...(changes.address !== undefined && { address: changes.address }),
            version: event.streamVersion.toString(),
          })
          .where('id', '=', vendorId)
          .execute();
      }
    }
  },
  async reset(trx) {
    await trx.deleteFrom('vendors').execute();
  },
};
