import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { authenticatePlugin, sessionToken } from './auth/authenticate.ts';
import { approvalRoutes } from './approvals/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { budgetRoutes } from './budget/routes.ts';
import { communicationRoutes } from './communication/routes.ts';
import { contractRoutes } from './contracts/contract-routes.ts';
import { calendarRoutes } from './crew/calendar.ts';
import { crewRoutes } from './crew/routes.ts';
import { rfqRoutes } from './contracts/rfq-routes.ts';
import type { ApiConfig } from './config.ts';
import { dashboardPlugin } from './dashboard/static.ts';
import { registerErrorHandling } from './errors/error-handler.ts';
import { healthRoutes } from './health/routes.ts';
import { liveRoutes } from './live/routes.ts';
import { logisticsRoutes } from './logistics/routes.ts';
import { openApiPlugin } from './openapi/openapi.ts';
import { productionRoutes } from './productions/routes.ts';
import { phaseRoutes } from './phases/routes.ts';
import { createValidatorCompiler } from './openapi/validation.ts';
import { projectionsPlugin } from './services/projections.ts';
import { storePlugin } from './services/store.ts';
import { temporalPlugin } from './services/temporal.ts';
import { timelineRoutes } from './timeline/routes.ts';
import { vendorRoutes } from './vendors/routes.ts';
import { technicalRoutes } from './technical/routes.ts';
import { clockRoutes } from './show/clock.ts';
import { showRoutes } from './show/routes.ts';
import { incidentRoutes } from './incidents/routes.ts';
import { checkinRoutes } from './checkin/routes.ts';
import { auditVerifyRoutes } from './audit/verify-routes.ts';
import { timeTravelRoutes } from './audit/time-travel-routes.ts';
import { workflowHistoryRoutes } from './audit/workflow-history-routes.ts';
import { reportRoutes } from './audit/reports-routes.ts';

export interface BuildOptions {
  /** Logger settings: `false` in tests, pino options in the server. */
  readonly logger?: boolean | object;
}

/**
 * The API as one Fastify instance: shared services as named plugins, one route plugin per capability,
 * one error model. `server.ts` owns the process; tests build this and use `app.inject()`.
 */
export async function buildApp(config: ApiConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: config.bodyLimitBytes,
    // Ids for correlation: every event a request causes carries it.
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: {} },
  });
  app.setValidatorCompiler(createValidatorCompiler());
  // Bodies are JSON; anything else is refused with 415 rather than read as a string.
  app.removeContentTypeParser('text/plain');
  registerErrorHandling(app);
  // A route that takes no query parameters refuses unknown ones, as bodies refuse unknown fields.
  app.addHook('onRoute', (route) => {
    if (route.schema && !route.schema.querystring && !route.websocket)
      route.schema = {
        ...route.schema,
        querystring: { type: 'object', properties: {}, additionalProperties: false },
      };
  });

  await app.register(cookie);
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => sessionToken(request) ?? request.ip,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      error: 'Too Many Requests',
      message: `Too many requests: at most ${context.max} per ${context.after}. Try again in ${context.after}.`,
    }),
  });
  await app.register(openApiPlugin);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });

  await app.register(storePlugin, { databaseUrl: config.databaseUrl, poolSize: config.dbPoolSize });
  await app.register(temporalPlugin, { config: config.temporal });
  await app.register(projectionsPlugin, { run: config.runProjectors });
  await app.register(authenticatePlugin);

  await app.register(healthRoutes);
  await app.register(authRoutes, { config });
  await app.register(productionRoutes);
  await app.register(vendorRoutes);
  await app.register(rfqRoutes);
  await app.register(contractRoutes);
  await app.register(approvalRoutes);
  await app.register(budgetRoutes);
  await app.register(communicationRoutes);
  await app.register(timelineRoutes);
  await app.register(logisticsRoutes);
  await app.register(technicalRoutes);
  await app.register(phaseRoutes);
  await app.register(crewRoutes);
  await app.register(calendarRoutes);
  await app.register(showRoutes);
  await app.register(clockRoutes);
  await app.register(incidentRoutes);
  await app.register(checkinRoutes);
  await app.register(auditVerifyRoutes);
  await app.register(timeTravelRoutes);
  await app.register(workflowHistoryRoutes);
  await app.register(reportRoutes);
  await app.register(liveRoutes, { config });
  if (config.dashboardDir) await app.register(dashboardPlugin, { root: config.dashboardDir });
  return app;
}
