import type { FastifyInstance } from 'fastify';
import { registerShowHistoryRoutes } from './history-routes.ts';
import { registerRundownRoutes } from './rundown-routes.ts';
import { registerShowRoutes } from './show-routes.ts';

/** Show day (issue 6): the rundown before the show, the show run and its live control on the day. */
export async function showRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);
  registerRundownRoutes(app);
  registerShowRoutes(app);
  registerShowHistoryRoutes(app);
}
