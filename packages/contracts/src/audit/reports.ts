import { Type, type Static } from 'typebox';
import { BudgetLineStatus } from '../budget/budget.ts';
import { Amount, Checkpoint, Instant, Locale, Uuid } from '../common/common.ts';
import { NamedRef } from '../contracts/views.ts';
import { VendorCategory } from '../vendors/vendors.ts';

/** A report's language (`?lang=`); the viewer's own language when left out. */
export const ReportQuery = Type.Object({ lang: Type.Optional(Locale) }, { additionalProperties: false });
export type ReportQuery = Static<typeof ReportQuery>;

/**
 * Which state the budget report shows: the production's when it closed (its first `closed` phase change
 * or `ProductionClosed`), or, while it is not closed, the state as of `at` (the moment of the request).
 */
export const BudgetReportAsOf = Type.Object({
  kind: Type.Union([Type.Literal('closed'), Type.Literal('now')]),
  at: Instant,
  /** The last event of the production read (the closing event when closed); null before any. */
  position: Type.Union([Checkpoint, Type.Null()]),
});
export type BudgetReportAsOf = Static<typeof BudgetReportAsOf>;

/** Estimate against committed and actual; variances are `estimate − figure` (negative: over). */
export const BudgetReportFigures = Type.Object({
  estimate: Amount,
  committed: Amount,
  actual: Amount,
  /** `estimate − committed`, as on the budget page. */
  variance: Type.Integer(),
  /** `variance / estimate` in per cent, one decimal; null without an estimate. */
  variancePercent: Type.Union([Type.Number(), Type.Null()]),
  /** `estimate − actual`. */
  actualVariance: Type.Integer(),
  actualVariancePercent: Type.Union([Type.Number(), Type.Null()]),
});
export type BudgetReportFigures = Static<typeof BudgetReportFigures>;

/** One line of a category: a contract (committed when signed, and what was paid against it), or the payments recorded without a contract. */
export const BudgetReportItem = Type.Object({
  kind: Type.Union([Type.Literal('contract'), Type.Literal('other_payments')]),
  contractId: Type.Optional(Uuid),
  /** The contract's title (its request for quotation's); empty for other payments. */
  title: Type.String(),
  vendor: Type.Optional(NamedRef),
  committed: Amount,
  actual: Amount,
});
export type BudgetReportItem = Static<typeof BudgetReportItem>;

/** An overrun someone accepted: who, when, why, at which figures, and whether it still covered the line. */
export const BudgetReportApproval = Type.Object({
  approvedBy: NamedRef,
  at: Instant,
  reason: Type.String(),
  estimate: Amount,
  committed: Amount,
  actual: Amount,
  /** The approval still covered the category's overrun at the report's moment. */
  inForce: Type.Boolean(),
});
export type BudgetReportApproval = Static<typeof BudgetReportApproval>;

/** One category's figures at the report's moment, its lines and the overruns approved on it. */
export const BudgetReportCategory = Type.Object({
  category: VendorCategory,
  ...BudgetReportFigures.properties,
  status: BudgetLineStatus,
  items: Type.Array(BudgetReportItem),
  approvals: Type.Array(BudgetReportApproval),
});
export type BudgetReportCategory = Static<typeof BudgetReportCategory>;

/** Budget estimate, committed and actual at close, per category and per line, with totals (issue 7). */
export const BudgetReport = Type.Object({
  productionId: Uuid,
  productionName: Type.String(),
  currency: Type.String(),
  timeZone: Type.String(),
  asOf: BudgetReportAsOf,
  categories: Type.Array(BudgetReportCategory),
  totals: BudgetReportFigures,
});
export type BudgetReport = Static<typeof BudgetReport>;
