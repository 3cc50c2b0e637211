import { randomUUID } from 'node:crypto';
import {
  ContractList,
  ContractView,
  DraftContractBody,
  IdParams,
  ReviseContractBody,
} from '@panggung/contracts';
import { awardedQuote, contractStream, IllegalStateError, NotFoundError, rfqStream } from '@panggung/domain';
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { handleCommand } from '../commands/handle-command.ts';
import { actorOf, commandMetadata, commandOptions, errors, productionFor } from './access.ts';
import { contractFor, contractView, listContracts } from './contract-queries.ts';
import { contractDecider, loadState, rfqDecider } from './streams.ts';

/**
 * Contracts: drafted from an awarded quote, revised after a send-back, read with the approval chain as a
 * timeline. Submitting and deciding go through the approval workflow (`approvals/`).
 */
export async function contractRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/api/productions/:id/contracts',
    {
      schema: {
        tags: ['contracts'],
        summary: 'Contracts of a production (a vendor: its own; a client: those at or past its step)',
        params: IdParams,
        response: { 200: ContractList, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const access = await productionFor(app, request.viewer, id, 'contracts.view');
      return { items: await listContracts(app.store.db, request.viewer, access) };
    },
  );

  app.post(
    '/api/productions/:id/contracts',
    {
      schema: {
        tags: ['contracts'],
        summary: 'Draft a contract from an awarded quote, with its payment milestones',
        params: IdParams,
        body: DraftContractBody,
        response: { 201: ContractView, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { production, roles } = await productionFor(app, request.viewer, id, 'contracts.manage');
      const { rfqId, milestones } = request.body as DraftContractBody;
      const rfq = await loadState(app.store, rfqStream(rfqId), rfqDecider);
      if (rfq.status === 'none' || rfq.productionId !== id)
        throw new NotFoundError(`Request for quotation ${rfqId} was not found`, 'rfqId');
      // One award, one contract: a second draft would put two contracts on one quote. (Checked on the read
      // model, which the first draft's answer waited for; two simultaneous drafts could still both pass.)
      const drafted = await app.store.db
        .selectFrom('contracts')
        .select('id')
        .where('rfq_id', '=', rfqId)
        .where('status', 'not in', ['withdrawn', 'rejected'])
        .executeTakeFirst();
      if (drafted)
        throw new IllegalStateError(`Contract ${drafted.id} was already drafted from this award`, 'rfqId');
      const contractId = randomUUID();
      const result = await handleCommand(
        app.store,
        contractStream(contractId),
        contractDecider,
        {
          type: 'DraftContract',
          data: {
            contractId,
            organisationId: production.organisation_id,
            award: awardedQuote(rfq),
            milestones,
            by: actorOf(request.viewer, roles),
          },
          metadata: commandMetadata(request),
        },
        { ...commandOptions(request, id), expectedVersion: 0 },
      );
      await app.projections.waitFor(result.checkpoint);
      const access = await contractFor(app, request.viewer, contractId);
      return reply.status(201).send(await contractView(app.store.db, request.viewer, access));
    },
  );

  app.get(
    '/api/contracts/:id',
    {
      schema: {
        tags: ['contracts'],
        summary: 'One contract with its approval chain as a timeline of who did what and when',
        params: IdParams,
        response: { 200: ContractView, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      return contractView(app.store.db, request.viewer, await contractFor(app, request.viewer, id));
    },
  );

  app.post(
    '/api/contracts/:id/revisions',
    {
      schema: {
        tags: ['contracts'],
        summary: 'Revise a draft or a contract sent back for changes (its manager or its vendor)',
        params: IdParams,
        body: ReviseContractBody,
        response: { 200: ContractView, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const access = await contractFor(app, request.viewer, id);
      const result = await handleCommand(
        app.store,
        contractStream(id),
        contractDecider,
        {
          type: 'ReviseContract',
          data: {
            contractId: id,
            ...(request.body as ReviseContractBody),
            by: actorOf(request.viewer, access.roles),
          },
          metadata: commandMetadata(request),
        },
        commandOptions(request, access.contract.production_id),
      );
      await app.projections.waitFor(result.checkpoint);
      return contractView(app.store.db, request.viewer, await contractFor(app, request.viewer, id));
    },
  );
}
