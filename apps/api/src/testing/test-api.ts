import { freshDatabase, freshNamespace } from '@panggung/infra/testing';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { startApprovalWorkflow } from '../approvals/workflow-client.ts';
import type { ApiConfig } from '../config.ts';
import { DEMO, seedDemo } from '../seed/demo.ts';

export interface TestApi {
  readonly app: FastifyInstance;
  readonly config: ApiConfig;
  /** Signs in a demo person by e-mail and returns their bearer token. */
  signIn(email: string): Promise<string>;
  /** How many events the store holds: "nothing written" checks compare it before and after. */
  eventCount(): Promise<number>;
}

export function testConfig(databaseUrl: string, overrides: Partial<ApiConfig> = {}): ApiConfig {
  return {
    databaseUrl,
    temporal: {
      address: inject('temporalAddress'),
      namespace: 'default',
      taskQueue: `api-test-${process.pid}`,
      tls: false,
      apiKey: undefined,
    },
    host: '127.0.0.1',
    port: 0,
    sessionTtlHours: 1,
    rateLimitPerMinute: 10_000,
    signInLimitPerMinute: 1_000,
    bodyLimitBytes: 256 * 1024,
    heartbeatMs: 60_000,
    liveMaxBufferedBytes: 4 * 1024 * 1024,
    // Projectors borrow a pooled connection only per batch (their locks live on the store's lock session).
    dbPoolSize: 20,
    runProjectors: true,
    secureCookies: false,
    logLevel: 'silent',
    ...overrides,
  };
}

/**
 * A real API on a fresh database with the demo seeded (real PostgreSQL, real Temporal). The concert's
 * plan (timeline, shifts, technical preparation, logistics) is seeded only with `seed.planning`: most
 * tests start those capabilities from empty.
 */
export async function startTestApi(
  label: string,
  overrides: Partial<ApiConfig> = {},
  databaseUrl?: string,
  seed: { planning?: boolean } = {},
): Promise<TestApi> {
  const url = databaseUrl ?? (await freshDatabase(`api_${label}`));
  // The demo's ids are fixed: a namespace of this test's own keeps its workflows from other test files'.
  const base = testConfig(url, overrides);
  const config = overrides.temporal
    ? base
    : { ...base, temporal: { ...base.temporal, namespace: await freshNamespace(label) } };
  const app = await buildApp(config);
  if (!databaseUrl) {
    const client = await app.temporal.client();
    await seedDemo(app.store, {
      startApproval: (input) => startApprovalWorkflow(client, config.temporal.taskQueue, input),
      planning: seed.planning ?? false,
    });
    // Not readHead: its horizon is cluster-wide, so another test file's open transaction could hold it
    // before the seed's last event. Every seed event is committed; wait for the newest one.
    const last = await app.store.db
      .selectFrom('events')
      .select((eb) => [eb.cast<string>('transaction_id', 'text').as('transaction_id'), 'position'])
      .orderBy('transaction_id', 'desc')
      .orderBy('position', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await app.projections.waitFor({
      transactionId: BigInt(last.transaction_id),
      position: BigInt(last.position),
    });
  }
  const tokens = new Map<string, string>();
  return {
    app,
    config,
    async signIn(email) {
      const known = tokens.get(email);
      if (known) return known;
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email, password: DEMO.password },
      });
      if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.body}`);
      const token = (response.json() as { token: string }).token;
      tokens.set(email, token);
      return token;
    },
    async eventCount() {
      const row = await app.store.db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export { DEMO } from '../seed/demo.ts';
