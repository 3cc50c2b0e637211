import { Type, type Static } from 'typebox';
import { Role } from '../access/roles.ts';
import { Amount, Currency, Instant, Name, Uuid } from '../common/common.ts';
import { VendorCategory } from '../vendors/vendors.ts';
import { ApprovalStep, Approvers, HumanApprovalStep, PaymentMilestone } from './contracts.ts';
import { Terms } from './procurement.ts';

/**
 * Event payloads of the `rfq-<id>` and `contract-<id>` streams. Every one carries `productionId` (the
 * live stream routes by it) and, where one vendor is concerned, `vendorId` (what a vendor may see).
 * People are named by id in the data (`issuedBy`, `approvedBy`…) for the timeline; the event's metadata
 * actor says the same.
 */

// --- rfq-<id> ---------------------------------------------------------------------------------------

export const RfqIssued = Type.Object({
  productionId: Uuid,
  rfqId: Uuid,
  category: VendorCategory,
  title: Name,
  description: Type.Optional(Type.String()),
  vendorIds: Type.Array(Uuid),
  deadline: Instant,
  issuedBy: Uuid,
});
export type RfqIssued = Static<typeof RfqIssued>;

/** One per invited vendor, beside `RfqIssued`: what that vendor sees (not who else was invited). */
export const RfqVendorInvited = Type.Object({
  productionId: Uuid,
  rfqId: Uuid,
  vendorId: Uuid,
  category: VendorCategory,
  title: Name,
  description: Type.Optional(Type.String()),
  deadline: Instant,
});
export type RfqVendorInvited = Static<typeof RfqVendorInvited>;

export const QuoteSubmitted = Type.Object({
  productionId: Uuid,
  rfqId: Uuid,
  quoteId: Uuid,
  vendorId: Uuid,
  /** 1 for the first quote, +1 per revision. */
  revision: Type.Integer({ minimum: 1 }),
  currency: Currency,
  terms: Terms,
  note: Type.Optional(Type.String()),
  submittedBy: Uuid,
});
export type QuoteSubmitted = Static<typeof QuoteSubmitted>;

/** A vendor's new revision of its quote; the earlier ones stay in the stream. */
export const QuoteRevised = QuoteSubmitted;
export type QuoteRevised = Static<typeof QuoteRevised>;

export const QuoteAwarded = Type.Object({
  productionId: Uuid,
  rfqId: Uuid,
  quoteId: Uuid,
  vendorId: Uuid,
  revision: Type.Integer({ minimum: 1 }),
  category: VendorCategory,
  total: Amount,
  awardedBy: Uuid,
});
export type QuoteAwarded = Static<typeof QuoteAwarded>;

// --- contract-<id> ----------------------------------------------------------------------------------

/** Fields every contract event carries. */
const ContractRef = {
  productionId: Uuid,
  contractId: Uuid,
  vendorId: Uuid,
  /** The contract version the event is about. */
  version: Type.Integer({ minimum: 1 }),
};

export const ContractDrafted = Type.Object({
  ...ContractRef,
  organisationId: Uuid,
  rfqId: Uuid,
  quoteId: Uuid,
  category: VendorCategory,
  currency: Currency,
  terms: Terms,
  milestones: Type.Array(PaymentMilestone),
  draftedBy: Uuid,
});
export type ContractDrafted = Static<typeof ContractDrafted>;

export const ContractRevised = Type.Object({
  ...ContractRef,
  terms: Terms,
  milestones: Type.Array(PaymentMilestone),
  note: Type.Optional(Type.String()),
  revisedBy: Uuid,
});
export type ContractRevised = Static<typeof ContractRevised>;

export const ContractSubmitted = Type.Object({
  ...ContractRef,
  /** 1 for the first submission, +1 after each send-back and revision. */
  round: Type.Integer({ minimum: 1 }),
  submittedBy: Uuid,
  approvers: Approvers,
  total: Amount,
  clientApprovalThreshold: Amount,
  clientApprovalRequired: Type.Boolean(),
});
export type ContractSubmitted = Static<typeof ContractSubmitted>;

export const ApprovalStepOpened = Type.Object({
  ...ContractRef,
  round: Type.Integer({ minimum: 1 }),
  step: ApprovalStep,
  /** Absent for the budget check, which no person decides. */
  assigneeId: Type.Optional(Uuid),
  role: Type.Optional(Role),
});
export type ApprovalStepOpened = Static<typeof ApprovalStepOpened>;

export const ApprovalStepApproved = Type.Object({
  ...ContractRef,
  round: Type.Integer({ minimum: 1 }),
  step: HumanApprovalStep,
  approvedBy: Uuid,
  note: Type.Optional(Type.String()),
});
export type ApprovalStepApproved = Static<typeof ApprovalStepApproved>;

/** Internal: budget figures. */
const BudgetCheckFigures = {
  ...ContractRef,
  round: Type.Integer({ minimum: 1 }),
  step: Type.Literal('budget_check'),
  category: VendorCategory,
  estimate: Amount,
  committed: Amount,
  contractTotal: Amount,
  /** estimate − committed − contractTotal; negative is the overrun. */
  remainingAfter: Type.Integer(),
};

export const BudgetCheckPassed = Type.Object(BudgetCheckFigures);
export type BudgetCheckPassed = Static<typeof BudgetCheckPassed>;

export const BudgetOverrunFlagged = Type.Object(BudgetCheckFigures);
export type BudgetOverrunFlagged = Static<typeof BudgetOverrunFlagged>;

export const ContractRejected = Type.Object({
  ...ContractRef,
  round: Type.Integer({ minimum: 1 }),
  step: HumanApprovalStep,
  rejectedBy: Uuid,
  reason: Type.String({ minLength: 1 }),
});
export type ContractRejected = Static<typeof ContractRejected>;

export const ContractSentBack = Type.Object({
  ...ContractRef,
  round: Type.Integer({ minimum: 1 }),
  step: HumanApprovalStep,
  sentBackBy: Uuid,
  reason: Type.String({ minLength: 1 }),
});
export type ContractSentBack = Static<typeof ContractSentBack>;

export const ApprovalStepDelegated = Type.Object({
  ...ContractRef,
  round: Type.Integer({ minimum: 1 }),
  step: HumanApprovalStep,
  from: Uuid,
  to: Uuid,
  delegatedBy: Uuid,
  reason: Type.Optional(Type.String()),
});
export type ApprovalStepDelegated = Static<typeof ApprovalStepDelegated>;

/** The step waited longer than its first deadline; its assignee is reminded. */
export const ApprovalReminderSent = Type.Object({
  ...ContractRef,
  round: Type.Integer({ minimum: 1 }),
  step: HumanApprovalStep,
  assigneeId: Uuid,
});
export type ApprovalReminderSent = Static<typeof ApprovalReminderSent>;

/** The step waited past its second deadline; the production's owner is told. */
export const ApprovalEscalated = Type.Object({
  ...ContractRef,
  round: Type.Integer({ minimum: 1 }),
  step: HumanApprovalStep,
  assigneeId: Uuid,
  escalatedTo: Uuid,
});
export type ApprovalEscalated = Static<typeof ApprovalEscalated>;

export const ContractWithdrawn = Type.Object({
  ...ContractRef,
  /** The step that was open, if the contract was in approval. */
  step: Type.Optional(ApprovalStep),
  withdrawnBy: Uuid,
  reason: Type.Optional(Type.String()),
});
export type ContractWithdrawn = Static<typeof ContractWithdrawn>;

export const ContractSigned = Type.Object({
  ...ContractRef,
  round: Type.Integer({ minimum: 1 }),
  category: VendorCategory,
  currency: Currency,
  total: Amount,
  /** The human steps approved in the signing round, in order. */
  approvedSteps: Type.Array(HumanApprovalStep),
});
export type ContractSigned = Static<typeof ContractSigned>;
