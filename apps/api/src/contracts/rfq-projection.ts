import type { ContractEvents } from '@panggung/contracts';
import type { Projection, StoredEvent } from '@panggung/event-store';
import type { Database } from '../schema/tables.ts';

const handles = (event: StoredEvent): boolean => event.streamId.startsWith('rfq-');

/** Requests for quotation and each vendor's latest quote. */
export const rfqsProjection: Projection<Database> = {
  name: 'rfqs',
  handles,
  async apply(trx, events) {
    for (const event of events) {
      if (!handles(event)) continue;
      const version = event.streamVersion.toString();
      switch (event.type) {
        case 'RfqIssued': {
          const data = event.data as unknown as ContractEvents.RfqIssued;
          await trx
            .insertInto('rfqs')
            .values({
              id: data.rfqId,
              production_id: data.productionId,
              category: data.category,
              title: data.title,
              description: data.description ?? null,
              vendor_ids: data.vendorIds,
              deadline: data.deadline,
              status: 'open',
              issued_at: event.metadata.recordedAt,
              version,
            })
            .onConflict((oc) => oc.doNothing())
            .execute();
          break;
        }
        case 'QuoteSubmitted':
        case 'QuoteRevised': {
          const data = event.data as unknown as ContractEvents.QuoteSubmitted;
          const values = {
            revision: data.revision,
            currency: data.currency,
            terms: JSON.stringify(data.terms),
            note: data.note ?? null,
            submitted_at: event.metadata.recordedAt,
          };
          await trx
            .insertInto('quotes')
            .values({ id: data.quoteId, rfq_id: data.rfqId, vendor_id: data.vendorId, ...values })
            .onConflict((oc) => oc.column('id').doUpdateSet(values))
            .execute();
          break;
        }
        case 'QuoteAwarded': {
          const data = event.data as unknown as ContractEvents.QuoteAwarded;
          await trx
            .updateTable('rfqs')
            .set({
              status: 'awarded',
              awarded_quote_id: data.quoteId,
              awarded_vendor_id: data.vendorId,
              awarded_total: data.total,
            })
            .where('id', '=', data.rfqId)
            .execute();
          break;
        }
      }
      await trx
        .updateTable('rfqs')
        .set({ version })
        .where('id', '=', event.streamId.slice('rfq-'.length))
        .execute();
    }
  },
  async reset(trx) {
    await trx.deleteFrom('quotes').execute();
    await trx.deleteFrom('rfqs').execute();
  },
};
