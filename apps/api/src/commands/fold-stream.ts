import type { EventStore } from '@panggung/event-store';
import type { Database } from '../schema/tables.ts';

/** What folding a stream needs: the domain's `evolve`, where it starts, and the types it understands. */
export interface Fold<Event, State> {
  evolve(state: State, event: Event): State;
  initial: State;
  /** Others in the stream (from newer code) are passed over. */
  eventTypes: ReadonlySet<string>;
}

interface Folded {
  readonly state: unknown;
  readonly version: number;
}

/** How many folded streams each fold keeps per process (the most recently used). */
const KEPT = 200;

/** Per store, per `evolve` function, per stream: the state folded last time and its version. */
const folded = new WeakMap<object, WeakMap<object, Map<string, Folded>>>();

/**
 * A stream folded into state, with its version. A stream only grows and events never change, so the state
 * folded last time is kept (per process) and only the events appended since are read and applied: a
 * production's crew stream of 2,000 shifts would otherwise be read and folded whole (about 0.8 MB of JSON,
 * tens of milliseconds) on every command and every view built from it.
 */
export async function foldStream<Event, State>(
  store: Pick<EventStore<Database>, 'readStream'>,
  streamId: string,
  fold: Fold<Event, State>,
): Promise<{ state: State; version: number }> {
  let byFold = folded.get(store);
  if (!byFold) folded.set(store, (byFold = new WeakMap()));
  let cache = byFold.get(fold.evolve);
  if (!cache) byFold.set(fold.evolve, (cache = new Map()));
  const known = (cache.get(streamId) as { state: State; version: number } | undefined) ?? {
    state: fold.initial,
    version: 0,
  };
  const stored = await store.readStream(streamId, { fromVersion: known.version + 1, limit: 100_000 });
  const state = stored
    .filter((event) => fold.eventTypes.has(event.type))
    .reduce(
      (current, event) => fold.evolve(current, { type: event.type, data: event.data } as unknown as Event),
      known.state,
    );
  const result = { state, version: known.version + stored.length };
  // Concurrent loads may finish out of order: keep the newer.
  if (result.version >= (cache.get(streamId)?.version ?? 0)) {
    cache.delete(streamId);
    cache.set(streamId, result);
    const oldest = cache.keys().next();
    if (cache.size > KEPT && !oldest.done) cache.delete(oldest.value);
  }
  return result;
}
