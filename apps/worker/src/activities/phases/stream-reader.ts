import type { StoredEvent } from '@panggung/event-store';

/** What facts gathering needs of the event store (the worker's and the API's both have it). */
export interface StreamReader {
  readStream(streamId: string, options?: { limit?: number }): Promise<StoredEvent[]>;
  streamVersion(streamId: string): Promise<bigint>;
}

/** A stream's events of the given types, as the domain's events (the store validated them on the way in). */
export async function readDomainEvents<E>(
  store: StreamReader,
  streamId: string,
  types: ReadonlySet<string>,
): Promise<E[]> {
  const events = await store.readStream(streamId, { limit: 100_000 });
  return events
    .filter((event) => types.has(event.type))
    .map((event) => ({ type: event.type, data: event.data }) as E);
}
