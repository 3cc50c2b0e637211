import type { FastifyInstance } from 'fastify';
import { commentRoutes } from './comment-routes.ts';
import { notificationRoutes } from './notification-routes.ts';

/** The communication capability: comment threads and the signed-in person's notifications. */
export async function communicationRoutes(app: FastifyInstance): Promise<void> {
  await app.register(commentRoutes);
  await app.register(notificationRoutes);
}
