/**
 * The workflow bundle's entry: every workflow function the worker registers. Only workflow functions
 * (and what they import) belong here; the worker's bundler starts from this file.
 */
export { productionWorkflow } from './production/workflow.ts';
export { contractApprovalWorkflow } from './contracts/workflow.ts';
export { callAcknowledgementWorkflow } from './crew/workflow.ts';
export { incidentEscalationWorkflow } from './incidents/workflow.ts';
