import type { StoredEvent } from '@panggung/event-store';
import type { Transaction } from 'kysely';
import type { Database } from '../../schema/tables.ts';

/**
 * A stream's state just before `event`, folded from the event store itself. Rules read the history
 * rather than another capability's read model, which may be ahead of or behind the communication
 * projection (during a rebuild, say), so a replay notifies exactly the same people.
 */
export async function stateBefore<State, Event>(
  trx: Transaction<Database>,
  event: StoredEvent,
  initial: State,
  evolve: (state: State, event: Event) => State,
): Promise<State> {
  const rows = await trx
    .selectFrom('events')
    .select(['type', 'data'])
    .where('stream_id', '=', event.streamId)
    .where('stream_version', '<', event.streamVersion.toString())
    .orderBy('stream_version')
    .execute();
  return rows.reduce((state, row) => evolve(state, { type: row.type, data: row.data } as Event), initial);
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
