import { ClockResponse } from '@panggung/contracts';
import type { FastifyInstance } from 'fastify';

/**
 * `GET /api/clock`: the server's clock, for every screen to show the same second. Public (a clock tells
 * nothing), cheap, and never cached. How a client turns it into an offset: `ClockResponse` and
 * `apps/dashboard/src/lib/show/clock.ts`.
 */
export async function clockRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/clock',
    {
      schema: {
        tags: ['show'],
        summary: 'The server’s clock (NTP-style sync: offset = serverTimeMs − (sent + received) / 2)',
        response: { 200: ClockResponse },
      },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'no-store');
      const now = Date.now();
      return { serverTime: new Date(now).toISOString(), serverTimeMs: now };
    },
  );
}
