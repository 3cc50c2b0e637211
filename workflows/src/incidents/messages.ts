import { defineSignal } from '@temporalio/workflow';

/**
 * The incident escalation workflow's messages, shared with the API. Their names are part of the contract
 * with running executions.
 */

export interface IncidentEscalationInput {
  readonly productionId: string;
  readonly incidentId: string;
  /** From logging to the escalation (ms): the severity's minutes in force when it was logged. */
  readonly escalateAfterMs: number;
}

export type IncidentEscalationOutcome = 'settled' | 'escalated';

export interface IncidentEscalationResult {
  readonly outcome: IncidentEscalationOutcome;
}

/** The API signals it after appending `IncidentAcknowledged` or `IncidentResolved`. */
export const incidentSettledSignal = defineSignal<[]>('incidentSettled');

/** One workflow per incident. */
export function incidentWorkflowId(incidentId: string): string {
  return `incident-${incidentId}`;
}
