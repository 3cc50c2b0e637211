import { Type, type Static } from 'typebox';
import { Amount, ExpectedVersion, Uuid } from '../common/common.ts';
import { VendorCategory } from '../vendors/vendors.ts';
import { CalendarDate } from '../contracts/contracts.ts';

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
