import { BudgetReport, IdParams, ReportQuery, ShowDayParams, type NamedRef } from '@panggung/contracts';
import { BUDGET_REPORT_READS, budgetReport, NotFoundError, showReport, showTiming } from '@panggung/domain';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { errors, productionFor } from '../contracts/access.ts';
import { contractFor, contractView, listContracts } from '../contracts/contract-queries.ts';
import { findShowDay, showOf } from '../show/show-days.ts';
import type { InProduction } from '../contracts/access.ts';
import { approvalHistoryCsv } from './reports-approvals.ts';
import { budgetReportCsv } from './reports-budget.ts';
import { showReportCsv } from './reports-show.ts';
import { personNames, productionEvents } from './time-travel-query.ts';

/**
 * Reports after the event (issue 7): planned against actual for a show day, the approval history of every
 * contract and the budget at close, as CSV for a spreadsheet, in Bahasa Indonesia or English (`?lang=`,
 * else the viewer's language). For the roles that audit.
 */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/api/productions/:id/shows/:day/report.csv',
    {
      schema: {
        tags: ['audit'],
        summary: 'Planned against actual per cue and in total for a show day, as CSV (UTF-8 with BOM)',
        params: ShowDayParams,
        querystring: ReportQuery,
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'text/csv; charset=utf-8' }), ...errors },
      },
    },
    async (request, reply) => {
      const { id, day } = request.params as ShowDayParams;
      const { lang } = request.query as ReportQuery;
      await productionFor(app, request.viewer, id, 'audit.view');
      const show = showOf(await findShowDay(app.store.db, id, day));
      if (!show) throw new NotFoundError(`The show of ${day} has not started`, 'day');
      const report = showReport(showTiming(show, Date.now()), show.run.timeZone);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="show-${day}-${id}.csv"`)
        .send(showReportCsv(report, lang ?? request.viewer.locale));
    },
  );

  app.get(
    '/api/productions/:id/reports/approvals.csv',
    {
      schema: {
        tags: ['audit'],
        summary: 'The approval history of every contract (who, when, step, outcome), as CSV (UTF-8 with BOM)',
        params: IdParams,
        querystring: ReportQuery,
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'text/csv; charset=utf-8' }), ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { lang } = request.query as ReportQuery;
      const access = await productionFor(app, request.viewer, id, 'audit.view');
      const summaries = await listContracts(app.store.db, request.viewer, access);
      const contracts = [];
      for (const summary of summaries.toSorted(
        (a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
      ))
        contracts.push(
          await contractView(
            app.store.db,
            request.viewer,
            await contractFor(app, request.viewer, summary.id),
          ),
        );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="approvals-${id}.csv"`)
        .send(approvalHistoryCsv(contracts, access.production.time_zone, lang ?? request.viewer.locale));
    },
  );

  app.get(
    '/api/productions/:id/reports/budget',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Budget estimate, committed and actual at the production’s close (or as of now while open), per category and line',
        params: IdParams,
        response: { 200: BudgetReport, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      return budgetReportOf(app, await productionFor(app, request.viewer, id, 'audit.view'));
    },
  );

  app.get(
    '/api/productions/:id/reports/budget.csv',
    {
      schema: {
        tags: ['audit'],
        summary: 'The budget at close per category and line, with approved overruns, as CSV (UTF-8 with BOM)',
        params: IdParams,
        querystring: ReportQuery,
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'text/csv; charset=utf-8' }), ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { lang } = request.query as ReportQuery;
      const report = await budgetReportOf(app, await productionFor(app, request.viewer, id, 'audit.view'));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="budget-at-close-${id}.csv"`)
        .send(budgetReportCsv(report, lang ?? request.viewer.locale));
    },
  );
}

/**
 * The budget report from the production's budget and phase events (read in global order, only those
 * types), with the contracts' titles and vendors and the approvers' names from the read models.
 */
async function budgetReportOf(app: FastifyInstance, { production }: InProduction): Promise<BudgetReport> {
  const events = await productionEvents(
    app.store.db as unknown as Kysely<unknown>,
    production.id,
    { kind: 'end' },
    BUDGET_REPORT_READS,
  );
  // After the read: every event in it was recorded by then, so "as of now" covers them all.
  const now = new Date().toISOString();
  const contractRows = await app.store.db
    .selectFrom('contracts')
    .leftJoin('rfqs', 'rfqs.id', 'contracts.rfq_id')
    .leftJoin('vendors', 'vendors.id', 'contracts.vendor_id')
    .select(['contracts.id', 'contracts.category', 'contracts.vendor_id', 'rfqs.title', 'vendors.name'])
    .where('contracts.production_id', '=', production.id)
    .execute();
  const contracts = new Map<string, { title: string; vendor: NamedRef }>(
    contractRows.map((row) => [
      row.id,
      { title: row.title ?? row.category, vendor: { id: row.vendor_id, name: row.name ?? row.vendor_id } },
    ]),
  );
  const approvers = events.flatMap((event) =>
    event.type === 'BudgetOverrunApproved' ? [(event.data as { approvedBy: string }).approvedBy] : [],
  );
  return budgetReport(events, {
    productionId: production.id,
    productionName: production.name,
    currency: production.currency,
    timeZone: production.time_zone,
    now,
    contracts,
    people: await personNames(app.store.db, approvers),
  });
}
