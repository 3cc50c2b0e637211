import { createEventStore } from '@panggung/event-store';
import { readTemporalSettings } from '@panggung/temporal-settings';
import { Client, Connection } from '@temporalio/client';
import { startApprovalWorkflow } from '../approvals/workflow-client.ts';
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
  const temporal = readTemporalSettings(process.env);
  let connection: Connection | undefined;
  // The demo leaves one contract waiting in approval; its workflow runs once the worker is up.
  const outcome = await seedDemo(store, {
    startApproval: async (input) => {
      try {
        connection ??= await Connection.connect({
          address: temporal.address,
          tls: temporal.tls === false ? undefined : temporal.tls === true ? {} : temporal.tls,
          ...(temporal.apiKey ? { apiKey: temporal.apiKey } : {}),
          connectTimeout: 10_000,
        });
        await startApprovalWorkflow(
          new Client({ connection, namespace: temporal.namespace }),
          temporal.taskQueue,
          input,
        );
      } catch (error) {
        console.warn(
          `Demo data: the lighting contract stays drafted (its approval could not start: ${(error as Error).message}).`,
        );
      }
    },
  });
  await connection?.close();
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
