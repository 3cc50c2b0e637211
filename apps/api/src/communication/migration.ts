import { sql, type Migration } from 'kysely';

/** Comment threads and the per-person notifications (registered as `2026_11_28_170_api_communication`). */
export const communicationMigration: Migration = {
  async up(db) {
    await sql`
      create table comments (
        id uuid primary key,
        production_id uuid not null,
        item_kind text not null,
        item_id uuid not null,
        parent_id uuid,
        author_id uuid not null,
        text text not null,
        mentions uuid[] not null default '{}',
        audience jsonb not null,
        created_at timestamptz not null,
        edited_at timestamptz,
        deleted_at timestamptz
      );
      create index comments_by_item on comments (production_id, item_kind, item_id, created_at);
      create table notifications (
        id uuid primary key,
        seq bigserial not null unique,
        person_id uuid not null,
        production_id uuid not null,
        kind text not null,
        payload jsonb not null,
        source_event_id uuid not null,
        created_at timestamptz not null,
        read_at timestamptz
      );
      create index notifications_by_person on notifications (person_id, seq desc);
      create index notifications_unread on notifications (person_id) where read_at is null;
      create index notifications_by_source on notifications (source_event_id);
    `.execute(db);
  },
  async down(db) {
    await sql`drop table notifications, comments`.execute(db);
  },
};

/**
 * Replies by their thread's root (registered as `2026_12_02_100_api_comment_replies`): the reply rule
 * looks up a thread's participants for every reply, which scanned every comment without it.
 */
export const commentRepliesMigration: Migration = {
  async up(db) {
    await sql`create index comments_by_parent on comments (parent_id) where parent_id is not null`.execute(
      db,
    );
  },
  async down(db) {
    await sql`drop index comments_by_parent`.execute(db);
  },
};
