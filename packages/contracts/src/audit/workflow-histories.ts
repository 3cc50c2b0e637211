import { Type, type Static } from 'typebox';
import { Uuid } from '../common/common.ts';

/** One finished workflow run whose Temporal history is kept with the production (issue 7). */
export const KeptWorkflowHistory = Type.Object({
  workflowId: Type.String(),
  runId: Type.String(),
  /** `contractApprovalWorkflow`, `productionWorkflow` or `incidentEscalationWorkflow`. */
  workflowType: Type.String(),
  /** When the run closed (ISO 8601). */
  closedAt: Type.String({ format: 'date-time' }),
  /** How many history events were kept. */
  events: Type.Integer({ minimum: 0 }),
});
export type KeptWorkflowHistory = Static<typeof KeptWorkflowHistory>;

export const KeptWorkflowHistories = Type.Object({ workflows: Type.Array(KeptWorkflowHistory) });
export type KeptWorkflowHistories = Static<typeof KeptWorkflowHistories>;

export const WorkflowHistoryParams = Type.Object(
  { id: Uuid, workflowId: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type WorkflowHistoryParams = Static<typeof WorkflowHistoryParams>;

/** A kept run with its history, as Temporal's JSON (what `Worker.runReplayHistories` replays). */
export const KeptWorkflowHistoryWithEvents = Type.Object({
  ...KeptWorkflowHistory.properties,
  history: Type.Object({ events: Type.Array(Type.Unknown()) }, { additionalProperties: true }),
});
export type KeptWorkflowHistoryWithEvents = Static<typeof KeptWorkflowHistoryWithEvents>;
