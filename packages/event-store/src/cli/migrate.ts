import { createEventStore } from '../index.ts';

/** `pnpm --filter @panggung/event-store run migrate`: applies pending migrations to DATABASE_URL. */
const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'DATABASE_URL is not set: give the PostgreSQL to migrate, e.g. postgres://postgres@127.0.0.1:5432/panggung',
  );
  process.exit(2);
}
const store = createEventStore({ connectionString: url, poolSize: 1 });
try {
  const applied = await store.migrate();
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database is up to date.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await store.close();
}
