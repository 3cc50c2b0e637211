import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { EventStoreTables } from './schema/tables.ts';

export interface DatabaseOptions {
  readonly connectionString: string;
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
  readonly applicationName?: string;
}

/** A Kysely instance over a `pg` pool, typed with the event store's tables plus the caller's own. */
export function createDatabase<Extra = object>(options: DatabaseOptions): Kysely<EventStoreTables & Extra> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'panggung',
  });
  // A connection that the server drops must never crash the process: an idle one is replaced by the pool,
  // and a checked-out one (say, inside a transaction) fails its next query, which its caller handles.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return new Kysely<EventStoreTables & Extra>({ dialect: new PostgresDialect({ pool }) });
}
