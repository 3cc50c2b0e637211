import path from 'node:path';
import { readTemporalSettings, type TemporalSettings } from '@panggung/temporal-settings';

/** Everything the API reads from its environment, in one place (README: Configuration). */
export interface ApiConfig {
  readonly databaseUrl: string;
  readonly temporal: TemporalSettings;
  readonly host: string;
  readonly port: number;
  /** Built dashboard to serve at `/` (the one-machine start); none: API only. */
  readonly dashboardDir?: string | undefined;
  readonly sessionTtlHours: number;
  /** Requests per minute per client before 429. */
  readonly rateLimitPerMinute: number;
  readonly signInLimitPerMinute: number;
  readonly bodyLimitBytes: number;
  readonly heartbeatMs: number;
  /** Bytes a live client may have queued before it is dropped as too slow. */
  readonly liveMaxBufferedBytes: number;
  /**
   * PostgreSQL connections in this process's pool (requests, the live stream, projector batches). The
   * projectors' advisory locks and the LISTEN for new events take one dedicated connection each, outside it.
   */
  readonly dbPoolSize: number;
  /** Run the projectors in this process (one is active per projection across all API nodes). */
  readonly runProjectors: boolean;
  readonly secureCookies: boolean;
  readonly logLevel: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: give the PostgreSQL the API should use.');
  return {
    databaseUrl,
    temporal: readTemporalSettings(env),
    host: env.PANGGUNG_API_HOST ?? '127.0.0.1',
    port: integer(env.PANGGUNG_API_PORT, 3000, 'PANGGUNG_API_PORT'),
    // The one-machine start serves the dashboard built in this checkout.
    dashboardDir: env.PANGGUNG_DASHBOARD_DIR || path.resolve(import.meta.dirname, '../../dashboard/dist'),
    sessionTtlHours: integer(env.PANGGUNG_SESSION_TTL_HOURS, 12, 'PANGGUNG_SESSION_TTL_HOURS'),
    rateLimitPerMinute: integer(env.PANGGUNG_RATE_LIMIT_PER_MINUTE, 600, 'PANGGUNG_RATE_LIMIT_PER_MINUTE'),
    signInLimitPerMinute: integer(
      env.PANGGUNG_SIGN_IN_LIMIT_PER_MINUTE,
      10,
      'PANGGUNG_SIGN_IN_LIMIT_PER_MINUTE',
    ),
    bodyLimitBytes: integer(env.PANGGUNG_BODY_LIMIT_BYTES, 256 * 1024, 'PANGGUNG_BODY_LIMIT_BYTES'),
    heartbeatMs: integer(env.PANGGUNG_HEARTBEAT_MS, 15_000, 'PANGGUNG_HEARTBEAT_MS'),
    liveMaxBufferedBytes: integer(
      env.PANGGUNG_LIVE_MAX_BUFFERED_BYTES,
      4 * 1024 * 1024,
      'PANGGUNG_LIVE_MAX_BUFFERED_BYTES',
    ),
    dbPoolSize: integer(env.PANGGUNG_DB_POOL_SIZE, 30, 'PANGGUNG_DB_POOL_SIZE'),
    runProjectors: env.PANGGUNG_RUN_PROJECTORS !== 'false',
    secureCookies: env.PANGGUNG_SECURE_COOKIES === 'true',
    logLevel: env.PANGGUNG_LOG_LEVEL ?? 'info',
  };
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a whole number, got "${value}"`);
  return parsed;
}
