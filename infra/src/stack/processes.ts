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
      name: 'event store migrations',
      command: 'pnpm',
      args: ['--filter', '@panggung/event-store', 'run', 'migrate'],
    },
  ],
  // Coming: the API (apps/api), the worker (apps/worker) and the dashboard (apps/dashboard).
  services: [],
};
