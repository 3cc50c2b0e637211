import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { ProductionStatus } from '@panggung/contracts';

/**
 * The production workflow's messages, shared by the workflow and its clients (the API). Their names are
 * part of the workflow's contract with running executions: renaming one breaks workflows already started.
 */

/** Where a production stands: planning → pre-production → technical rehearsal → show day → wrap-up → closed. */
export type ProductionPhase = ProductionStatus;

/** What starts a production's workflow. */
export interface ProductionWorkflowInput {
  readonly productionId: string;
  readonly organisationId: string;
  /** How long before a timeline milestone's due time to remind of it (default 24 h). */
  readonly milestoneReminderLeadMs?: number;
}

/** What a completed production workflow returns. */
export interface ProductionWorkflowResult {
  readonly productionId: string;
  readonly phase: 'closed';
}

/**
 * Closes the production: the workflow appends `ProductionClosed` and completes.
 *
 * @example
 * await client.workflow.getHandle(productionWorkflowId(id)).signal(closeProductionSignal);
 */
export const closeProductionSignal = defineSignal('closeProduction');

/**
 * The production's current phase.
 *
 * @example
 * const phase = await client.workflow.getHandle(productionWorkflowId(id)).query(getPhaseQuery);
 */
export const getPhaseQuery = defineQuery<ProductionPhase>('getPhase');

/** One workflow per production: starting a second one for the same production is refused by Temporal. */
export function productionWorkflowId(productionId: string): string {
  return `production-${productionId}`;
}
