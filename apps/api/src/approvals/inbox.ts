import type { ApprovalInboxItem, HumanApprovalStep } from '@panggung/contracts';
import { rolesIn } from '@panggung/domain';
import type { Kysely } from 'kysely';
import type { SignedIn } from '../auth/viewer.ts';
import type { Database } from '../schema/tables.ts';

/**
 * The steps waiting for the viewer (as assignee, or as the owner a step escalated to) in productions they
 * still belong to, oldest first.
 */
export async function listInbox(db: Kysely<Database>, viewer: SignedIn): Promise<ApprovalInboxItem[]> {
  const rows = await db
    .selectFrom('approval_inbox as i')
    .innerJoin('contracts as c', 'c.id', 'i.contract_id')
    .innerJoin('productions as p', 'p.id', 'i.production_id')
    .leftJoin('rfqs as r', 'r.id', 'c.rfq_id')
    .leftJoin('vendors as v', 'v.id', 'c.vendor_id')
    .select([
      'i.contract_id',
      'i.production_id',
      'i.round',
      'i.step',
      'i.contract_version',
      'i.assignee_id',
      'i.opened_at',
      'i.due_at',
      'i.escalates_at',
      'i.reminded',
      'i.escalated_to',
      'p.name as production_name',
      'p.organisation_id',
      'c.vendor_id',
      'c.category',
      'c.currency',
      'c.total',
      'r.title',
      'v.name as vendor_name',
    ])
    .where((eb) =>
      eb.or([eb('i.assignee_id', '=', viewer.personId), eb('i.escalated_to', '=', viewer.personId)]),
    )
    .orderBy('i.opened_at')
    .orderBy('i.contract_id')
    .execute();
  return rows
    .filter(
      (row) => rolesIn(viewer, { id: row.production_id, organisationId: row.organisation_id }).length > 0,
    )
    .map((row) => ({
      contractId: row.contract_id,
      productionId: row.production_id,
      productionName: row.production_name,
      title: row.title ?? row.category,
      vendor: { id: row.vendor_id, name: row.vendor_name ?? row.vendor_id },
      currency: row.currency,
      amount: Number(row.total),
      step: row.step as HumanApprovalStep,
      round: row.round,
      contractVersion: row.contract_version,
      openedAt: row.opened_at.toISOString(),
      dueAt: row.due_at.toISOString(),
      escalatesAt: row.escalates_at.toISOString(),
      reminded: row.reminded,
      escalated: row.escalated_to !== null,
    }));
}
