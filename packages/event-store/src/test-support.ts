import { freshDatabase } from '@panggung/infra/testing';
import pg from 'pg';
import {
  START,
  createEventStore,
  type Checkpoint,
  type EventStore,
  type EventStoreOptions,
} from './index.ts';

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

/**
 * The checkpoint after every event committed so far. The read horizon is cluster-wide, so a short
 * transaction elsewhere on the server can hold events back for a moment: read until none are.
 */
export async function settledCheckpoint(store: EventStore): Promise<Checkpoint> {
  let checkpoint = START;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const page = await store.readAll(checkpoint, 10_000);
    checkpoint = page.checkpoint;
    if (page.events.length < 10_000 && !page.heldBack) return checkpoint;
    if (Date.now() > deadline) throw new Error('events stayed held back for 10 s');
  }
}
