import { Type, type Static } from 'typebox';
import { Instant, Uuid } from '../common/common.ts';

/** Which of a production's workflows a kept history belongs to. */
export const WorkflowHistoryKind = Type.Union([
  Type.Literal('contract_approval'),
  Type.Literal('production_phases'),
  Type.Literal('incident_escalation'),
  Type.Literal('call_acknowledgement'),
]);
export type WorkflowHistoryKind = Static<typeof WorkflowHistoryKind>;

/**
 * `pending`: the workflow ended (or is ending) and its history is still to be fetched from Temporal;
 * `kept`: its history is kept here; `missing`: Temporal had no such workflow (e.g. past its retention).
 */
export const WorkflowHistoryStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('kept'),
  Type.Literal('missing'),
]);
export type WorkflowHistoryStatus = Static<typeof WorkflowHistoryStatus>;

/** One finished workflow of a production and the state of its kept Temporal history (issue 7). */
export const KeptWorkflow = Type.Object({
  workflowId: Type.String(),
  kind: WorkflowHistoryKind,
  status: WorkflowHistoryStatus,
  /** The event that said it ended, and when. */
  endedBy: Type.String(),
  endedAt: Instant,
  /** Known once kept: the run, its type (`contractApprovalWorkflow`, …), when it closed, its event count. */
  runId: Type.Union([Type.String(), Type.Null()]),
  workflowType: Type.Union([Type.String(), Type.Null()]),
  closedAt: Type.Union([Instant, Type.Null()]),
  events: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
});
export type KeptWorkflow = Static<typeof KeptWorkflow>;

/** A page of them, oldest end first; `nextCursor` asks for the next page, null on the last. */
export const KeptWorkflows = Type.Object({
  workflows: Type.Array(KeptWorkflow),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type KeptWorkflows = Static<typeof KeptWorkflows>;

/** `cursor`: the previous page's `nextCursor` (when the last one listed ended, `~`, its id). */
export const KeptWorkflowsQuery = Type.Object(
  {
    cursor: Type.Optional(
      Type.String({
        maxLength: 240,
        pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z~[A-Za-z0-9._:-]+$',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export type KeptWorkflowsQuery = Static<typeof KeptWorkflowsQuery>;

/** A production and one of its workflows (ids as `contract-approval-<id>-v<n>`, `production-<id>`, …). */
export const WorkflowHistoryParams = Type.Object(
  { id: Uuid, workflowId: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9._:-]+$' }) },
  { additionalProperties: false },
);
export type WorkflowHistoryParams = Static<typeof WorkflowHistoryParams>;
