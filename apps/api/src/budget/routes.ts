import { randomUUID } from 'node:crypto';
import {
  ApproveBudgetOverrunBody,
  Budget,
  BudgetBurn,
  IdParams,
  PaymentsDue,
  PaymentsDueQuery,
  RecordPaymentBody,
  SetBudgetEstimateBody,
  VENDOR_CATEGORIES,
  type PaymentMilestone,
  type VendorCategory,
} from '@panggung/contracts';
import {
  BUDGET_EVENT_TYPES,
  budgetBurn,
  budgetLines,
  budgetStream,
  decideBudget,
  evolveBudget,
  initialBudgetState,
  jakartaDay,
  NotFoundError,
  paymentsDue,
  ValidationError,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetState,
} from '@panggung/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { handleCommand, type Decider } from '../commands/handle-command.ts';
import { actorOf, commandMetadata, commandOptions, errors, productionFor } from '../contracts/access.ts';
import { budgetCsv } from './csv.ts';

const budget: Decider<BudgetCommand, BudgetEvent, BudgetState> = {
  decide: decideBudget,
  evolve: evolveBudget,
  initial: initialBudgetState,
  eventTypes: BUDGET_EVENT_TYPES,
};

/** A production's budget per category: estimate, committed by signed contracts, paid, and the variance. */
export async function budgetRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  /**
   * The budget stream folded by the domain: lines with their alerts and approval status come from the
   * same rules that decide, so the page and the phases' gates never disagree.
   */
  async function load(productionId: string) {
    const stored = await app.store.readStream(budgetStream(productionId), { limit: 100_000 });
    const events = stored.filter((event) => BUDGET_EVENT_TYPES.has(event.type));
    const state = events.reduce(
      (current, event) =>
        evolveBudget(current, { type: event.type, data: event.data } as unknown as BudgetEvent),
      initialBudgetState as BudgetState,
    );
    return { stored: events, state, version: stored.length };
  }

  async function view(productionId: string, currency: string): Promise<Budget> {
    const { state, version } = await load(productionId);
    const lines = budgetLines(state).sort(
      (a, b) => VENDOR_CATEGORIES.indexOf(a.category) - VENDOR_CATEGORIES.indexOf(b.category),
    );
    const sum = (key: 'estimate' | 'committed' | 'actual') => lines.reduce((acc, line) => acc + line[key], 0);
    const totals = { estimate: sum('estimate'), committed: sum('committed'), actual: sum('actual') };
    return {
      productionId,
      currency,
      lines,
      totals: { ...totals, variance: totals.estimate - totals.committed },
      version,
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

  app.get(
    '/api/productions/:id/budget/burn',
    {
      schema: {
        tags: ['budget'],
        summary: 'Committed and actual over time, cumulative per day (Asia/Jakarta)',
        params: IdParams,
        response: { 200: BudgetBurn, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { production } = await productionFor(app, request.viewer, id, 'budget.view');
      const { stored, state } = await load(id);
      const points = budgetBurn(
        stored.map((event) => ({
          type: event.type,
          data: event.data,
          recordedAt: event.metadata.recordedAt,
        })),
      );
      const estimate = budgetLines(state).reduce((acc, line) => acc + line.estimate, 0);
      return { productionId: id, currency: production.currency, estimate, points };
    },
  );

  app.get(
    '/api/productions/:id/budget/payments-due',
    {
      schema: {
        tags: ['budget'],
        summary: 'Payment milestones of signed contracts due within `withinDays` (overdue ones too)',
        params: IdParams,
        querystring: PaymentsDueQuery,
        response: { 200: PaymentsDue, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const withinDays = (request.query as PaymentsDueQuery).withinDays ?? 14;
      const { production } = await productionFor(app, request.viewer, id, 'budget.view');
      const [rows, { state }] = await Promise.all([
        app.store.db
          .selectFrom('contracts')
          .innerJoin('vendors', 'vendors.id', 'contracts.vendor_id')
          .select([
            'contracts.id',
            'contracts.vendor_id',
            'vendors.name',
            'contracts.category',
            'contracts.milestones',
          ])
          .where('contracts.production_id', '=', id)
          .where('contracts.status', '=', 'signed')
          .execute(),
        load(id),
      ]);
      const today = jakartaDay(Date.now());
      const items = paymentsDue(
        rows.map((row) => ({
          contractId: row.id,
          vendorId: row.vendor_id,
          vendorName: row.name,
          category: row.category as VendorCategory,
          milestones: row.milestones as unknown as PaymentMilestone[],
        })),
        state.status === 'open' ? (state.paidByContract ?? {}) : {},
        today,
        withinDays,
      );
      const total = items.reduce((acc, item) => acc + item.amount, 0);
      return { productionId: id, currency: production.currency, today, withinDays, items, total };
    },
  );

  app.get(
    '/api/productions/:id/budget.csv',
    {
      schema: {
        tags: ['budget'],
        summary: 'The budget as CSV (UTF-8 with BOM, for Excel): one row per category and a total',
        params: IdParams,
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'text/csv; charset=utf-8' }), ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { production } = await productionFor(app, request.viewer, id, 'budget.view');
      const budget = await view(id, production.currency);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="budget-${id}.csv"`)
        .send(budgetCsv(budget, request.viewer.locale));
    },
  );

  app.post(
    '/api/productions/:id/budget/overruns',
    {
      schema: {
        tags: ['budget'],
        summary: 'Approve a category’s overrun with a reason (finance approvers and managers)',
        params: IdParams,
        body: ApproveBudgetOverrunBody,
        response: { 201: Budget, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { production, roles } = await productionFor(app, request.viewer, id, 'budget.view');
      const { expectedVersion, category, reason } = request.body as ApproveBudgetOverrunBody;
      const { personId } = actorOf(request.viewer, roles);
      await run(
        request,
        id,
        {
          type: 'ApproveBudgetOverrun',
          data: { productionId: id, category, reason, approver: { personId, roles } },
        },
        expectedVersion,
      );
      return reply.status(201).send(await view(id, production.currency));
    },
  );
}
