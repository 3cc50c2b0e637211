import { migrateToLatest } from '@panggung/event-store';
import { sql, type Kysely, type Migration } from 'kysely';

const api001: Migration = {
  async up(db) {
    await sql`
      create table organisations (id uuid primary key, name text not null);
      create table people (
        id uuid primary key,
        organisation_id uuid not null,
        name text not null,
        email text not null unique,
        locale text not null,
        organisation_roles text[] not null default '{}',
        party_id uuid
      );
      create table productions (
        id uuid primary key,
        organisation_id uuid not null,
        name text not null,
        kind text not null,
        venue jsonb not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        time_zone text not null,
        currency text not null,
        client_name text,
        status text not null,
        version bigint not null,
        updated_at timestamptz not null
      );
      create index productions_by_start on productions (starts_at desc, id);
      create table production_members (
        production_id uuid not null,
        person_id uuid not null,
        role text not null,
        department text,
        party_id uuid,
        primary key (production_id, person_id, role)
      );
      create index production_members_by_person on production_members (person_id);
      create table credentials (
        person_id uuid primary key,
        email text not null unique,
        password_hash text not null,
        updated_at timestamptz not null default now()
      );
      create table sessions (
        token_hash text primary key,
        person_id uuid not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null
      );
      create index sessions_by_person on sessions (person_id);
    `.execute(db);
  },
  async down(db) {
    await sql`drop table sessions, credentials, production_members, productions, people, organisations`.execute(
      db,
    );
  },
};

/** The API's migrations, applied after the event store's in one ordered list. */
export const apiMigrations: Record<string, Migration> = {
  '2026_11_26_100_api_read_models': api001,
};

/** Applies the event store's and the API's migrations (safe from several processes at once). */
export function migrate(db: Kysely<unknown>): Promise<string[]> {
  return migrateToLatest(db, apiMigrations);
}
