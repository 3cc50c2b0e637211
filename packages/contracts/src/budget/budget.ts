import { Type, type Static } from 'typebox';
import { Amount, ExpectedVersion, Uuid } from '../common/common.ts';
import { VendorCategory } from '../vendors/vendors.ts';
import { CalendarDate, MilestoneKind } from '../contracts/contracts.ts';
import { BudgetAlertKind } from './events.ts';

/**
 * How a category stands against its estimate: within it, over it, or over with an approved overrun
 * (until committed or actual grows past what was approved).
 */
export const BudgetLineStatus = Type.Union([
  Type.Literal('within'),
  Type.Literal('over'),
  Type.Literal('over_approved'),
]);
export type BudgetLineStatus = Static<typeof BudgetLineStatus>;

/** The overrun a finance approver or manager accepted, at these figures. */
export const BudgetOverrunApproval = Type.Object({
  reason: Type.String(),
  approvedBy: Uuid,
  estimate: Amount,
  committed: Amount,
  actual: Amount,
});
export type BudgetOverrunApproval = Static<typeof BudgetOverrunApproval>;

/**
 * One budget line of a production: per category, the estimate, what signed contracts committed, what was
 * paid, and the variance `estimate − committed` (negative: the category is over budget).
 */
export const BudgetLine = Type.Object({
  category: VendorCategory,
  estimate: Amount,
  committed: Amount,
  actual: Amount,
  variance: Type.Integer(),
  status: BudgetLineStatus,
  /** The figures over the estimate now (each raised a `BudgetAlertRaised` when it crossed). */
  alerts: Type.Array(BudgetAlertKind),
  /** The approval that still covers the overrun, if any. */
  approval: Type.Optional(BudgetOverrunApproval),
});
export type BudgetLine = Static<typeof BudgetLine>;

export const Budget = Type.Object({
  productionId: Uuid,
  currency: Type.String(),
  lines: Type.Array(BudgetLine),
  totals: Type.Object({ estimate: Amount, committed: Amount, actual: Amount, variance: Type.Integer() }),
  version: Type.Integer(),
});
export type Budget = Static<typeof Budget>;

export const SetBudgetEstimateBody = Type.Object(
  { expectedVersion: ExpectedVersion, category: VendorCategory, estimate: Amount },
  { additionalProperties: false },
);
export type SetBudgetEstimateBody = Static<typeof SetBudgetEstimateBody>;

export const RecordPaymentBody = Type.Object(
  {
    category: VendorCategory,
    contractId: Type.Optional(Uuid),
    amount: Amount,
    paidOn: CalendarDate,
    reference: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type RecordPaymentBody = Static<typeof RecordPaymentBody>;

/** What the approval chain's budget check found (internal figures: never shown to clients). */
export const BudgetCheckResult = Type.Object({
  category: VendorCategory,
  estimate: Amount,
  committed: Amount,
  contractTotal: Amount,
  remainingAfter: Type.Integer(),
  withinBudget: Type.Boolean(),
});
export type BudgetCheckResult = Static<typeof BudgetCheckResult>;

export const ApproveBudgetOverrunBody = Type.Object(
  {
    expectedVersion: Type.Optional(ExpectedVersion),
    category: VendorCategory,
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type ApproveBudgetOverrunBody = Static<typeof ApproveBudgetOverrunBody>;

/** Cumulative committed and actual at the end of one Jakarta calendar day (days with a change only). */
export const BudgetBurnPoint = Type.Object({ day: CalendarDate, committed: Amount, actual: Amount });
export type BudgetBurnPoint = Static<typeof BudgetBurnPoint>;

export const BudgetBurn = Type.Object({
  productionId: Uuid,
  currency: Type.String(),
  /** The total estimate now, for the chart's reference line. */
  estimate: Amount,
  points: Type.Array(BudgetBurnPoint),
});
export type BudgetBurn = Static<typeof BudgetBurn>;

export const PaymentsDueQuery = Type.Object(
  { withinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 366, default: 14 })) },
  { additionalProperties: false },
);
export type PaymentsDueQuery = Static<typeof PaymentsDueQuery>;

/** A signed contract's payment milestone due within the window (or overdue and not settled). */
export const PaymentDue = Type.Object({
  contractId: Uuid,
  vendorId: Uuid,
  vendorName: Type.String(),
  category: VendorCategory,
  kind: MilestoneKind,
  amount: Amount,
  dueOn: CalendarDate,
  /** Days from today (Jakarta) to the due date; negative when overdue. */
  daysLeft: Type.Integer(),
});
export type PaymentDue = Static<typeof PaymentDue>;

export const PaymentsDue = Type.Object({
  productionId: Uuid,
  currency: Type.String(),
  today: CalendarDate,
  withinDays: Type.Integer(),
  items: Type.Array(PaymentDue),
  total: Amount,
});
export type PaymentsDue = Static<typeof PaymentsDue>;
