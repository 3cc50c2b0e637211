import type { ColumnType, Generated } from 'kysely';

/** The comment threads' read model (migration `2026_11_28_170_api_communication`). */
export interface CommentsTable {
  id: string;
  production_id: string;
  item_kind: string;
  item_id: string;
  parent_id: string | null;
  author_id: string;
  /** Empty once deleted: a deleted comment's text is not kept in the read model. */
  text: string;
  mentions: ColumnType<string[], string[], string[]>;
  audience: ColumnType<{ vendorId?: string; client: boolean }, string, string>;
  created_at: ColumnType<Date, string, string>;
  edited_at: ColumnType<Date | null, string | null, string | null>;
  deleted_at: ColumnType<Date | null, string | null, string | null>;
}

/** One notification for one person, made by a rule from an event (`rules/`). */
export interface NotificationsTable {
  id: string;
  /** Insertion order: the feed's order and its cursor. */
  seq: Generated<string>;
  person_id: string;
  production_id: string;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  /** The event that caused it (the live hub sends only what the events it just saw caused). */
  source_event_id: string;
  created_at: ColumnType<Date, string, string>;
  read_at: ColumnType<Date | null, string | null | undefined, string | null>;
}

export interface CommunicationTables {
  comments: CommentsTable;
  notifications: NotificationsTable;
}
