/**
 * `@panggung/workflows`: the workflow contracts shared by the worker (which runs them) and the API (which
 * starts, signals and queries them).
 *
 * @example
 * import { productionWorkflowId, taskQueue, closeProductionSignal } from '@panggung/workflows';
 * await client.workflow.start('productionWorkflow', {
 *   taskQueue, workflowId: productionWorkflowId(id), args: [{ productionId: id, organisationId }],
 * });
 */
export * from './production/messages.ts';
export type * from './production/activities.ts';
export type { productionWorkflow } from './production/workflow.ts';
export * from './contracts/messages.ts';
export type * from './contracts/activities.ts';
export type { RefusalDetails } from './contracts/refusals.ts';
export type { contractApprovalWorkflow } from './contracts/workflow.ts';
export * from './crew/messages.ts';
export type * from './crew/activities.ts';
export type { callAcknowledgementWorkflow } from './crew/workflow.ts';

/** The task queue Panggung's workers listen on unless PANGGUNG_TASK_QUEUE says otherwise. */
export const taskQueue = 'panggung';

/**
 * Absolute path of the workflow bundle's entry (`src/workflows.ts`), for `Worker.create({ workflowsPath })`
 * and `bundleWorkflowCode`. `import.meta.dirname` rather than `node:path`: this file stays free of Node
 * imports like the rest of the package.
 */
export const workflowsPath = `${import.meta.dirname}/workflows.ts`;
export * from './phases/messages.ts';
export type * from './phases/activities.ts';
export * from './incidents/messages.ts';
export type * from './incidents/activities.ts';
export type { incidentEscalationWorkflow } from './incidents/workflow.ts';
