import type {
  ApprovalStep,
  ContractStatus,
  ContractSummary,
  ContractView,
  NamedRef,
  PaymentMilestone,
  Role,
  Terms,
  TimelineEntry,
  VendorCategory,
} from '@panggung/contracts';
import { canSeeEvent, isInternal, NotFoundError, STEP_ROLE, isHumanStep } from '@panggung/domain';
import type { FastifyInstance } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import type { SignedIn } from '../auth/viewer.ts';
import type { ContractsTable, ContractTimelineTable, Database } from '../schema/tables.ts';
import { productionFor, vendorPartyOf, type InProduction } from './access.ts';

export interface ContractAccess extends InProduction {
  readonly contract: Selectable<ContractsTable>;
  readonly internal: boolean;
}

/**
 * The contract if the viewer may reach it: internal roles of its production; the vendor's own people;
 * a client once the contract reached the client's step (`decide`: any client of the production, so the
 * approval workflow can answer a client who calls on the wrong step with 403). Anyone else: 404.
 */
export async function contractFor(
  app: FastifyInstance,
  viewer: SignedIn,
  contractId: string,
  purpose: 'read' | 'decide' = 'read',
): Promise<ContractAccess> {
  const missing = () => new NotFoundError(`Contract ${contractId} was not found`);
  const contract = await app.store.db
    .selectFrom('contracts')
    .selectAll()
    .where('id', '=', contractId)
    .executeTakeFirst();
  if (!contract) throw missing();
  const access = await productionFor(app, viewer, contract.production_id, 'contracts.view').catch(
    (error: unknown) => {
      throw error instanceof NotFoundError ? missing() : error;
    },
  );
  const internal = isInternal(access.roles);
  const ownVendor = vendorPartyOf(viewer, access.roles) === contract.vendor_id;
  const client = access.roles.includes('client') && (purpose === 'decide' || contract.client_step_reached);
  if (!internal && !ownVendor && !client) throw missing();
  return { ...access, contract, internal };
}

/** The open step as the viewer may see it: a vendor never sees the budget check or finance step, a client only its own. */
export function visibleStep(step: string | null, roles: readonly Role[]): ApprovalStep | undefined {
  if (!step) return undefined;
  if (isInternal(roles)) return step as ApprovalStep;
  if (roles.includes('vendor') && step !== 'budget_check' && step !== 'finance_overrun')
    return step as ApprovalStep;
  if (roles.includes('client') && step === 'client_approval') return step;
  return undefined;
}

type SummaryRow = Selectable<ContractsTable> & { title: string | null; vendor_name: string | null };

export async function peopleNames(db: Kysely<Database>, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

const named = (names: Map<string, string>, id: string): NamedRef => ({ id, name: names.get(id) ?? id });

function toSummary(row: SummaryRow, roles: readonly Role[], names: Map<string, string>): ContractSummary {
  const step = visibleStep(row.step, roles);
  return {
    id: row.id,
    productionId: row.production_id,
    title: row.title ?? row.category,
    vendor: { id: row.vendor_id, name: row.vendor_name ?? row.vendor_id },
    category: row.category as VendorCategory,
    currency: row.currency,
    total: Number(row.total),
    version: row.version,
    status: row.status as ContractStatus,
    round: row.round,
    ...(step ? { step } : {}),
    ...(step && row.assignee_id ? { assignee: named(names, row.assignee_id) } : {}),
    updatedAt: row.updated_at.toISOString(),
  };
}

function summaries(db: Kysely<Database>) {
  return db
    .selectFrom('contracts')
    .leftJoin('rfqs', 'rfqs.id', 'contracts.rfq_id')
    .leftJoin('vendors', 'vendors.id', 'contracts.vendor_id')
    .selectAll('contracts')
    .select(['rfqs.title as title', 'vendors.name as vendor_name']);
}

/** The contracts of a production the viewer may see, most recently changed first. */
export async function listContracts(
  db: Kysely<Database>,
  viewer: SignedIn,
  access: InProduction,
): Promise<ContractSummary[]> {
  let query = summaries(db).where('contracts.production_id', '=', access.production.id);
  if (!isInternal(access.roles)) {
    const vendorId = vendorPartyOf(viewer, access.roles);
    const client = access.roles.includes('client');
    query = query.where((eb) =>
      eb.or([
        ...(vendorId ? [eb('contracts.vendor_id', '=', vendorId)] : []),
        ...(client ? [eb('contracts.client_step_reached', '=', true)] : []),
        eb.val(false),
      ]),
    );
  }
  const rows = await query.orderBy('contracts.updated_at', 'desc').orderBy('contracts.id').execute();
  const names = await peopleNames(
    db,
    rows.flatMap((row) => (row.assignee_id ? [row.assignee_id] : [])),
  );
  return rows.map((row) => toSummary(row, access.roles, names));
}

/** One contract with its timeline, as the viewer may see it. */
export async function contractView(
  db: Kysely<Database>,
  viewer: SignedIn,
  access: ContractAccess,
): Promise<ContractView> {
  const row = await summaries(db).where('contracts.id', '=', access.contract.id).executeTakeFirstOrThrow();
  const events = await db
    .selectFrom('contract_timeline')
    .selectAll()
    .where('contract_id', '=', row.id)
    .orderBy('stream_version')
    .execute();
  const { entries, people } = timeline(events, viewer, access.roles);
  const names = await peopleNames(db, [...people, ...(row.assignee_id ? [row.assignee_id] : [])]);
  const summary = toSummary(row, access.roles, names);
  return {
    ...summary,
    rfqId: row.rfq_id,
    quoteId: row.quote_id,
    terms: row.terms as Terms,
    milestones: row.milestones as PaymentMilestone[],
    ...(summary.step && isHumanStep(summary.step) ? { assigneeRole: STEP_ROLE[summary.step] } : {}),
    ...(row.client_approval_required !== null && access.internal
      ? { clientApprovalRequired: row.client_approval_required }
      : {}),
    timeline: entries.map((entry) => ({
      ...entry,
      ...(entry.by ? { by: named(names, entry.by.id) } : {}),
      ...(entry.to ? { to: named(names, entry.to.id) } : {}),
    })),
  };
}

type EventData = Record<string, unknown> & {
  round?: number;
  version: number;
  step?: ApprovalStep;
  reason?: string;
  note?: string;
};

/**
 * The contract's stream as a timeline: one entry per event the viewer may see (the same rule as the live
 * stream), with the people named by id (names are resolved by the caller).
 */
function timeline(
  rows: readonly Selectable<ContractTimelineTable>[],
  viewer: SignedIn,
  roles: readonly Role[],
): { entries: TimelineEntry[]; people: Set<string> } {
  const people = new Set<string>();
  const person = (id: unknown): NamedRef | undefined => {
    if (typeof id !== 'string') return undefined;
    people.add(id);
    return { id, name: id };
  };
  let round = 0;
  const entries: TimelineEntry[] = [];
  for (const row of rows) {
    const data = row.data as EventData;
    if (row.type === 'ContractSubmitted' && typeof data.round === 'number') round = data.round;
    if (!canSeeEvent({ type: row.type, data }, viewer, roles)) continue;
    const base = {
      at: row.at.toISOString(),
      type: row.type,
      round: data.round ?? round,
      version: data.version,
      ...(data.reason ? { reason: data.reason } : {}),
      ...(data.note ? { note: data.note } : {}),
    };
    const entry = (
      outcome: TimelineEntry['outcome'],
      step: TimelineEntry['step'],
      by?: unknown,
      to?: unknown,
    ): TimelineEntry => {
      const byRef = person(by);
      const toRef = person(to);
      return {
        ...base,
        outcome,
        ...(step ? { step } : {}),
        ...(byRef ? { by: byRef } : {}),
        ...(toRef ? { to: toRef } : {}),
      };
    };
    switch (row.type) {
      case 'ContractDrafted':
        entries.push(entry('drafted', undefined, data.draftedBy));
        break;
      case 'ContractRevised':
        entries.push(entry('revised', undefined, data.revisedBy));
        break;
      case 'ContractSubmitted':
        entries.push(entry('submitted', 'submission', data.submittedBy));
        break;
      case 'ApprovalStepOpened':
        entries.push(entry('opened', data.step, undefined, data.assigneeId));
        break;
      case 'ApprovalStepApproved':
        entries.push(entry('approved', data.step, data.approvedBy));
        break;
      case 'BudgetCheckPassed':
      case 'BudgetOverrunFlagged':
        entries.push({
          ...entry(row.type === 'BudgetCheckPassed' ? 'passed' : 'overrun', 'budget_check'),
          budget: {
            estimate: data.estimate as number,
            committed: data.committed as number,
            contractTotal: data.contractTotal as number,
            remainingAfter: data.remainingAfter as number,
          },
        });
        break;
      case 'ContractRejected':
        entries.push(entry('rejected', data.step, data.rejectedBy));
        break;
      case 'ContractSentBack':
        entries.push(entry('sent_back', data.step, data.sentBackBy));
        break;
      case 'ApprovalStepDelegated':
        entries.push(entry('delegated', data.step, data.delegatedBy, data.to));
        break;
      case 'ApprovalReminderSent':
        entries.push(entry('reminded', data.step, undefined, data.assigneeId));
        break;
      case 'ApprovalEscalated':
        entries.push(entry('escalated', data.step, undefined, data.escalatedTo));
        break;
      case 'ContractWithdrawn':
        entries.push(entry('withdrawn', data.step ?? 'submission', data.withdrawnBy));
        break;
      case 'ContractSigned':
        entries.push(entry('signed', 'signature'));
        break;
    }
  }
  return { entries, people };
}
