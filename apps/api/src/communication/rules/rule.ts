import type { NotificationKind, NotificationPayload } from '@panggung/contracts';
import type { StoredEvent } from '@panggung/event-store';
import type { Transaction } from 'kysely';
import type { Database } from '../../schema/tables.ts';

/** One notification a rule asks for: to whom, about which production, what it says. */
export interface NotificationDraft {
  readonly personId: string;
  readonly productionId: string;
  readonly kind: NotificationKind;
  readonly payload: NotificationPayload;
}

/**
 * The notification rules of one source capability: which of its events notify whom. A rule runs inside
 * the communication projection's transaction, after the comments read model took the same event, and
 * may read any read model (members, comments). It must only notify people who may see what it names.
 */
export interface NotificationRules {
  readonly source: string;
  readonly eventTypes: ReadonlySet<string>;
  notify(event: StoredEvent, trx: Transaction<Database>): Promise<NotificationDraft[]>;
}

/** The name of a person, for a notification's text (undefined for processes such as workflows). */
export async function personName(trx: Transaction<Database>, personId: string | undefined) {
  if (!personId) return undefined;
  const row = await trx.selectFrom('people').select('name').where('id', '=', personId).executeTakeFirst();
  return row?.name;
}

/** `person:<id>` actors as person ids. */
export function actorPerson(event: StoredEvent): string | undefined {
  const actor = event.metadata.actor;
  return actor.startsWith('person:') ? actor.slice('person:'.length) : undefined;
}
