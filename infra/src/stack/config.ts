import path from 'node:path';

/** Everything the local stack reads from its environment, with defaults applied. */
export interface StackConfig {
  /** The repository root: after-start steps and services run there. */
  readonly repoRoot: string;
  /** Holds `postgres/`, `temporal/` and `logs/` (PANGGUNG_DATA_DIR, default `<repo>/.data`). */
  readonly dataDir: string;
  /** An existing PostgreSQL to use instead of the embedded one (DATABASE_URL). */
  readonly databaseUrl: string | undefined;
  readonly pgPort: number;
  /** An existing Temporal to use instead of the dev server (TEMPORAL_ADDRESS). */
  readonly temporalAddress: string | undefined;
  readonly temporalPort: number;
  /** `undefined` when the Web UI is switched off (PANGGUNG_TEMPORAL_UI=off). */
  readonly temporalUiPort: number | undefined;
  /** Per server: how long to wait for it to become ready (ms). */
  readonly startTimeoutMs: number;
}

/** Thrown for an environment variable the stack cannot use; the message names it. */
export class StackConfigError extends Error {
  readonly code = 'STACK_CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'StackConfigError';
  }
}

const defaultRepoRoot = path.resolve(import.meta.dirname, '../../..');

/**
 * Reads the stack's settings (see infra/README.md for the list).
 *
 * @example
 * const config = readStackConfig(process.env);
 * console.log(config.pgPort); // 54329 unless PANGGUNG_PG_PORT says otherwise
 */
export function readStackConfig(env: NodeJS.ProcessEnv, repoRoot = defaultRepoRoot): StackConfig {
  const ui = (env.PANGGUNG_TEMPORAL_UI ?? 'on').toLowerCase();
  if (!['on', 'off', '1', '0', 'true', 'false'].includes(ui)) {
    throw new StackConfigError(
      `PANGGUNG_TEMPORAL_UI must be "on" or "off", got "${env.PANGGUNG_TEMPORAL_UI}".`,
    );
  }
  return {
    repoRoot,
    dataDir: path.resolve(repoRoot, env.PANGGUNG_DATA_DIR || '.data'),
    databaseUrl: env.DATABASE_URL || undefined,
    pgPort: port(env, 'PANGGUNG_PG_PORT', 54329),
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    temporalPort: port(env, 'PANGGUNG_TEMPORAL_PORT', 7233),
    temporalUiPort: ['on', '1', 'true'].includes(ui)
      ? port(env, 'PANGGUNG_TEMPORAL_UI_PORT', 8233)
      : undefined,
    startTimeoutMs: seconds(env, 'PANGGUNG_START_TIMEOUT_SECONDS', 60) * 1000,
  };
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (!value) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535) {
    throw new StackConfigError(`${name} must be a port number from 1 to 65535, got "${value}".`);
  }
  return parsed;
}

function seconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (!value) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) {
    throw new StackConfigError(`${name} must be a positive number of seconds, got "${value}".`);
  }
  return parsed;
}
