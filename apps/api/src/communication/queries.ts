import type {
  Comment,
  CommentItemKind,
  Notification,
  NotificationKind,
  NotificationPayload,
} from '@panggung/contracts';
import type { Selectable } from 'kysely';
import type { CommentsTable, NotificationsTable } from './tables.ts';

export function toNotification(row: Selectable<NotificationsTable>): Notification {
  return {
    id: row.id,
    productionId: row.production_id,
    kind: row.kind as NotificationKind,
    payload: row.payload as NotificationPayload,
    createdAt: row.created_at.toISOString(),
    ...(row.read_at ? { readAt: row.read_at.toISOString() } : {}),
  };
}

/** A comment as a thread shows it: a deleted one without text or mentions. */
export function toComment(row: Selectable<CommentsTable>, names: ReadonlyMap<string, string>): Comment {
  const named = (id: string) => ({ id, name: names.get(id) ?? id });
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    productionId: row.production_id,
    item: { kind: row.item_kind as CommentItemKind, id: row.item_id },
    ...(row.parent_id ? { parentId: row.parent_id } : {}),
    author: named(row.author_id),
    ...(deleted ? {} : { text: row.text }),
    mentions: deleted ? [] : row.mentions.map(named),
    deleted,
    createdAt: row.created_at.toISOString(),
    ...(row.edited_at && !deleted ? { editedAt: row.edited_at.toISOString() } : {}),
  };
}
