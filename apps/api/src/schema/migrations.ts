import { migrateToLatest } from '@panggung/event-store';
import { sql, type Kysely, type Migration } from 'kysely';
import { commentRepliesMigration, communicationMigration } from '../communication/migration.ts';
import { showMigration } from '../show/migration.ts';

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

/** Read models of vendor contracts (issue 4): directory, RFQs and quotes, contracts, inbox, budget. */
const api002: Migration = {
  async up(db) {
    await sql`
      create table vendors (
        id uuid primary key,
        organisation_id uuid not null,
        name text not null,
        category text not null,
        contacts jsonb not null,
        npwp text,
        address text,
        version bigint not null
      );
      create index vendors_by_organisation on vendors (organisation_id, name, id);
      create table rfqs (
        id uuid primary key,
        production_id uuid not null,
        category text not null,
        title text not null,
        description text,
        vendor_ids uuid[] not null,
        deadline timestamptz not null,
        status text not null,
        awarded_quote_id uuid,
        awarded_vendor_id uuid,
        awarded_total bigint,
        issued_at timestamptz not null,
        version bigint not null
      );
      create index rfqs_by_production on rfqs (production_id, issued_at desc);
      create table quotes (
        id uuid primary key,
        rfq_id uuid not null,
        vendor_id uuid not null,
        revision integer not null,
        currency text not null,
        terms jsonb not null,
        note text,
        submitted_at timestamptz not null,
        unique (rfq_id, vendor_id)
      );
      create table contracts (
        id uuid primary key,
        production_id uuid not null,
        organisation_id uuid not null,
        vendor_id uuid not null,
        rfq_id uuid not null,
        quote_id uuid not null,
        category text not null,
        currency text not null,
        version integer not null,
        status text not null,
        round integer not null,
        step text,
        assignee_id uuid,
        client_approval_required boolean,
        client_step_reached boolean not null default false,
        terms jsonb not null,
        milestones jsonb not null,
        total bigint not null,
        stream_version bigint not null,
        updated_at timestamptz not null
      );
      create index contracts_by_production on contracts (production_id, updated_at desc);
      create table contract_timeline (
        contract_id uuid not null,
        stream_version bigint not null,
        type text not null,
        data jsonb not null,
        actor text not null,
        at timestamptz not null,
        primary key (contract_id, stream_version)
      );
      create table approval_policies (
        production_id uuid primary key,
        client_approval_threshold bigint not null,
        reminder_after_ms bigint not null,
        escalate_after_ms bigint not null,
        owner_id uuid not null,
        version bigint not null
      );
      create table approval_inbox (
        contract_id uuid primary key,
        production_id uuid not null,
        round integer not null,
        step text not null,
        contract_version integer not null,
        assignee_id uuid not null,
        opened_at timestamptz not null,
        due_at timestamptz not null,
        escalates_at timestamptz not null,
        reminded boolean not null default false,
        escalated_to uuid
      );
      create index approval_inbox_by_assignee on approval_inbox (assignee_id, opened_at);
      create table budget_lines (
        production_id uuid not null,
        category text not null,
        estimate bigint not null default 0,
        committed bigint not null default 0,
        actual bigint not null default 0,
        primary key (production_id, category)
      );
    `.execute(db);
  },
  async down(db) {
    await sql`drop table budget_lines, approval_inbox, approval_policies, contract_timeline, contracts, quotes, rfqs, vendors`.execute(
      db,
    );
  },
};

const apiTimeline: Migration = {
  async up(db) {
    await sql`
      create table timeline_tasks (
        task_id uuid primary key,
        production_id uuid not null,
        title text not null,
        kind text not null,
        owner_id uuid,
        duration_minutes integer not null,
        due_at timestamptz,
        progress text not null default 'todo',
        started_at timestamptz,
        completed_at timestamptz,
        added_at bigint not null
      );
      create index timeline_tasks_by_production on timeline_tasks (production_id, added_at);
      create table timeline_dependencies (
        production_id uuid not null,
        predecessor_id uuid not null,
        successor_id uuid not null,
        added_at bigint not null,
        primary key (production_id, predecessor_id, successor_id)
      );
    `.execute(db);
  },
  async down(db) {
    await sql`drop table timeline_dependencies, timeline_tasks`.execute(db);
  },
};

const apiLogistics: Migration = {
  async up(db) {
    await sql`
      create table logistics_venues (production_id uuid primary key, details jsonb not null);
      create table logistics_equipment (
        item_id uuid primary key,
        production_id uuid not null,
        department text not null,
        item jsonb not null,
        added_at bigint not null
      );
      create index logistics_equipment_by_production on logistics_equipment (production_id, department, added_at);
      create table logistics_runs (
        run_id uuid primary key,
        production_id uuid not null,
        departs_at timestamptz not null,
        run jsonb not null
      );
      create index logistics_runs_by_production on logistics_runs (production_id, departs_at);
      create table logistics_windows (
        window_id uuid primary key,
        production_id uuid not null,
        starts_at timestamptz not null,
        load_window jsonb not null
      );
      create index logistics_windows_by_production on logistics_windows (production_id, starts_at);
    `.execute(db);
  },
  async down(db) {
    await sql`drop table logistics_windows, logistics_runs, logistics_equipment, logistics_venues`.execute(
      db,
    );
  },
};

/** Technical preparation (issue 5): the production's technical state as the domain folds it. */
const apiTechnical: Migration = {
  async up(db) {
    await sql`
      create table technical_views (
        production_id uuid primary key,
        state jsonb not null,
        version bigint not null
      );
    `.execute(db);
  },
  async down(db) {
    await sql`drop table technical_views`.execute(db);
  },
};

/** Read models of crew scheduling (issue 5): shifts across the organisation, unavailability, calendar feeds. */
const apiCrew: Migration = {
  async up(db) {
    await sql`
      create table crew_shifts (
        shift_id uuid primary key,
        organisation_id uuid not null,
        production_id uuid not null,
        person_id uuid not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        call_at timestamptz not null,
        location text not null,
        department text not null,
        role text,
        key boolean not null default false,
        sequence integer not null default 0,
        updated_at timestamptz not null
      );
      create index crew_shifts_by_person on crew_shifts (organisation_id, person_id, starts_at);
      create index crew_shifts_by_production on crew_shifts (production_id, call_at);
      create table crew_unavailability (
        period_id uuid primary key,
        organisation_id uuid not null,
        production_id uuid not null,
        person_id uuid not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        reason text
      );
      create index crew_unavailability_by_person on crew_unavailability (organisation_id, person_id, starts_at);
      create table crew_calendar_tokens (
        person_id uuid primary key,
        token_hash text not null unique,
        created_at timestamptz not null
      );
    `.execute(db);
  },
  async down(db) {
    await sql`drop table crew_calendar_tokens, crew_unavailability, crew_shifts`.execute(db);
  },
};

/** Show-day incidents (issue 6): the domain's `IncidentsState` per production, as JSON. */
const apiIncidents: Migration = {
  async up(db) {
    await sql`
      create table incident_views (
        production_id uuid primary key,
        state jsonb not null,
        version bigint not null
      );
    `.execute(db);
  },
  async down(db) {
    await sql`drop table incident_views`.execute(db);
  },
};

/**
 * Issue 7: each finished approval and phase workflow's Temporal history, kept with its production beyond
 * Temporal's retention. A row is queued `pending` by the `audit-workflow-histories` reactor when an event
 * says the workflow ended, and filled in (`kept`, or `missing` when Temporal has no such run) by the
 * keeper, which fetches the history outside any transaction (`audit/workflow-history-keeper.ts`).
 */
const apiWorkflowHistories: Migration = {
  async up(db) {
    await sql`
      create table workflow_histories (
        workflow_id text primary key,
        production_id uuid not null,
        kind text not null,
        status text not null default 'pending' check (status in ('pending', 'kept', 'missing')),
        ended_by text not null,
        ended_at timestamptz not null,
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        claimed_until timestamptz,
        last_error text,
        run_id text,
        workflow_type text,
        closed_at timestamptz,
        event_count integer,
        history jsonb,
        kept_at timestamptz
      );
      create index workflow_histories_by_production on workflow_histories (production_id, ended_at);
      create index workflow_histories_due on workflow_histories (next_attempt_at) where status = 'pending';
    `.execute(db);
  },
  async down(db) {
    await sql`drop table workflow_histories`.execute(db);
  },
};

/**
 * Time-travel checkpoints (issue 7): every `AUDIT_SNAPSHOT_EVERY` events of a production, its folded
 * audit state (devalue text, `encodeFold`), written by the `audit-snapshots` projection; and where that
 * projection stands per production. `folder_version` is `AUDIT_FOLDER_VERSION`: rows of another version
 * are ignored. `max_recorded_at` is the latest `recordedAt` of every event folded (for `?at=`),
 * `segment_min_recorded_at` the earliest since the snapshot before (so a read for an instant can stop
 * at the last segment holding an event recorded by then).
 */
const apiAuditSnapshots: Migration = {
  async up(db) {
    await sql`
      create table audit_snapshots (
        production_id text not null,
        folder_version integer not null,
        transaction_id xid8 not null,
        position bigint not null,
        event_count bigint not null,
        max_recorded_at timestamptz not null,
        segment_min_recorded_at timestamptz not null,
        state text not null,
        primary key (production_id, folder_version, transaction_id, position)
      );
      create table audit_snapshot_heads (
        production_id text primary key,
        transaction_id xid8 not null,
        position bigint not null,
        event_count bigint not null,
        last_event_id text not null
      );
    `.execute(db);
  },
  async down(db) {
    await sql`drop table audit_snapshot_heads, audit_snapshots`.execute(db);
  },
};

/** The API's migrations, applied after the event store's in one ordered list. */
export const apiMigrations: Record<string, Migration> = {
  '2026_11_26_100_api_read_models': api001,
  '2026_11_27_100_api_vendor_contracts': api002,
  '2026_11_28_120_api_crew': apiCrew,
  '2026_11_28_170_api_communication': communicationMigration,
  '2026_11_28_130_api_timeline': apiTimeline,
  '2026_11_28_140_api_logistics': apiLogistics,
  '2026_11_28_160_api_technical': apiTechnical,
  '2026_11_29_100_api_show': showMigration,
  '2026_12_01_120_api_incidents': apiIncidents,
  '2026_12_02_170_api_workflow_histories': apiWorkflowHistories,
  '2026_12_02_180_api_audit_snapshots': apiAuditSnapshots,
  '2026_12_02_190_api_comment_replies': commentRepliesMigration,
};

/** Applies the event store's and the API's migrations (safe from several processes at once). */
export function migrate(db: Kysely<unknown>): Promise<string[]> {
  return migrateToLatest(db, apiMigrations);
}
