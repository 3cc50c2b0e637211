import type { ContractEvents } from '@panggung/contracts';
import type { Projection, StoredEvent } from '@panggung/event-store';
import type { Transaction, Updateable } from 'kysely';
import type { ContractsTable, Database } from '../schema/tables.ts';

const PREFIX = 'contract-';
const handles = (event: StoredEvent): boolean => event.streamId.startsWith(PREFIX);

/**
 * Contracts as lists and pages read them (status, step, assignee, terms), and every event of each
 * contract's stream as a timeline row; visibility is applied when the timeline is read.
 */
export const contractsProjection: Projection<Database> = {
  name: 'contracts',
  handles,
  async apply(trx, events) {
    for (const event of events) {
      if (!handles(event)) continue;
      const contractId = event.streamId.slice(PREFIX.length);
      await applyOne(trx, event);
      await trx
        .insertInto('contract_timeline')
        .values({
          contract_id: contractId,
          stream_version: event.streamVersion.toString(),
          type: event.type,
          data: JSON.stringify(event.data),
          actor: event.metadata.actor,
          at: event.metadata.recordedAt,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await trx
        .updateTable('contracts')
        .set({ stream_version: event.streamVersion.toString(), updated_at: event.metadata.recordedAt })
        .where('id', '=', contractId)
        .execute();
    }
  },
  async reset(trx) {
    await trx.deleteFrom('contract_timeline').execute();
    await trx.deleteFrom('contracts').execute();
  },
};

const closed = (status: string): Updateable<ContractsTable> => ({ status, step: null, assignee_id: null });

async function applyOne(trx: Transaction<Database>, event: StoredEvent): Promise<void> {
  const contractId = event.streamId.slice(PREFIX.length);
  const update = (set: Updateable<ContractsTable>) =>
    trx.updateTable('contracts').set(set).where('id', '=', contractId).execute();
  switch (event.type) {
    case 'ContractDrafted': {
      const data = event.data as unknown as ContractEvents.ContractDrafted;
      await trx
        .insertInto('contracts')
        .values({
          id: data.contractId,
          production_id: data.productionId,
          organisation_id: data.organisationId,
          vendor_id: data.vendorId,
          rfq_id: data.rfqId,
          quote_id: data.quoteId,
          category: data.category,
          currency: data.currency,
          version: data.version,
          status: 'draft',
          round: 0,
          terms: JSON.stringify(data.terms),
          milestones: JSON.stringify(data.milestones),
          total: data.terms.total,
          stream_version: event.streamVersion.toString(),
          updated_at: event.metadata.recordedAt,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return;
    }
    case 'ContractRevised': {
      const data = event.data as unknown as ContractEvents.ContractRevised;
      await update({
        ...closed('draft'),
        version: data.version,
        terms: JSON.stringify(data.terms),
        milestones: JSON.stringify(data.milestones),
        total: data.terms.total,
      });
      return;
    }
    case 'ContractSubmitted': {
      const data = event.data as unknown as ContractEvents.ContractSubmitted;
      await update({
        status: 'in_approval',
        round: data.round,
        step: 'manager_review',
        assignee_id: data.approvers.manager_review,
        client_approval_required: data.clientApprovalRequired,
      });
      return;
    }
    case 'ApprovalStepOpened': {
      const data = event.data as unknown as ContractEvents.ApprovalStepOpened;
      await update({
        step: data.step,
        assignee_id: data.assigneeId ?? null,
        ...(data.step === 'client_approval' ? { client_step_reached: true } : {}),
      });
      return;
    }
    case 'ApprovalStepDelegated': {
      const data = event.data as unknown as ContractEvents.ApprovalStepDelegated;
      await update({ assignee_id: data.to });
      return;
    }
    case 'ContractRejected':
      return void (await update(closed('rejected')));
    case 'ContractSentBack':
      return void (await update(closed('changes_requested')));
    case 'ContractWithdrawn':
      return void (await update(closed('withdrawn')));
    case 'ContractSigned':
      return void (await update(closed('signed')));
  }
}
