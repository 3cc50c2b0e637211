import { randomUUID } from 'node:crypto';
import {
  AwardQuoteBody,
  IdParams,
  IssueRfqBody,
  QuoteView,
  RfqList,
  RfqView,
  SubmitQuoteBody,
  Uuid,
  type VendorCategory,
} from '@panggung/contracts';
import {
  ForbiddenError,
  NotFoundError,
  rfqStream,
  ValidationError,
  isInternal,
  type RfqCommand,
} from '@panggung/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { handleCommand } from '../commands/handle-command.ts';
import { commandMetadata, commandOptions, errors, productionFor, vendorPartyOf } from './access.ts';
import { rfqDecider } from './streams.ts';
import { listRfqs, rfqFor, rfqView, toQuote, vendorNames } from './rfq-queries.ts';

const QuoteParams = Type.Object({ id: Uuid, quoteId: Uuid }, { additionalProperties: false });

/** Requests for quotation: issued per production to vendors of a category, quoted by them, awarded. */
export async function rfqRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  const run = (
    request: FastifyRequest,
    rfqId: string,
    productionId: string,
    command: Omit<RfqCommand, 'metadata'>,
  ) =>
    handleCommand(
      app.store,
      rfqStream(rfqId),
      rfqDecider,
      { ...command, metadata: commandMetadata(request) } as RfqCommand,
      commandOptions(request, productionId),
    ).then(async (result) => {
      await app.projections.waitFor(result.checkpoint);
      return result;
    });

  app.get(
    '/api/productions/:id/rfqs',
    {
      schema: {
        tags: ['rfqs'],
        summary: 'Requests for quotation of a production (a vendor: those it is invited to)',
        params: IdParams,
        response: { 200: RfqList, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { roles } = await productionFor(app, request.viewer, id, 'rfqs.view');
      const internal = isInternal(roles);
      return { items: await listRfqs(app.store.db, id, internal, vendorPartyOf(request.viewer, roles)) };
    },
  );

  app.post(
    '/api/productions/:id/rfqs',
    {
      schema: {
        tags: ['rfqs'],
        summary: 'Ask several vendors of one category for a quote by a deadline',
        params: IdParams,
        body: IssueRfqBody,
        response: { 201: RfqView, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { production } = await productionFor(app, request.viewer, id, 'rfqs.manage');
      const body = request.body as IssueRfqBody;
      const rows = await app.store.db
        .selectFrom('vendors')
        .select(['id', 'category'])
        .where('organisation_id', '=', production.organisation_id)
        .where('id', 'in', body.vendorIds)
        .execute();
      const vendors = body.vendorIds.map((vendorId, index) => {
        const row = rows.find((r) => r.id === vendorId);
        if (!row)
          throw new ValidationError(`Vendor ${vendorId} is not in the directory`, `vendorIds/${index}`);
        return { vendorId, category: row.category as VendorCategory };
      });
      const rfqId = randomUUID();
      const { vendorIds: _, ...rest } = body;
      await run(request, rfqId, id, {
        type: 'IssueRfq',
        data: { productionId: id, rfqId, ...rest, vendors, issuedBy: request.viewer.personId },
      });
      return reply.status(201).send(await rfqView(app.store.db, await rfqFor(app, request.viewer, rfqId)));
    },
  );

  app.get(
    '/api/rfqs/:id',
    {
      schema: {
        tags: ['rfqs'],
        summary: 'One request with its quotes and their side-by-side comparison (a vendor: its own quote)',
        params: IdParams,
        response: { 200: RfqView, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      return rfqView(app.store.db, await rfqFor(app, request.viewer, id));
    },
  );

  app.post(
    '/api/rfqs/:id/quotes',
    {
      schema: {
        tags: ['rfqs'],
        summary: 'Quote on a request your company is invited to (vendor people only)',
        params: IdParams,
        body: SubmitQuoteBody,
        response: { 201: QuoteView, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const access = await rfqFor(app, request.viewer, id);
      if (!access.vendorId) throw new ForbiddenError('Only the people of an invited vendor quote');
      const quoteId = randomUUID();
      await run(request, id, access.rfq.production_id, {
        type: 'SubmitQuote',
        data: {
          rfqId: id,
          quoteId,
          vendorId: access.vendorId,
          ...(request.body as SubmitQuoteBody),
          submittedBy: request.viewer.personId,
        },
      });
      return reply.status(201).send(await quoteView(id, quoteId));
    },
  );

  app.post(
    '/api/rfqs/:id/quotes/:quoteId/revisions',
    {
      schema: {
        tags: ['rfqs'],
        summary: 'Revise your company’s quote (the earlier revisions are kept)',
        params: QuoteParams,
        body: SubmitQuoteBody,
        response: { 200: QuoteView, ...errors },
      },
    },
    async (request) => {
      const { id, quoteId } = request.params as Static<typeof QuoteParams>;
      const access = await rfqFor(app, request.viewer, id);
      const quote = await app.store.db
        .selectFrom('quotes')
        .select('vendor_id')
        .where('id', '=', quoteId)
        .where('rfq_id', '=', id)
        .executeTakeFirst();
      if (!quote || (!access.internal && quote.vendor_id !== access.vendorId))
        throw new NotFoundError(`Quote ${quoteId} was not found`, 'quoteId');
      if (quote.vendor_id !== access.vendorId)
        throw new ForbiddenError('Only the vendor’s own people revise its quote');
      await run(request, id, access.rfq.production_id, {
        type: 'ReviseQuote',
        data: {
          rfqId: id,
          vendorId: quote.vendor_id,
          ...(request.body as SubmitQuoteBody),
          submittedBy: request.viewer.personId,
        },
      });
      return quoteView(id, quoteId);
    },
  );

  app.post(
    '/api/rfqs/:id/award',
    {
      schema: {
        tags: ['rfqs'],
        summary: 'Award the request to one quote (production managers)',
        params: IdParams,
        body: AwardQuoteBody,
        response: { 200: RfqView, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const access = await rfqFor(app, request.viewer, id);
      await productionFor(app, request.viewer, access.rfq.production_id, 'rfqs.manage');
      const { quoteId } = request.body as AwardQuoteBody;
      await run(request, id, access.rfq.production_id, {
        type: 'AwardQuote',
        data: { rfqId: id, quoteId, awardedBy: request.viewer.personId },
      });
      return rfqView(app.store.db, await rfqFor(app, request.viewer, id));
    },
  );

  async function quoteView(rfqId: string, quoteId: string): Promise<QuoteView> {
    const row = await app.store.db
      .selectFrom('quotes')
      .selectAll()
      .where('id', '=', quoteId)
      .where('rfq_id', '=', rfqId)
      .executeTakeFirstOrThrow();
    return toQuote(row, await vendorNames(app.store.db, [row.vendor_id]));
  }
}
