import { HealthResponse } from '@panggung/contracts';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

async function timed(
  check: () => Promise<unknown>,
  timeoutMs = 3_000,
): Promise<{ ok: boolean; detail?: string; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise(
        (_, reject) =>
          (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
      ),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      detail: error instanceof Error ? error.message : String(error),
      ms: Math.round(performance.now() - started),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness (the process answers) and readiness (PostgreSQL and Temporal answer too). */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/health/live',
    { config: { rateLimit: false }, schema: { tags: ['health'], response: { 200: HealthResponse } } },
    async () => ({ status: 'ok' as const, checks: {} }),
  );
  app.get(
    '/health/ready',
    {
      config: { rateLimit: false },
      schema: { tags: ['health'], response: { 200: HealthResponse, 503: HealthResponse } },
    },
    async (_request, reply) => {
      const [postgres, temporal] = await Promise.all([
        timed(() => sql`select 1`.execute(app.store.db)),
        timed(() => app.temporal.check()),
      ]);
      const ok = postgres.ok && temporal.ok;
      return reply
        .status(ok ? 200 : 503)
        .send({ status: ok ? 'ok' : 'unavailable', checks: { postgres, temporal } });
    },
  );
}
