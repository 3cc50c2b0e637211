import type { ColumnType, Generated } from 'kysely';
import type { EventStoreTables } from '@panggung/event-store';

/** Read models and the API's own tables, created by `migrations.ts` beside this file. */
export interface PeopleTable {
  id: string;
  organisation_id: string;
  name: string;
  email: string;
  locale: string;
  organisation_roles: string[];
  party_id: string | null;
}

export interface OrganisationsTable {
  id: string;
  name: string;
}

export interface ProductionsTable {
  id: string;
  organisation_id: string;
  name: string;
  kind: string;
  venue: unknown;
  starts_at: ColumnType<Date, string, string>;
  ends_at: ColumnType<Date, string, string>;
  time_zone: string;
  currency: string;
  client_name: string | null;
  status: string;
  version: ColumnType<string, string | number, string | number>;
  updated_at: ColumnType<Date, string, string>;
}

export interface ProductionMembersTable {
  production_id: string;
  person_id: string;
  role: string;
  department: string | null;
  party_id: string | null;
}

/** Not business state, so not events: password hashes can be replaced and must never be exported. */
export interface CredentialsTable {
  person_id: string;
  email: string;
  password_hash: string;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  token_hash: string;
  person_id: string;
  created_at: Generated<Date>;
  expires_at: Date;
}

export interface ApiTables {
  organisations: OrganisationsTable;
  people: PeopleTable;
  productions: ProductionsTable;
  production_members: ProductionMembersTable;
  credentials: CredentialsTable;
  sessions: SessionsTable;
}

export type Database = EventStoreTables & ApiTables;
