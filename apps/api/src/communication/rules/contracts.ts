import type { ContractEvents } from '@panggung/contracts';
import { actorPerson, personName, type NotificationRules } from './rule.ts';

/**
 * Contracts: an approval step waiting on a person notifies that person (the approvals inbox's assignee);
 * a signed contract notifies the production's managers.
 */
export const contractRules: NotificationRules = {
  source: 'contracts',
  eventTypes: new Set(['ApprovalStepOpened', 'ContractSigned']),
  async notify(event, trx) {
    const actorId = actorPerson(event);
    const actorName = await personName(trx, actorId);
    const actor = { ...(actorId ? { actorId } : {}), ...(actorName ? { actorName } : {}) };
    if (event.type === 'ApprovalStepOpened') {
      const data = event.data as unknown as ContractEvents.ApprovalStepOpened;
      if (!data.assigneeId) return [];
      return [
        {
          personId: data.assigneeId,
          productionId: data.productionId,
          kind: 'contract.approval_requested',
          payload: {
            ...actor,
            contractId: data.contractId,
            item: { kind: 'contract', id: data.contractId },
            step: data.step,
          },
        },
      ];
    }
    const data = event.data as unknown as ContractEvents.ContractSigned;
    const managers = await trx
      .selectFrom('production_members')
      .select('person_id')
      .where('production_id', '=', data.productionId)
      .where('role', '=', 'production_manager')
      .execute();
    return managers.map((row) => ({
      personId: row.person_id,
      productionId: data.productionId,
      kind: 'contract.signed' as const,
      payload: {
        ...actor,
        contractId: data.contractId,
        item: { kind: 'contract' as const, id: data.contractId },
      },
    }));
  },
};
