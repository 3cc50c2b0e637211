import type { NotificationKind, NotificationPayload } from '@panggung/contracts';
import type { StoredEvent } from '@panggung/event-store';
import type { RuleLookups } from './lookups.ts';

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
 * reads the read models (members, people, comments) and stream histories through `lookups`, which reads
 * each once per batch (its `trx` is there for what is read rarely). It must only notify people who may
 * see what it names.
 */
export interface NotificationRules {
  readonly source: string;
  readonly eventTypes: ReadonlySet<string>;
  notify(event: StoredEvent, lookups: RuleLookups): Promise<NotificationDraft[]>;
}

/** `person:<id>` actors as person ids. */
export function actorPerson(event: StoredEvent): string | undefined {
  const actor = event.metadata.actor;
  return actor.startsWith('person:') ? actor.slice('person:'.length) : undefined;
}
