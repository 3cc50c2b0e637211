export { startPostgres, waitForPostgres, createDatabase, redactUrl } from './postgres/postgres.ts';
export type { RunningPostgres, PostgresOptions } from './postgres/postgres.ts';
export { PortInUseError, isPortFree, findFreePort, assertPortFree } from './postgres/port.ts';
