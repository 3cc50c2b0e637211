export {
  startPostgres,
  waitForPostgres,
  createDatabase,
  ensureDatabase,
  redactUrl,
} from './postgres/postgres.ts';
export type { RunningPostgres, PostgresOptions } from './postgres/postgres.ts';
export { PortInUseError, isPortFree, findFreePort, assertPortFree } from './postgres/port.ts';
export { startTemporal, TemporalStartError } from './temporal/temporal-server.ts';
export type { RunningTemporal, TemporalOptions } from './temporal/temporal-server.ts';
export { findTemporalCli, TemporalCliMissingError } from './temporal/find-temporal-cli.mjs';
export type { TemporalCli, FindTemporalCliOptions } from './temporal/find-temporal-cli.mjs';
export { spawnTied } from './process/tied-process.ts';
export type { TiedProcess, ProcessExit } from './process/tied-process.ts';
