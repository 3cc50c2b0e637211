import { createEventStore } from '@panggung/event-store';
import { migrate } from '../schema/migrations.ts';
import type { Database } from '../schema/tables.ts';
import { seedDemo } from '../seed/demo.ts';

/** `pnpm --filter @panggung/api run seed`: the demo organisation and production, once (PANGGUNG_SEED_DEMO=false skips). */
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: give the PostgreSQL to seed.');
  process.exit(2);
}
if (process.env.PANGGUNG_SEED_DEMO === 'false') {
  console.log('Demo data: skipped (PANGGUNG_SEED_DEMO=false).');
  process.exit(0);
}
const store = createEventStore<Database>({ connectionString: url, poolSize: 2 });
try {
  await migrate(store.db as never);
  const outcome = await seedDemo(store);
  console.log(
    outcome === 'seeded'
      ? 'Demo data: seeded the Gema Nusantara Production organisation.'
      : 'Demo data: already there.',
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await store.close();
}
