import { defineConfig } from 'vitest/config';

/**
 * Test tiers by file name (see STYLE.md): `*.unit.spec.ts` (pure, no I/O), `*.int.spec.ts` (real
 * PostgreSQL, real Temporal), `*.e2e.spec.ts` (headless Chromium). Integration tests get a real
 * PostgreSQL from `infra/src/testing/global-setup.ts`: the embedded one always; when DATABASE_URL is set,
 * the event store's integration suite runs a second time against that server.
 */
const external = process.env.DATABASE_URL;

export default defineConfig({
  test: {
    // The Temporal SDK's native module crashes under worker threads (DESIGN.md decision 7).
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['{apps,packages,workflows,infra}/**/*.unit.spec.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['{apps,packages,workflows,infra}/**/*.int.spec.ts'],
          globalSetup: ['infra/src/testing/global-setup.ts'],
          env: { PANGGUNG_TEST_POSTGRES: 'embedded' },
        },
      },
      {
        extends: true,
        test: {
          // The dashboard in headless Chromium against a real API (real PostgreSQL and Temporal).
          name: 'e2e',
          include: ['apps/**/*.e2e.spec.ts'],
          globalSetup: ['infra/src/testing/global-setup.ts'],
          env: { PANGGUNG_TEST_POSTGRES: 'embedded' },
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      ...(external
        ? [
            {
              extends: true as const,
              test: {
                name: 'int-external-postgres',
                include: ['packages/event-store/**/*.int.spec.ts'],
                globalSetup: ['infra/src/testing/global-setup.ts'],
                env: { PANGGUNG_TEST_POSTGRES: 'external' },
              },
            },
          ]
        : []),
    ],
  },
});
