import { describe, expect, it } from 'vitest';
import { endedWorkflow } from './workflow-history-keeper.ts';

const productionId = '00000000-0000-4000-8000-000000000001';
const contractId = '00000000-0000-4000-8000-000000000002';
const incidentId = '00000000-0000-4000-8000-000000000003';
const contract = { productionId, contractId, vendorId: contractId, version: 3, round: 2 };

describe('the workflow an event ends', () => {
  it("names the approval of the contract's version on each ending of a contract's chain", () => {
    for (const type of ['ContractSigned', 'ContractRejected', 'ContractSentBack', 'ContractWithdrawn'])
      expect(endedWorkflow({ type, data: contract }), type).toEqual({
        productionId,
        workflowId: `contract-approval-${contractId}-v3`,
      });
  });

  it("names the incident's escalation when it is acknowledged, resolved or escalated", () => {
    for (const type of ['IncidentAcknowledged', 'IncidentResolved', 'IncidentEscalated'])
      expect(endedWorkflow({ type, data: { productionId, incidentId } }), type).toEqual({
        productionId,
        workflowId: `incident-${incidentId}`,
      });
  });

  it("names the production's workflow when the production closes", () => {
    expect(endedWorkflow({ type: 'ProductionClosed', data: { productionId } })).toEqual({
      productionId,
      workflowId: `production-${productionId}`,
    });
  });

  it('names nothing for events that end no workflow, or that lack what the id needs', () => {
    expect(endedWorkflow({ type: 'ApprovalStepApproved', data: contract })).toBeUndefined();
    expect(endedWorkflow({ type: 'IncidentLogged', data: { productionId, incidentId } })).toBeUndefined();
    expect(endedWorkflow({ type: 'ContractSigned', data: { productionId, contractId } })).toBeUndefined();
    expect(endedWorkflow({ type: 'ProductionClosed', data: {} })).toBeUndefined();
  });
});
