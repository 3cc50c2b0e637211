import type { ContractEvents } from '@panggung/contracts';
import { actorPerson, type NotificationRules } from './rule.ts';

/**
 * Contracts: an approval step waiting on a person notifies that person (the approvals inbox's assignee);
 * a signed contract notifies the production's managers.
 */
export const contractRules: NotificationRules = {
  source: 'contracts',
  eventTypes: new Set(['ApprovalStepOpened', 'ContractSigned']),
  async notify(event, lookups) {
    const actorId = actorPerson(event);
    const actorName = await lookups.personName(actorId);
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
    const managers = (await lookups.members(data.productionId)).filter(
      (member) => member.role === 'production_manager',
    );
    return managers.map((member) => ({
      personId: member.personId,
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
