/**
 * What the local stack runs once PostgreSQL and Temporal are up. Edit these lists to add a step or a
 * service; each runs from the repository root with DATABASE_URL and TEMPORAL_ADDRESS in its environment.
 */

/** A command run to completion, in list order, before any service starts (migrations, seeds). */
export interface OneShotStep {
  /** Shown in the output and in error messages. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
}

/** A command that keeps running until the stack stops (API, worker, dashboard). */
export interface LongRunningService {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** Shown in the summary, e.g. the URL it serves. */
  readonly summary?: string;
}

export interface StackProcesses {
  readonly steps: readonly OneShotStep[];
  readonly services: readonly LongRunningService[];
}

export const stackProcesses: StackProcesses = {
  steps: [
    {
      name: 'database migrations (event store and read models)',
      command: process.execPath,
      args: ['--import', 'tsx', 'apps/api/src/cli/migrate.ts'],
    },
    {
      // Written through the same commands a user's requests go through; skipped when already there.
      name: 'demo data',
      command: process.execPath,
      args: ['--import', 'tsx', 'apps/api/src/cli/seed.ts'],
    },
  ],
  services: [
    {
      name: 'api',
      command: process.execPath,
      args: ['--import', 'tsx', 'apps/api/src/server.ts'],
      summary: `Panggung: http://${process.env.PANGGUNG_API_HOST ?? '127.0.0.1'}:${process.env.PANGGUNG_API_PORT ?? '3000'} (API docs at /api/docs)`,
    },
    {
      // The worker package's `start` script, without pnpm in between: the stop signal reaches the worker
      // itself, and pnpm does not report a "failed" run on every Ctrl-C.
      name: 'worker',
      command: process.execPath,
      args: ['--import', 'tsx', 'apps/worker/src/main.ts'],
      summary: 'Temporal worker: workflows and their activities (apps/worker)',
    },
  ],
};
