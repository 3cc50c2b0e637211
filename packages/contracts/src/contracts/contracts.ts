import { Type, type Static } from 'typebox';
import { Role } from '../access/roles.ts';
import { Amount, ExpectedVersion, Uuid } from '../common/common.ts';
import { LineItem, TaxRate } from './procurement.ts';

/** A calendar date, `YYYY-MM-DD`, read in the production's time zone. */
export const CalendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });

export const MilestoneKind = Type.Union([Type.Literal('down_payment'), Type.Literal('settlement')]);
export type MilestoneKind = Static<typeof MilestoneKind>;

/** A payment milestone: the milestones of a contract add up to its total. */
export const PaymentMilestone = Type.Object(
  { kind: MilestoneKind, amount: Amount, dueOn: CalendarDate },
  { additionalProperties: false },
);
export type PaymentMilestone = Static<typeof PaymentMilestone>;

/** The steps of the approval chain, in order; `finance_overrun` and `client_approval` only when needed. */
export const ApprovalStep = Type.Union([
  Type.Literal('manager_review'),
  Type.Literal('budget_check'),
  Type.Literal('finance_overrun'),
  Type.Literal('client_approval'),
]);
export type ApprovalStep = Static<typeof ApprovalStep>;

/** The steps a person decides (the budget check is an activity). */
export const HumanApprovalStep = Type.Union([
  Type.Literal('manager_review'),
  Type.Literal('finance_overrun'),
  Type.Literal('client_approval'),
]);
export type HumanApprovalStep = Static<typeof HumanApprovalStep>;

export const ContractStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('in_approval'),
  Type.Literal('changes_requested'),
  Type.Literal('rejected'),
  Type.Literal('withdrawn'),
  Type.Literal('signed'),
]);
export type ContractStatus = Static<typeof ContractStatus>;

/**
 * Who acts on a contract, as the API resolved them from the session and the production's membership:
 * the domain trusts these roles and checks them against the step.
 */
export const ApprovalActor = Type.Object({
  personId: Uuid,
  roles: Type.Array(Role),
  /** The company of a vendor or client person. */
  partyId: Type.Optional(Uuid),
});
export type ApprovalActor = Static<typeof ApprovalActor>;

/** Who decides each human step of one submission; delegation can change it later. */
export const Approvers = Type.Object({
  manager_review: Uuid,
  finance_overrun: Uuid,
  client_approval: Type.Optional(Uuid),
});
export type Approvers = Static<typeof Approvers>;

export const DraftContractBody = Type.Object(
  {
    rfqId: Uuid,
    milestones: Type.Array(PaymentMilestone, { minItems: 1, maxItems: 2 }),
  },
  { additionalProperties: false },
);
export type DraftContractBody = Static<typeof DraftContractBody>;

export const ReviseContractBody = Type.Object(
  {
    /** The contract version the revision was made against. */
    expectedVersion: ExpectedVersion,
    lines: Type.Array(LineItem, { minItems: 1, maxItems: 200 }),
    taxRate: TaxRate,
    milestones: Type.Array(PaymentMilestone, { minItems: 1, maxItems: 2 }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ReviseContractBody = Static<typeof ReviseContractBody>;

/** What every decision on a step names: the step and the contract version the person looked at. */
export const DecisionBody = Type.Object(
  {
    step: HumanApprovalStep,
    contractVersion: Type.Integer({ minimum: 1 }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;

export const ReasonedDecisionBody = Type.Object(
  {
    step: HumanApprovalStep,
    contractVersion: Type.Integer({ minimum: 1 }),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type ReasonedDecisionBody = Static<typeof ReasonedDecisionBody>;

export const DelegateStepBody = Type.Object(
  {
    step: HumanApprovalStep,
    contractVersion: Type.Integer({ minimum: 1 }),
    toPersonId: Uuid,
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type DelegateStepBody = Static<typeof DelegateStepBody>;

/** One line of a contract's approval history, as the domain folds it from the events. */
export const ApprovalHistoryEntry = Type.Object({
  round: Type.Integer({ minimum: 1 }),
  version: Type.Integer({ minimum: 1 }),
  step: Type.Union([ApprovalStep, Type.Literal('submission'), Type.Literal('signature')]),
  outcome: Type.Union([
    Type.Literal('submitted'),
    Type.Literal('opened'),
    Type.Literal('approved'),
    Type.Literal('rejected'),
    Type.Literal('sent_back'),
    Type.Literal('delegated'),
    Type.Literal('passed'),
    Type.Literal('overrun'),
    Type.Literal('reminded'),
    Type.Literal('escalated'),
    Type.Literal('withdrawn'),
    Type.Literal('signed'),
  ]),
  by: Type.Optional(Type.String()),
  to: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
});
export type ApprovalHistoryEntry = Static<typeof ApprovalHistoryEntry>;

/** The approval chain as the workflow's query and the contract page show it. */
export const ApprovalChainView = Type.Object({
  contractId: Uuid,
  productionId: Uuid,
  vendorId: Uuid,
  version: Type.Integer({ minimum: 1 }),
  status: ContractStatus,
  round: Type.Integer({ minimum: 0 }),
  step: Type.Optional(ApprovalStep),
  assigneeId: Type.Optional(Uuid),
  assigneeRole: Type.Optional(Role),
  clientApprovalRequired: Type.Optional(Type.Boolean()),
  overrun: Type.Optional(Type.Boolean()),
  total: Amount,
  history: Type.Array(ApprovalHistoryEntry),
});
export type ApprovalChainView = Static<typeof ApprovalChainView>;

/** What an accepted approval call answers. */
export const DecisionAccepted = Type.Object({
  accepted: Type.Literal(true),
  contractId: Uuid,
  version: Type.Integer(),
  status: ContractStatus,
  step: Type.Optional(ApprovalStep),
});
export type DecisionAccepted = Static<typeof DecisionAccepted>;
