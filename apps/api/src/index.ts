export { buildApp, type BuildOptions } from './app.ts';
export { configFromEnv, type ApiConfig } from './config.ts';
export { migrate } from './schema/migrations.ts';
export type { Database } from './schema/tables.ts';
