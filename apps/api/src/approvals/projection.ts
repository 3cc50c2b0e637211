import type { ApprovalPolicySet, ContractEvents } from '@panggung/contracts';
import { DEFAULT_ESCALATE_AFTER_MS, DEFAULT_REMINDER_AFTER_MS } from '@panggung/domain';
import type { Projection, StoredEvent } from '@panggung/event-store';
import type { Transaction } from 'kysely';
import type { Database } from '../schema/tables.ts';

/**
 * The approvals inbox: the human step each contract in approval waits on, its assignee and its
 * deadlines (from the production's approval policy, which this projection also keeps).
 */
export const approvalsProjection: Projection<Database> = {
  name: 'approvals',
  handles: (event) => event.type === 'ApprovalPolicySet' || event.streamId.startsWith('contract-'),
  async apply(trx, events) {
    for (const event of events) await applyOne(trx, event);
  },
  async reset(trx) {
    await trx.deleteFrom('approval_inbox').execute();
    await trx.deleteFrom('approval_policies').execute();
  },
};

/** Steps that end the waiting: the inbox row goes. */
const ENDS_STEP = new Set([
  'ApprovalStepApproved',
  'ContractRejected',
  'ContractSentBack',
  'ContractWithdrawn',
  'ContractSigned',
]);

async function deadlines(trx: Transaction<Database>, productionId: string, openedAt: string) {
  const policy = await trx
    .selectFrom('approval_policies')
    .select(['reminder_after_ms', 'escalate_after_ms'])
    .where('production_id', '=', productionId)
    .executeTakeFirst();
  const remind = policy ? Number(policy.reminder_after_ms) : DEFAULT_REMINDER_AFTER_MS;
  const escalate = policy ? Number(policy.escalate_after_ms) : DEFAULT_ESCALATE_AFTER_MS;
  const opened = Date.parse(openedAt);
  return {
    opened_at: openedAt,
    due_at: new Date(opened + remind).toISOString(),
    escalates_at: new Date(opened + remind + escalate).toISOString(),
  };
}

async function applyOne(trx: Transaction<Database>, event: StoredEvent): Promise<void> {
  if (event.type === 'ApprovalPolicySet') {
    const data = event.data as unknown as ApprovalPolicySet;
    const values = {
      client_approval_threshold: data.clientApprovalThreshold,
      reminder_after_ms: data.reminderAfterMs,
      escalate_after_ms: data.escalateAfterMs,
      owner_id: data.ownerId,
      version: event.streamVersion.toString(),
    };
    await trx
      .insertInto('approval_policies')
      .values({ production_id: data.productionId, ...values })
      .onConflict((oc) => oc.column('production_id').doUpdateSet(values))
      .execute();
    return;
  }
  if (!event.streamId.startsWith('contract-')) return;
  const contractId = (event.data as { contractId: string }).contractId;
  if (ENDS_STEP.has(event.type)) {
    await trx.deleteFrom('approval_inbox').where('contract_id', '=', contractId).execute();
    return;
  }
  switch (event.type) {
    case 'ApprovalStepOpened': {
      const data = event.data as unknown as ContractEvents.ApprovalStepOpened;
      if (!data.assigneeId) {
        await trx.deleteFrom('approval_inbox').where('contract_id', '=', contractId).execute();
        return;
      }
      const values = {
        production_id: data.productionId,
        round: data.round,
        step: data.step,
        contract_version: data.version,
        assignee_id: data.assigneeId,
        reminded: false,
        escalated_to: null,
        ...(await deadlines(trx, data.productionId, event.metadata.recordedAt)),
      };
      await trx
        .insertInto('approval_inbox')
        .values({ contract_id: contractId, ...values })
        .onConflict((oc) => oc.column('contract_id').doUpdateSet(values))
        .execute();
      return;
    }
    case 'ApprovalStepDelegated': {
      // The workflow restarts both deadlines for the new assignee.
      const data = event.data as unknown as ContractEvents.ApprovalStepDelegated;
      await trx
        .updateTable('approval_inbox')
        .set({
          assignee_id: data.to,
          reminded: false,
          escalated_to: null,
          ...(await deadlines(trx, data.productionId, event.metadata.recordedAt)),
        })
        .where('contract_id', '=', contractId)
        .execute();
      return;
    }
    case 'ApprovalReminderSent':
      await trx
        .updateTable('approval_inbox')
        .set({ reminded: true })
        .where('contract_id', '=', contractId)
        .execute();
      return;
    case 'ApprovalEscalated': {
      const data = event.data as unknown as ContractEvents.ApprovalEscalated;
      await trx
        .updateTable('approval_inbox')
        .set({ escalated_to: data.escalatedTo })
        .where('contract_id', '=', contractId)
        .execute();
      return;
    }
  }
}
