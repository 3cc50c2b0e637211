import { createHash } from 'node:crypto';
import type { CommunicationEvents } from '@panggung/contracts';
import { COMMENT_EVENT_TYPES } from '@panggung/domain';
import type { Projection, StoredEvent } from '@panggung/event-store';
import type { Transaction } from 'kysely';
import type { Database } from '../schema/tables.ts';
import { NOTIFICATION_RULES, NOTIFYING_EVENT_TYPES } from './rules/index.ts';

/** A notification's id from its cause, so a replay makes the same notifications (and no duplicates). */
export function notificationId(eventId: string, personId: string, kind: string): string {
  const hex = createHash('sha1').update(`${eventId}:${personId}:${kind}`).digest('hex');
  // Shaped as a version-5 UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Comment threads and every person's notifications, in one projection so the rules read the comments
 * read model at exactly the event they handle. Read marks are events too (`notifications-<personId>`),
 * so a rebuild keeps what was read.
 */
export const communicationProjection: Projection<Database> = {
  name: 'communication',
  dependsOn: ['productions', 'organisations'], // the rules read the roster (members, admins) and names
  handles: (event) =>
    COMMENT_EVENT_TYPES.has(event.type) ||
    event.type === 'NotificationsRead' ||
    NOTIFYING_EVENT_TYPES.has(event.type),
  async apply(trx, events) {
    for (const event of events) {
      if (COMMENT_EVENT_TYPES.has(event.type) && event.streamId.startsWith('comments-'))
        await applyComment(trx, event);
      if (event.type === 'NotificationsRead' && event.streamId.startsWith('notifications-'))
        await applyRead(trx, event);
      for (const rules of NOTIFICATION_RULES) {
        if (!rules.eventTypes.has(event.type)) continue;
        const drafts = await rules.notify(event, trx);
        if (drafts.length === 0) continue;
        await trx
          .insertInto('notifications')
          .values(
            drafts.map((draft) => ({
              id: notificationId(event.id, draft.personId, draft.kind),
              person_id: draft.personId,
              production_id: draft.productionId,
              kind: draft.kind,
              payload: JSON.stringify(draft.payload),
              source_event_id: event.id,
              created_at: event.metadata.recordedAt,
            })),
          )
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
    }
  },
  async reset(trx) {
    await trx.deleteFrom('notifications').execute();
    await trx.deleteFrom('comments').execute();
  },
};

async function applyComment(trx: Transaction<Database>, event: StoredEvent): Promise<void> {
  switch (event.type) {
    case 'CommentPosted': {
      const data = event.data as unknown as CommunicationEvents.CommentPosted;
      await trx
        .insertInto('comments')
        .values({
          id: data.commentId,
          production_id: data.productionId,
          item_kind: data.item.kind,
          item_id: data.item.id,
          parent_id: data.parentId ?? null,
          author_id: data.authorId,
          text: data.text,
          mentions: data.mentions,
          audience: JSON.stringify(data.audience),
          created_at: data.postedAt,
          edited_at: null,
          deleted_at: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      return;
    }
    case 'CommentEdited': {
      const data = event.data as unknown as CommunicationEvents.CommentEdited;
      await trx
        .updateTable('comments')
        .set({
          text: data.text,
          mentions: data.mentions,
          audience: JSON.stringify(data.audience),
          edited_at: data.editedAt,
        })
        .where('id', '=', data.commentId)
        .execute();
      return;
    }
    case 'CommentDeleted': {
      const data = event.data as unknown as CommunicationEvents.CommentDeleted;
      await trx
        .updateTable('comments')
        .set({ text: '', mentions: [], deleted_at: data.deletedAt })
        .where('id', '=', data.commentId)
        .execute();
      return;
    }
  }
}

async function applyRead(trx: Transaction<Database>, event: StoredEvent): Promise<void> {
  const data = event.data as unknown as CommunicationEvents.NotificationsRead;
  let query = trx
    .updateTable('notifications')
    .set({ read_at: event.metadata.recordedAt })
    .where('person_id', '=', data.personId)
    .where('read_at', 'is', null);
  if (data.ids)
    query = query.where(
      'id',
      'in',
      data.ids.length > 0 ? data.ids : ['00000000-0000-0000-0000-000000000000'],
    );
  else if (data.upTo) query = query.where('created_at', '<=', new Date(data.upTo));
  await query.execute();
}
