import { Type, type Static } from 'typebox';
import { Role } from '../access/roles.ts';
import { Amount, Currency, Instant, Name, Uuid } from '../common/common.ts';
import { VendorCategory } from '../vendors/vendors.ts';
import {
  ApprovalHistoryEntry,
  ApprovalStep,
  ContractStatus,
  HumanApprovalStep,
  PaymentMilestone,
} from './contracts.ts';
import { QuoteComparison, Terms } from './procurement.ts';

/** A person or company named in a view: id and display name. */
export const NamedRef = Type.Object({ id: Uuid, name: Type.String() });
export type NamedRef = Static<typeof NamedRef>;

export const RfqStatus = Type.Union([Type.Literal('open'), Type.Literal('awarded')]);
export type RfqStatus = Static<typeof RfqStatus>;

/** One vendor's latest quote on an RFQ. */
export const QuoteView = Type.Object({
  id: Uuid,
  rfqId: Uuid,
  vendor: NamedRef,
  revision: Type.Integer({ minimum: 1 }),
  currency: Currency,
  terms: Terms,
  note: Type.Optional(Type.String()),
  submittedAt: Instant,
});
export type QuoteView = Static<typeof QuoteView>;

/** An RFQ in a list. `invited` and `quoteCount` are internal: a vendor sees neither. */
export const RfqSummary = Type.Object({
  id: Uuid,
  productionId: Uuid,
  category: VendorCategory,
  title: Name,
  deadline: Instant,
  status: RfqStatus,
  invited: Type.Optional(Type.Integer({ minimum: 0 })),
  quoteCount: Type.Optional(Type.Integer({ minimum: 0 })),
  issuedAt: Instant,
});
export type RfqSummary = Static<typeof RfqSummary>;

export const RfqList = Type.Object({ items: Type.Array(RfqSummary) });
export type RfqList = Static<typeof RfqList>;

/**
 * One RFQ with its quotes. Internal roles see every invited vendor, every quote and the side-by-side
 * comparison; a vendor sees only its own quote, and the award only when it won.
 */
export const RfqView = Type.Object({
  ...RfqSummary.properties,
  description: Type.Optional(Type.String()),
  vendors: Type.Optional(Type.Array(NamedRef)),
  quotes: Type.Array(QuoteView),
  comparison: Type.Optional(QuoteComparison),
  award: Type.Optional(Type.Object({ quoteId: Uuid, vendorId: Uuid, total: Amount })),
  version: Type.Integer({ minimum: 0 }),
});
export type RfqView = Static<typeof RfqView>;

export const AwardQuoteBody = Type.Object({ quoteId: Uuid }, { additionalProperties: false });
export type AwardQuoteBody = Static<typeof AwardQuoteBody>;

/** What happened to a contract, in words a timeline shows. */
export const TimelineOutcome = Type.Union([
  ApprovalHistoryEntry.properties.outcome,
  Type.Literal('drafted'),
  Type.Literal('revised'),
]);
export type TimelineOutcome = Static<typeof TimelineOutcome>;

/**
 * One entry of a contract's timeline: who did what and when, from one event of the contract's stream.
 * `by` is the person who acted (absent for the workflow's own steps: budget check, reminder, escalation,
 * signature); `to` the person a step was opened for, delegated, reminded or escalated to.
 */
export const TimelineEntry = Type.Object({
  at: Instant,
  /** The event's type, e.g. `ApprovalStepApproved`. */
  type: Type.String(),
  round: Type.Integer({ minimum: 0 }),
  version: Type.Integer({ minimum: 1 }),
  step: Type.Optional(Type.Union([ApprovalStep, Type.Literal('submission'), Type.Literal('signature')])),
  outcome: TimelineOutcome,
  by: Type.Optional(NamedRef),
  to: Type.Optional(NamedRef),
  reason: Type.Optional(Type.String()),
  note: Type.Optional(Type.String()),
  /** The budget check's figures (budget roles only). */
  budget: Type.Optional(
    Type.Object({
      estimate: Amount,
      committed: Amount,
      contractTotal: Amount,
      remainingAfter: Type.Integer(),
    }),
  ),
});
export type TimelineEntry = Static<typeof TimelineEntry>;

/** A contract in a list. */
export const ContractSummary = Type.Object({
  id: Uuid,
  productionId: Uuid,
  title: Type.String(),
  vendor: NamedRef,
  category: VendorCategory,
  currency: Currency,
  total: Amount,
  version: Type.Integer({ minimum: 1 }),
  status: ContractStatus,
  round: Type.Integer({ minimum: 0 }),
  step: Type.Optional(ApprovalStep),
  assignee: Type.Optional(NamedRef),
  updatedAt: Instant,
});
export type ContractSummary = Static<typeof ContractSummary>;

export const ContractList = Type.Object({ items: Type.Array(ContractSummary) });
export type ContractList = Static<typeof ContractList>;

/** A contract with its terms, milestones and the approval chain as a timeline, oldest first. */
export const ContractView = Type.Object({
  ...ContractSummary.properties,
  rfqId: Uuid,
  quoteId: Uuid,
  terms: Terms,
  milestones: Type.Array(PaymentMilestone),
  assigneeRole: Type.Optional(Role),
  clientApprovalRequired: Type.Optional(Type.Boolean()),
  timeline: Type.Array(TimelineEntry),
});
export type ContractView = Static<typeof ContractView>;

export const SubmitContractBody = Type.Object(
  {
    /** The version being submitted (the one the manager looked at). */
    contractVersion: Type.Integer({ minimum: 1 }),
    /** Who decides each step; by default the production's owner, its first finance approver and client. */
    approvers: Type.Optional(
      Type.Object(
        {
          manager_review: Type.Optional(Uuid),
          finance_overrun: Type.Optional(Uuid),
          client_approval: Type.Optional(Uuid),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type SubmitContractBody = Static<typeof SubmitContractBody>;

/** The approval workflow was started for this version; its steps arrive as events. */
export const SubmissionAccepted = Type.Object({
  accepted: Type.Literal(true),
  contractId: Uuid,
  version: Type.Integer({ minimum: 1 }),
  workflowId: Type.String(),
});
export type SubmissionAccepted = Static<typeof SubmissionAccepted>;

export const WithdrawContractBody = Type.Object(
  {
    contractVersion: Type.Integer({ minimum: 1 }),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type WithdrawContractBody = Static<typeof WithdrawContractBody>;

/** A step waiting for the signed-in person. */
export const ApprovalInboxItem = Type.Object({
  contractId: Uuid,
  productionId: Uuid,
  productionName: Type.String(),
  title: Type.String(),
  vendor: NamedRef,
  currency: Currency,
  amount: Amount,
  step: HumanApprovalStep,
  round: Type.Integer({ minimum: 1 }),
  /** Send this as `contractVersion` with the decision. */
  contractVersion: Type.Integer({ minimum: 1 }),
  openedAt: Instant,
  /** When the assignee is reminded; after `escalatesAt` the production's owner is told. */
  dueAt: Instant,
  escalatesAt: Instant,
  reminded: Type.Boolean(),
  escalated: Type.Boolean(),
});
export type ApprovalInboxItem = Static<typeof ApprovalInboxItem>;

export const ApprovalInbox = Type.Object({ items: Type.Array(ApprovalInboxItem) });
export type ApprovalInbox = Static<typeof ApprovalInbox>;
