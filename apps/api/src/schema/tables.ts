import type { ColumnType, Generated } from 'kysely';
import type { EventStoreTables } from '@panggung/event-store';
import type { CommunicationTables } from '../communication/tables.ts';
import type { ShowTables } from '../show/tables.ts';
import type {
  EquipmentItem,
  LoadWindow,
  TransportRun,
  VenueDetails,
  WorkflowHistoryKind,
  WorkflowHistoryStatus,
} from '@panggung/contracts';

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

/** bigint columns arrive from `pg` as strings; amounts are read with Number() (they fit: Amount ≤ 2^53). */
type BigintColumn = ColumnType<string, string | number, string | number>;
type Timestamp = ColumnType<Date, string, string>;
type Json = ColumnType<unknown, string, string>;

export interface VendorsTable {
  id: string;
  organisation_id: string;
  name: string;
  category: string;
  contacts: Json;
  npwp: string | null;
  address: string | null;
  version: BigintColumn;
}

export interface RfqsTable {
  id: string;
  production_id: string;
  category: string;
  title: string;
  description: string | null;
  vendor_ids: string[];
  deadline: Timestamp;
  status: string;
  awarded_quote_id: string | null;
  awarded_vendor_id: string | null;
  awarded_total: BigintColumn | null;
  issued_at: Timestamp;
  version: BigintColumn;
}

export interface QuotesTable {
  id: string;
  rfq_id: string;
  vendor_id: string;
  revision: number;
  currency: string;
  terms: Json;
  note: string | null;
  submitted_at: Timestamp;
}

export interface ContractsTable {
  id: string;
  production_id: string;
  organisation_id: string;
  vendor_id: string;
  rfq_id: string;
  quote_id: string;
  category: string;
  currency: string;
  version: number;
  status: string;
  round: number;
  step: string | null;
  assignee_id: string | null;
  client_approval_required: boolean | null;
  /** A client step was opened at some point: from then on the client may see the contract. */
  client_step_reached: Generated<boolean>;
  terms: Json;
  milestones: Json;
  total: BigintColumn;
  stream_version: BigintColumn;
  updated_at: Timestamp;
}

/** One row per event of a contract's stream: the timeline, filtered by visibility when read. */
export interface ContractTimelineTable {
  contract_id: string;
  stream_version: BigintColumn;
  type: string;
  data: Json;
  actor: string;
  at: Timestamp;
}

export interface ApprovalPoliciesTable {
  production_id: string;
  client_approval_threshold: BigintColumn;
  reminder_after_ms: BigintColumn;
  escalate_after_ms: BigintColumn;
  owner_id: string;
  version: BigintColumn;
}

/** The human step each contract in approval waits on, and for whom. */
export interface ApprovalInboxTable {
  contract_id: string;
  production_id: string;
  round: number;
  step: string;
  contract_version: number;
  assignee_id: string;
  opened_at: Timestamp;
  due_at: Timestamp;
  escalates_at: Timestamp;
  reminded: Generated<boolean>;
  escalated_to: string | null;
}

export interface BudgetLinesTable {
  production_id: string;
  category: string;
  estimate: ColumnType<string, string | number | undefined, string | number>;
  committed: ColumnType<string, string | number | undefined, string | number>;
  actual: ColumnType<string, string | number | undefined, string | number>;
}

export interface TimelineTasksTable {
  task_id: string;
  production_id: string;
  title: string;
  kind: string;
  owner_id: string | null;
  duration_minutes: number;
  due_at: ColumnType<Date | null, string | null | undefined, string | null>;
  progress: Generated<string>;
  started_at: ColumnType<Date | null, string | null | undefined, string | null>;
  completed_at: ColumnType<Date | null, string | null | undefined, string | null>;
  /** Global position of the TaskAdded event: the order tasks were added in. */
  added_at: BigintColumn;
}

export interface TimelineDependenciesTable {
  production_id: string;
  predecessor_id: string;
  successor_id: string;
  added_at: BigintColumn;
}

export interface LogisticsVenuesTable {
  production_id: string;
  details: ColumnType<VenueDetails, string, string>;
}

export interface LogisticsEquipmentTable {
  item_id: string;
  production_id: string;
  department: string;
  item: ColumnType<EquipmentItem, string, string>;
  added_at: BigintColumn;
}

export interface LogisticsRunsTable {
  run_id: string;
  production_id: string;
  departs_at: ColumnType<Date, string, string>;
  run: ColumnType<TransportRun, string, string>;
}

export interface LogisticsWindowsTable {
  window_id: string;
  production_id: string;
  starts_at: ColumnType<Date, string, string>;
  load_window: ColumnType<LoadWindow, string, string>;
}

/** One row per production with technical preparation: the domain's `TechnicalState` as JSON. */
export interface TechnicalViewsTable {
  production_id: string;
  state: Json;
  version: BigintColumn;
}

/** One row per production with incidents: the domain's `IncidentsState` as JSON. */
export interface IncidentViewsTable {
  production_id: string;
  state: Json;
  version: BigintColumn;
}

/** A production's folded audit state at one of its events (`audit-snapshots` projection). */
export interface AuditSnapshotsTable {
  production_id: string;
  folder_version: number;
  /** xid8, as text. */
  transaction_id: string;
  position: BigintColumn;
  event_count: BigintColumn;
  max_recorded_at: Timestamp;
  segment_min_recorded_at: Timestamp;
  /** `encodeFold`'s devalue text. */
  state: string;
}

/** The last event of a production the `audit-snapshots` projection has folded, and how many. */
export interface AuditSnapshotHeadsTable {
  production_id: string;
  transaction_id: string;
  position: BigintColumn;
  event_count: BigintColumn;
  /** The id of that last event. */
  last_event_id: string;
}

export interface CrewShiftsTable {
  shift_id: string;
  organisation_id: string;
  production_id: string;
  person_id: string;
  starts_at: ColumnType<Date, string, string>;
  ends_at: ColumnType<Date, string, string>;
  call_at: ColumnType<Date, string, string>;
  location: string;
  department: string;
  role: string | null;
  key: boolean;
  /** Raised by every reschedule: the iCalendar SEQUENCE. */
  sequence: Generated<number>;
  updated_at: ColumnType<Date, string, string>;
}

export interface CrewUnavailabilityTable {
  period_id: string;
  organisation_id: string;
  production_id: string;
  person_id: string;
  starts_at: ColumnType<Date, string, string>;
  ends_at: ColumnType<Date, string, string>;
  reason: string | null;
}

/** A person's private calendar feed: only the SHA-256 of the secret is kept. */
export interface CrewCalendarTokensTable {
  person_id: string;
  token_hash: string;
  created_at: ColumnType<Date, string, string>;
}

/**
 * A finished workflow whose Temporal history is kept with its production: queued `pending` when an event
 * says it ended, then `kept` (the history as Temporal's JSON, `historyToJSON`) or `missing` (Temporal has
 * no such workflow, e.g. past its retention). The scheduling columns belong to the keeper.
 */
export interface WorkflowHistoriesTable {
  workflow_id: string;
  production_id: string;
  kind: WorkflowHistoryKind;
  status: ColumnType<WorkflowHistoryStatus, 'pending' | undefined, WorkflowHistoryStatus>;
  /** The event type that said the workflow ended. */
  ended_by: string;
  ended_at: ColumnType<Date, string, string>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, string | undefined, string>;
  claimed_until: ColumnType<Date | null, never, string | null>;
  last_error: string | null;
  run_id: string | null;
  workflow_type: string | null;
  closed_at: ColumnType<Date | null, never, string | null>;
  event_count: number | null;
  history: ColumnType<unknown, never, string | null>;
  kept_at: ColumnType<Date | null, never, string | null>;
}

export interface ApiTables {
  organisations: OrganisationsTable;
  people: PeopleTable;
  productions: ProductionsTable;
  production_members: ProductionMembersTable;
  credentials: CredentialsTable;
  sessions: SessionsTable;
  vendors: VendorsTable;
  rfqs: RfqsTable;
  quotes: QuotesTable;
  contracts: ContractsTable;
  contract_timeline: ContractTimelineTable;
  approval_policies: ApprovalPoliciesTable;
  approval_inbox: ApprovalInboxTable;
  budget_lines: BudgetLinesTable;
  timeline_tasks: TimelineTasksTable;
  timeline_dependencies: TimelineDependenciesTable;
  logistics_venues: LogisticsVenuesTable;
  logistics_equipment: LogisticsEquipmentTable;
  logistics_runs: LogisticsRunsTable;
  logistics_windows: LogisticsWindowsTable;
  technical_views: TechnicalViewsTable;
  crew_shifts: CrewShiftsTable;
  crew_unavailability: CrewUnavailabilityTable;
  crew_calendar_tokens: CrewCalendarTokensTable;
  incident_views: IncidentViewsTable;
  workflow_histories: WorkflowHistoriesTable;
  audit_snapshots: AuditSnapshotsTable;
  audit_snapshot_heads: AuditSnapshotHeadsTable;
}

export type Database = EventStoreTables & ApiTables & CommunicationTables & ShowTables;
