import { describe, expect, it } from 'vitest';
import { endedWorkflow } from './workflow-endings.ts';

const productionId = '11111111-1111-4111-8111-111111111111';
const contractId = '22222222-2222-4222-8222-222222222222';
const incidentId = '33333333-3333-4333-8333-333333333333';
const contract = { productionId, contractId, version: 3 };

describe('the workflow an event ends', () => {
  it("is the contract version's approval when it is signed, rejected, sent back or withdrawn in approval", () => {
    for (const [type, extra] of [
      ['ContractSigned', {}],
      ['ContractRejected', {}],
      ['ContractSentBack', {}],
      ['ContractWithdrawn', { step: 'manager_review' }],
    ] as const)
      expect(endedWorkflow({ type, data: { ...contract, ...extra } }), type).toEqual({
        productionId,
        workflowId: `contract-approval-${contractId}-v3`,
        kind: 'contract_approval',
      });
  });

  it("is the production's phases workflow when the production closes, by the signal or the last gate", () => {
    const phases = { productionId, workflowId: `production-${productionId}`, kind: 'production_phases' };
    expect(endedWorkflow({ type: 'ProductionClosed', data: { productionId } })).toEqual(phases);
    expect(
      endedWorkflow({
        type: 'ProductionPhaseChanged',
        data: { productionId, from: 'wrap_up', to: 'closed' },
      }),
    ).toEqual(phases);
  });

  it("is the incident's escalation when it is acknowledged, resolved or escalated", () => {
    for (const type of ['IncidentAcknowledged', 'IncidentResolved', 'IncidentEscalated'])
      expect(endedWorkflow({ type, data: { productionId, incidentId } }), type).toEqual({
        productionId,
        workflowId: `incident-${incidentId}`,
        kind: 'incident_escalation',
      });
  });

  it("is a call sheet version's acknowledgements on an acknowledgement, or the previous version's on a newer one", () => {
    const day = '2027-03-14';
    expect(endedWorkflow({ type: 'CallAcknowledged', data: { productionId, day, version: 2 } })).toEqual({
      productionId,
      workflowId: `call-sheet-${productionId}-${day}-v2`,
      kind: 'call_acknowledgement',
    });
    expect(endedWorkflow({ type: 'CallSheetPublished', data: { productionId, day, version: 2 } })).toEqual({
      productionId,
      workflowId: `call-sheet-${productionId}-${day}-v1`,
      kind: 'call_acknowledgement',
    });
    expect(
      endedWorkflow({ type: 'CallSheetPublished', data: { productionId, day, version: 1 } }),
    ).toBeUndefined();
  });

  it('is none for events that end no workflow, or that lack what its id needs', () => {
    expect(endedWorkflow({ type: 'ApprovalStepApproved', data: contract })).toBeUndefined();
    expect(endedWorkflow({ type: 'ContractWithdrawn', data: contract })).toBeUndefined(); // a draft: no workflow
    expect(endedWorkflow({ type: 'IncidentLogged', data: { productionId, incidentId } })).toBeUndefined();
    expect(endedWorkflow({ type: 'ContractSigned', data: { productionId, contractId } })).toBeUndefined();
    expect(
      endedWorkflow({
        type: 'ProductionPhaseChanged',
        data: { productionId, from: 'planning', to: 'pre_production' },
      }),
    ).toBeUndefined();
    expect(endedWorkflow({ type: 'ProductionClosed', data: {} })).toBeUndefined();
  });
});
