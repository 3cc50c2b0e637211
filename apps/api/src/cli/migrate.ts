import { createEventStore } from '@panggung/event-store';
import { migrate } from '../schema/migrations.ts';

/** `pnpm --filter @panggung/api run migrate`: the event store's and the API's migrations on DATABASE_URL. */
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: give the PostgreSQL to migrate.');
  process.exit(2);
}
const store = createEventStore({ connectionString: url, poolSize: 1 });
try {
  const applied = await migrate(store.db as never);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database is up to date.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await store.close();
}
