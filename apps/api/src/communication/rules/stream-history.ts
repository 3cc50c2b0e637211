import type { StoredEvent } from '@panggung/event-store';
import type { Transaction } from 'kysely';
import type { Database } from '../../schema/tables.ts';

/** A stream folded up to a version, and the id of the event at that version (to know it is the same log). */
interface Folded {
  readonly version: bigint;
  readonly lastId: string;
  readonly state: unknown;
}

/** How many folded streams are kept per `evolve` function (the most recently used). */
const KEPT = 200;

/** Per `evolve` function, per stream: the fold as far as a previous call went. */
const folded = new WeakMap<object, Map<string, Folded>>();

/**
 * A stream's state just before `event`, folded from the event store itself. Rules read the history
 * rather than another capability's read model, which may be ahead of or behind the communication
 * projection (during a rebuild, say), so a replay notifies exactly the same people.
 *
 * Events never change, so the fold reached by an earlier call is kept (per process, per stream) and only
 * the events after it are read: folding the whole stream again for every event made replaying a long
 * timeline quadratic. A kept fold is used only when the event at its version has the id recorded with
 * it (ids are random UUIDs), so another database with the same stream ids never borrows it.
 */
export async function stateBefore<State, Event>(
  trx: Transaction<Database>,
  event: StoredEvent,
  initial: State,
  evolve: (state: State, event: Event) => State,
): Promise<State> {
  let cache = folded.get(evolve);
  if (!cache) folded.set(evolve, (cache = new Map()));
  const kept = cache.get(event.streamId);
  const known = kept && kept.version < event.streamVersion ? kept : undefined;
  const read = (from: bigint) =>
    trx
      .selectFrom('events')
      .select(['id', 'stream_version', 'type', 'data'])
      .where('stream_id', '=', event.streamId)
      .where('stream_version', '>=', from.toString())
      .where('stream_version', '<', event.streamVersion.toString())
      .orderBy('stream_version')
      .execute();
  let state = initial;
  let rows = known ? await read(known.version) : [];
  if (known && rows[0]?.id === known.lastId) {
    state = known.state as State;
    rows = rows.slice(1);
  } else rows = await read(1n);
  state = rows.reduce((current, row) => evolve(current, { type: row.type, data: row.data } as Event), state);
  const last = rows.at(-1);
  if (last) {
    cache.delete(event.streamId);
    cache.set(event.streamId, { version: BigInt(last.stream_version), lastId: last.id, state });
    const oldest = cache.keys().next();
    if (cache.size > KEPT && !oldest.done) cache.delete(oldest.value);
  }
  return state;
}

/** Which of these people are members of the production now: nobody outside it hears about its work. */
export async function membersAmong(
  trx: Transaction<Database>,
  productionId: string,
  personIds: readonly string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await trx
    .selectFrom('production_members')
    .select('person_id')
    .distinct()
    .where('production_id', '=', productionId)
    .where('person_id', 'in', [...personIds])
    .execute();
  return new Set(rows.map((row) => row.person_id));
}
