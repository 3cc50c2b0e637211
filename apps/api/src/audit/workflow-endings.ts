import type { StoredEvent } from '@panggung/event-store';
import {
  callSheetWorkflowId,
  contractApprovalWorkflowId,
  incidentWorkflowId,
  productionWorkflowId,
} from '@panggung/workflows';
import type { WorkflowHistoryKind } from '@panggung/contracts';

/** A workflow that an event says has ended, or is about to (its last activity appends the event). */
export interface EndedWorkflow {
  readonly productionId: string;
  readonly workflowId: string;
  readonly kind: WorkflowHistoryKind;
}

const CONTRACT_ENDINGS = new Set([
  'ContractSigned',
  'ContractRejected',
  'ContractSentBack',
  'ContractWithdrawn',
]);

// The API signals the escalation on an acknowledgement or resolution; the escalation itself ends it too.
const INCIDENT_ENDINGS = new Set(['IncidentAcknowledged', 'IncidentResolved', 'IncidentEscalated']);

const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const positive = (value: unknown): value is number => typeof value === 'number' && value > 0;

/**
 * The workflow an event ends, if it ends one: a contract version's approval chain, the production's
 * phases, an incident's escalation, or a call sheet version's acknowledgements. An event that may end one
 * (an acknowledgement, when it was the last one owed) names it too: the keeper waits for a run that is
 * still going. An event about a workflow already kept names it again; queueing it twice changes nothing.
 *
 * @example
 * endedWorkflow({ type: 'ProductionClosed', data: { productionId } });
 * // { productionId, workflowId: `production-${productionId}`, kind: 'production_phases' }
 */
export function endedWorkflow(event: Pick<StoredEvent, 'type' | 'data'>): EndedWorkflow | undefined {
  const { productionId, contractId, version, incidentId, day, to, step } = event.data;
  if (!text(productionId)) return undefined;
  if (CONTRACT_ENDINGS.has(event.type) && text(contractId) && positive(version)) {
    // A draft withdrawn before it was submitted had no approval workflow (`step` names the open step).
    if (event.type === 'ContractWithdrawn' && !text(step)) return undefined;
    return {
      productionId,
      workflowId: contractApprovalWorkflowId(contractId, version),
      kind: 'contract_approval',
    };
  }
  if (event.type === 'ProductionClosed' || (event.type === 'ProductionPhaseChanged' && to === 'closed'))
    return { productionId, workflowId: productionWorkflowId(productionId), kind: 'production_phases' };
  if (INCIDENT_ENDINGS.has(event.type) && text(incidentId))
    return { productionId, workflowId: incidentWorkflowId(incidentId), kind: 'incident_escalation' };
  if (event.type === 'CallAcknowledged' && text(day) && positive(version))
    return {
      productionId,
      workflowId: callSheetWorkflowId(productionId, day, version),
      kind: 'call_acknowledgement',
    };
  // A newer version supersedes the day's previous call sheet, whose workflow then ends.
  if (event.type === 'CallSheetPublished' && text(day) && positive(version) && version > 1)
    return {
      productionId,
      workflowId: callSheetWorkflowId(productionId, day, version - 1),
      kind: 'call_acknowledgement',
    };
  return undefined;
}
