import { freshDatabase } from '@panggung/infra/testing';
import pg from 'pg';
import { createEventStore, type EventStore, type EventStoreOptions } from './index.ts';

/** A migrated event store on a fresh database of the test PostgreSQL (integration tests only). */
export async function openTestStore(
  label: string,
  options: Partial<EventStoreOptions> = {},
): Promise<{ store: EventStore; url: string }> {
  const url = await freshDatabase(label);
  const store = createEventStore({ connectionString: url, ...options });
  await store.migrate();
  return { store, url };
}

/** Runs SQL on its own connection, as an operator with psql would. */
export async function psql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function countEvents(url: string): Promise<number> {
  const [row] = await psql<{ n: string }>(url, 'select count(*) as n from events');
  return Number(row!.n);
}

export const actor = { metadata: { actor: 'person:test' } } as const;
