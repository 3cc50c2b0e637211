import { Readable } from 'node:stream';
import { AuditVerifyReport, ErrorBody, IdParams } from '@panggung/contracts';
import { authorizeInOrganisation } from '@panggung/domain';
import { toExportLine, type LinkedEvent, type VerifyReport } from '@panggung/event-store';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { productionFor } from '../contracts/access.ts';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody };

/** The store's report for the wire: versions and positions as decimal strings. */
export function toAuditReport(report: VerifyReport): AuditVerifyReport {
  return {
    ok: report.ok,
    streamsChecked: report.streamsChecked,
    eventsChecked: report.eventsChecked,
    brokenLinks: report.brokenLinks.map((link) => ({
      streamId: link.streamId,
      streamVersion: link.streamVersion.toString(),
      position: link.position === null ? null : link.position.toString(),
      reason: link.reason,
      message: link.message,
    })),
  };
}

/**
 * A production's history as JSON lines, one event per line in commit order, each with its hash and the
 * previous hash of its stream: what `pnpm audit:verify -- --file` checks offline.
 */
export async function* exportLines(
  store: { productionHistory(productionId: string): AsyncIterable<LinkedEvent> },
  productionId: string,
): AsyncGenerator<string> {
  for await (const { event, previousHash } of store.productionHistory(productionId))
    yield toExportLine(event, previousHash) + '\n';
}

/** Verification of the hash chains and the export of a production's history (issue 7). */
export async function auditVerifyRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/api/productions/:id/audit/export',
    {
      schema: {
        tags: ['audit'],
        summary: "A production's full history as JSON lines with hashes, verifiable offline (managers)",
        params: IdParams,
        produces: ['application/x-ndjson'],
        response: {
          200: Type.String({ description: 'application/x-ndjson: one AuditExportLine per line' }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      await productionFor(app, request.viewer, id, 'audit.verify');
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="production-${id}.jsonl"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(exportLines(app.store, id)));
    },
  );

  app.get(
    '/api/productions/:id/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: "Verifies the hash chains of a production's streams: ok, or each stream's first broken link",
        params: IdParams,
        response: { 200: AuditVerifyReport, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      await productionFor(app, request.viewer, id, 'audit.verify');
      return toAuditReport(await app.store.verifyProduction(id));
    },
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Verifies the hash chains of every stream in the database (organisation administrators)',
        response: { 200: AuditVerifyReport, ...errors },
      },
    },
    async (request) => {
      authorizeInOrganisation(request.viewer, 'audit.verify-all');
      return toAuditReport(await app.store.verify());
    },
  );
}
