import { IdParams, ReportQuery, ShowDayParams } from '@panggung/contracts';
import { NotFoundError, showReport, showTiming } from '@panggung/domain';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { errors, productionFor } from '../contracts/access.ts';
import { contractFor, contractView, listContracts } from '../contracts/contract-queries.ts';
import { findShowDay, showOf } from '../show/show-days.ts';
import { approvalHistoryCsv } from './reports-approvals.ts';
import { showReportCsv } from './reports-show.ts';

/**
 * Reports after the event (issue 7): planned against actual for a show day and the approval history of every contract, as CSV for a spreadsheet, in
 * Bahasa Indonesia or English (`?lang=`, else the viewer's language). For the roles that audit.
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
}
