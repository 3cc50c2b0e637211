import type { NamedRef, QuoteView, RfqSummary, RfqView, Terms, VendorCategory } from '@panggung/contracts';
import { compareQuotes, isInternal, NotFoundError, type RfqState } from '@panggung/domain';
import type { FastifyInstance } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import type { SignedIn } from '../auth/viewer.ts';
import type { Database, QuotesTable, RfqsTable } from '../schema/tables.ts';
import { productionFor, vendorPartyOf, type InProduction } from './access.ts';

export interface RfqAccess extends InProduction {
  readonly rfq: Selectable<RfqsTable>;
  readonly internal: boolean;
  /** The viewer's company when they see the RFQ as an invited vendor. */
  readonly vendorId: string | undefined;
}

/**
 * The RFQ if the viewer may see it: internal roles of its production, or the people of a vendor it
 * invited. Anyone else gets 404 (a vendor does not learn of requests it was not invited to), or 403 for a
 * role that may not see RFQs at all.
 */
export async function rfqFor(app: FastifyInstance, viewer: SignedIn, rfqId: string): Promise<RfqAccess> {
  const rfq = await app.store.db.selectFrom('rfqs').selectAll().where('id', '=', rfqId).executeTakeFirst();
  const missing = () => new NotFoundError(`Request for quotation ${rfqId} was not found`);
  if (!rfq) throw missing();
  const access = await productionFor(app, viewer, rfq.production_id, 'rfqs.view').catch((error: unknown) => {
    throw error instanceof NotFoundError ? missing() : error;
  });
  const internal = isInternal(access.roles);
  const vendorId = vendorPartyOf(viewer, access.roles);
  const invited = vendorId !== undefined && rfq.vendor_ids.includes(vendorId);
  if (!internal && !invited) throw missing();
  return { ...access, rfq, internal, vendorId: invited ? vendorId : undefined };
}

export async function vendorNames(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('vendors')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

const named = (names: Map<string, string>, id: string): NamedRef => ({ id, name: names.get(id) ?? id });

export function toQuote(row: Selectable<QuotesTable>, names: Map<string, string>): QuoteView {
  return {
    id: row.id,
    rfqId: row.rfq_id,
    vendor: named(names, row.vendor_id),
    revision: row.revision,
    currency: row.currency,
    terms: row.terms as Terms,
    ...(row.note ? { note: row.note } : {}),
    submittedAt: row.submitted_at.toISOString(),
  };
}

function summary(rfq: Selectable<RfqsTable>, internal: boolean, quoteCount: number): RfqSummary {
  return {
    id: rfq.id,
    productionId: rfq.production_id,
    category: rfq.category as VendorCategory,
    title: rfq.title,
    deadline: rfq.deadline.toISOString(),
    status: rfq.status as RfqSummary['status'],
    ...(internal ? { invited: rfq.vendor_ids.length, quoteCount } : {}),
    issuedAt: rfq.issued_at.toISOString(),
  };
}

/** The RFQs of a production the viewer may see, newest first. */
export async function listRfqs(
  db: Kysely<Database>,
  productionId: string,
  internal: boolean,
  vendorId: string | undefined,
): Promise<RfqSummary[]> {
  let query = db
    .selectFrom('rfqs')
    .selectAll('rfqs')
    .select((eb) =>
      eb
        .selectFrom('quotes')
        .select((q) => q.fn.countAll<string>().as('n'))
        .whereRef('quotes.rfq_id', '=', 'rfqs.id')
        .as('quote_count'),
    )
    .where('production_id', '=', productionId);
  if (!internal) query = query.where((eb) => eb(eb.val(vendorId ?? ''), '=', eb.fn.any('vendor_ids')));
  const rows = await query.orderBy('issued_at', 'desc').orderBy('id').execute();
  return rows.map((row) => summary(row, internal, Number(row.quote_count ?? 0)));
}

/** One RFQ as the viewer may see it: internal roles everything, a vendor its own quote (and award). */
export async function rfqView(db: Kysely<Database>, access: RfqAccess): Promise<RfqView> {
  const { rfq, internal, vendorId } = access;
  let quotesQuery = db.selectFrom('quotes').selectAll().where('rfq_id', '=', rfq.id);
  if (!internal) quotesQuery = quotesQuery.where('vendor_id', '=', vendorId ?? '');
  const quotes = await quotesQuery.orderBy('submitted_at').execute();
  const names = await vendorNames(db, [...rfq.vendor_ids]);
  const awardVisible = rfq.awarded_quote_id && (internal || rfq.awarded_vendor_id === vendorId);
  return {
    ...summary(rfq, internal, quotes.length),
    ...(rfq.description ? { description: rfq.description } : {}),
    ...(internal ? { vendors: rfq.vendor_ids.map((id) => named(names, id)) } : {}),
    quotes: quotes.map((row) => toQuote(row, names)),
    ...(internal ? { comparison: compareQuotes(rfqState(rfq, quotes)) } : {}),
    ...(awardVisible
      ? {
          award: {
            quoteId: rfq.awarded_quote_id!,
            vendorId: rfq.awarded_vendor_id!,
            total: Number(rfq.awarded_total),
          },
        }
      : {}),
    version: Number(rfq.version),
  };
}

/** The read model as the domain's RFQ state, for the comparison (each vendor's latest revision). */
function rfqState(rfq: Selectable<RfqsTable>, quotes: readonly Selectable<QuotesTable>[]): RfqState {
  return {
    status: 'open',
    id: rfq.id,
    productionId: rfq.production_id,
    category: rfq.category as VendorCategory,
    title: rfq.title,
    vendorIds: rfq.vendor_ids,
    deadline: rfq.deadline.toISOString(),
    currency: 'IDR',
    quotes: Object.fromEntries(
      quotes.map((q) => [
        q.vendor_id,
        { quoteId: q.id, vendorId: q.vendor_id, revision: q.revision, terms: q.terms as Terms, earlier: [] },
      ]),
    ),
  };
}
