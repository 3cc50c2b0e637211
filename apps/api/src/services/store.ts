import { createEventStore, type EventStore } from '@panggung/event-store';
import fp from 'fastify-plugin';
import { migrate } from '../schema/migrations.ts';
import type { Database } from '../schema/tables.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The event store, whose `db` also reaches the read models. */
    store: EventStore<Database>;
  }
}

/** The event store as a named, shared service: migrated on start, closed with the app. */
export const storePlugin = fp<{ databaseUrl: string; poolSize: number; migrate?: boolean }>(
  async (app, options) => {
    const store = createEventStore<Database>({
      connectionString: options.databaseUrl,
      applicationName: 'panggung-api',
      poolSize: options.poolSize,
      onError: (error) => app.log.warn({ err: error }, 'event store'),
    });
    if (options.migrate !== false) await migrate(store.db as never);
    app.decorate('store', store);
    app.addHook('onClose', () => store.close());
  },
  { name: 'store' },
);
