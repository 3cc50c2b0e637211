/**
 * The worker process (`pnpm --filter @panggung/worker start`): runs every workflow and activity on the
 * configured task queue until SIGINT or SIGTERM. Migrations are not its business: the stack's steps run
 * them first. Settings are checked before the SDK and the store are loaded, so a missing one is reported
 * at once.
 */
import {
  readTemporalSettings,
  TemporalSettingsError,
  type TemporalSettings,
} from '@panggung/temporal-settings';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  fail(
    'DATABASE_URL is not set: the worker appends workflow events to the event store. Give its PostgreSQL, ' +
      'e.g. DATABASE_URL=postgres://postgres@127.0.0.1:54329/panggung (`pnpm start` sets it for you).',
  );
}
let config: TemporalSettings;
try {
  config = readTemporalSettings(process.env);
} catch (error) {
  if (error instanceof TemporalSettingsError) fail(error.message);
  throw error;
}

const { runWorker } = await import('./run-worker.ts');
try {
  await runWorker({ databaseUrl, config });
} catch (error) {
  process.exitCode = 1;
  console.error(process.env.PANGGUNG_DEBUG ? error : `Worker failed: ${(error as Error).message ?? error}`);
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
