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
  /** Added to the stack's environment for this service only (e.g. its port). */
  readonly env?: Readonly<Record<string, string>>;
  /** The stack reports itself up only once this answers 2xx. */
  readonly readyUrl?: string;
}

export interface StackProcesses {
  readonly steps: readonly OneShotStep[];
  readonly services: readonly LongRunningService[];
}

const node = (script: string): Pick<OneShotStep, 'command' | 'args'> => ({
  command: process.execPath,
  // Without pnpm in between: the stop signal reaches the process itself, and pnpm does not report a
  // "failed" run on every Ctrl-C.
  args: ['--import', 'tsx', script],
});

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 32)
    throw new Error(`${name} must be a whole number from 0 to 32`);
  return value;
}

/**
 * What the stack runs for this environment. One API and one worker by default; for more load
 * (infra/README.md, "Scale-out") PANGGUNG_API_NODES and PANGGUNG_WORKERS start more of each, the API
 * nodes on consecutive ports from PANGGUNG_API_PORT, all on the same PostgreSQL and Temporal.
 */
export function stackProcesses(env: NodeJS.ProcessEnv = process.env): StackProcesses {
  const host = env.PANGGUNG_API_HOST ?? '127.0.0.1';
  const basePort = Number(env.PANGGUNG_API_PORT ?? 3000);
  const apiNodes = count(env, 'PANGGUNG_API_NODES', 1);
  const workers = count(env, 'PANGGUNG_WORKERS', 1);
  const dashboardBuilt = env.PANGGUNG_DASHBOARD_BUILD !== 'false';
  return {
    steps: [
      { name: 'database migrations (event store and read models)', ...node('apps/api/src/cli/migrate.ts') },
      // Written through the same commands a user's requests go through; skipped when already there.
      { name: 'demo data', ...node('apps/api/src/cli/seed.ts') },
      ...(dashboardBuilt
        ? [
            {
              name: 'dashboard build',
              command: 'pnpm',
              args: ['--filter', '@panggung/dashboard', 'run', 'build'],
            },
          ]
        : []),
    ],
    services: [
      ...Array.from({ length: apiNodes }, (_, index) => ({
        name: apiNodes === 1 ? 'api' : `api-${index + 1}`,
        ...node('apps/api/src/server.ts'),
        env: { PANGGUNG_API_PORT: String(basePort + index) },
        readyUrl: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${basePort + index}/health/ready`,
        summary: `Panggung: http://${host}:${basePort + index}  (dashboard; API docs at /api/docs)`,
      })),
      ...Array.from({ length: workers }, (_, index) => ({
        name: workers === 1 ? 'worker' : `worker-${index + 1}`,
        ...node('apps/worker/src/main.ts'),
        summary: 'Temporal worker: workflows and their activities',
      })),
    ],
  };
}
