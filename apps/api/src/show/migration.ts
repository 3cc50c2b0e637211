import { sql, type Migration } from 'kysely';

/** The show days' read model (issue 6): rundown and running show per production and day. */
export const showMigration: Migration = {
  async up(db) {
    await sql`
      create table show_days (
        production_id uuid not null,
        show_day text not null,
        rundown jsonb,
        rundown_version bigint not null default 0,
        show jsonb,
        show_version bigint not null default 0,
        status text,
        current_cue_id uuid,
        next_cue_id uuid,
        updated_at timestamptz not null,
        primary key (production_id, show_day)
      );
    `.execute(db);
  },
  async down(db) {
    await sql`drop table show_days`.execute(db);
  },
};
