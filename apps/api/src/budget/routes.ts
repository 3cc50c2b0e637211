import { randomUUID } from 'node:crypto';
import {
  Budget,
  IdParams,
  RecordPaymentBody,
  SetBudgetEstimateBody,
  VENDOR_CATEGORIES,
  type BudgetLine,
  type VendorCategory,
} from '@panggung/contracts';
import {
  BUDGET_EVENT_TYPES,
  budgetStream,
  decideBudget,
  evolveBudget,
  initialBudgetState,
  NotFoundError,
  ValidationError,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetState,
} from '@panggung/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { handleCommand, type Decider } from '../commands/handle-command.ts';
import { commandMetadata, commandOptions, errors, productionFor } from '../contracts/access.ts';

const budget: Decider<BudgetCommand, BudgetEvent, BudgetState> = {
  decide: decideBudget,
  evolve: evolveBudget,
  initial: initialBudgetState,
  eventTypes: BUDGET_EVENT_TYPES,
};

/** A production's budget per category: estimate, committed by signed contracts, paid, and the variance. */
export async function budgetRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  async function view(productionId: string, currency: string): Promise<Budget> {
    const [rows, version] = await Promise.all([
      app.store.db.selectFrom('budget_lines').selectAll().where('production_id', '=', productionId).execute(),
      app.store.streamVersion(budgetStream(productionId)),
    ]);
    const lines: BudgetLine[] = rows
      .map((row) => {
        const [estimate, committed, actual] = [row.estimate, row.committed, row.actual].map(Number) as [
          number,
          number,
          number,
        ];
        return {
          category: row.category as VendorCategory,
          estimate,
          committed,
          actual,
          variance: estimate - committed,
        };
      })
      .sort((a, b) => VENDOR_CATEGORIES.indexOf(a.category) - VENDOR_CATEGORIES.indexOf(b.category));
    const sum = (key: 'estimate' | 'committed' | 'actual') => lines.reduce((acc, line) => acc + line[key], 0);
    const totals = { estimate: sum('estimate'), committed: sum('committed'), actual: sum('actual') };
    return {
      productionId,
      currency,
      lines,
      totals: { ...totals, variance: totals.estimate - totals.committed },
      version: Number(version),
    };
  }

  const run = async (
    request: FastifyRequest,
    productionId: string,
    command: Omit<BudgetCommand, 'metadata'>,
    expectedVersion?: number,
  ) => {
    const result = await handleCommand(
      app.store,
      budgetStream(productionId),
      budget,
      { ...command, metadata: commandMetadata(request) } as BudgetCommand,
      { ...commandOptions(request, productionId), expectedVersion },
    );
    await app.projections.waitFor(result.checkpoint);
  };

  app.get(
    '/api/productions/:id/budget',
    {
      schema: {
        tags: ['budget'],
        summary: 'Budget lines per category: estimate, committed, actual and variance (budget roles only)',
        params: IdParams,
        response: { 200: Budget, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { production } = await productionFor(app, request.viewer, id, 'budget.view');
      return view(id, production.currency);
    },
  );

  app.post(
    '/api/productions/:id/budget/estimates',
    {
      schema: {
        tags: ['budget'],
        summary: 'Set the estimate of one category',
        params: IdParams,
        body: SetBudgetEstimateBody,
        response: { 200: Budget, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { production } = await productionFor(app, request.viewer, id, 'budget.manage');
      const { expectedVersion, category, estimate } = request.body as SetBudgetEstimateBody;
      await run(
        request,
        id,
        { type: 'SetBudgetEstimate', data: { productionId: id, category, estimate } },
        expectedVersion,
      );
      return view(id, production.currency);
    },
  );

  app.post(
    '/api/productions/:id/budget/payments',
    {
      schema: {
        tags: ['budget'],
        summary: 'Record a payment (raises the category’s actual)',
        params: IdParams,
        body: RecordPaymentBody,
        response: { 201: Budget, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { production } = await productionFor(app, request.viewer, id, 'budget.manage');
      const body = request.body as RecordPaymentBody;
      if (body.contractId) {
        const contract = await app.store.db
          .selectFrom('contracts')
          .select('category')
          .where('id', '=', body.contractId)
          .where('production_id', '=', id)
          .executeTakeFirst();
        if (!contract) throw new NotFoundError(`Contract ${body.contractId} was not found`, 'contractId');
        if (contract.category !== body.category)
          throw new ValidationError(
            `The contract is for ${contract.category}, not ${body.category}`,
            'category',
          );
      }
      await run(request, id, {
        type: 'RecordPayment',
        data: { productionId: id, paymentId: randomUUID(), ...body },
      });
      return reply.status(201).send(await view(id, production.currency));
    },
  );
}
