import fs from 'node:fs';
import { taskQueue as defaultTaskQueue } from '@panggung/workflows';

/** How the API and the worker reach Temporal, and which task queue they share. */
export interface TemporalSettings {
  /** `host:port` of the Temporal frontend (TEMPORAL_ADDRESS, default `127.0.0.1:7233`). */
  readonly address: string;
  /** TEMPORAL_NAMESPACE, default `default`. */
  readonly namespace: string;
  /** PANGGUNG_TASK_QUEUE, default `panggung`. */
  readonly taskQueue: string;
  /**
   * `false` for plain gRPC (a local dev server); `true` for TLS with the system's roots (Temporal Cloud with
   * an API key); a client certificate pair for mTLS.
   */
  readonly tls: false | true | { readonly clientCertPair: { readonly crt: Buffer; readonly key: Buffer } };
  /** TEMPORAL_API_KEY (Temporal Cloud); implies TLS. */
  readonly apiKey: string | undefined;
}

/** A Temporal setting that cannot be used; the message names the variable. */
export class TemporalSettingsError extends Error {
  readonly code = 'TEMPORAL_SETTINGS_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'TemporalSettingsError';
  }
}

/**
 * Reads the Temporal settings (see apps/worker/README.md and infra/README.md). Certificate files are read here, so a wrong
 * path fails at start with the variable's name rather than deep inside the connection.
 *
 * @example
 * const config = readTemporalSettings({ TEMPORAL_ADDRESS: 'my-ns.a1b2c.tmprl.cloud:7233', TEMPORAL_API_KEY: key });
 */
export function readTemporalSettings(env: NodeJS.ProcessEnv): TemporalSettings {
  const apiKey = env.TEMPORAL_API_KEY || undefined;
  const certPath = env.TEMPORAL_TLS_CERT || undefined;
  const keyPath = env.TEMPORAL_TLS_KEY || undefined;
  if (Boolean(certPath) !== Boolean(keyPath)) {
    throw new TemporalSettingsError(
      'TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together: set both (client certificate and its key) or neither.',
    );
  }
  const tls: TemporalSettings['tls'] =
    certPath && keyPath
      ? {
          clientCertPair: {
            crt: readFile(certPath, 'TEMPORAL_TLS_CERT'),
            key: readFile(keyPath, 'TEMPORAL_TLS_KEY'),
          },
        }
      : apiKey !== undefined || flag(env, 'TEMPORAL_TLS');
  return {
    address: env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
    namespace: env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: env.PANGGUNG_TASK_QUEUE || defaultTaskQueue,
    tls,
    apiKey,
  };
}

function readFile(file: string, name: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new TemporalSettingsError(`${name}=${file} cannot be read: ${(error as Error).message}`);
  }
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = (env[name] ?? '').toLowerCase();
  if (['', '0', 'false', 'off'].includes(value)) return false;
  if (['1', 'true', 'on'].includes(value)) return true;
  throw new TemporalSettingsError(`${name} must be "true" or "false", got "${env[name]}".`);
}
