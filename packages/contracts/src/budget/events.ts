import { Type, type Static } from 'typebox';
import { Amount, Uuid } from '../common/common.ts';
import { CalendarDate } from '../contracts/contracts.ts';
import { VendorCategory } from '../vendors/vendors.ts';

/** Event payloads of the `budget-<productionId>` stream: internal figures, never shown to clients or vendors. */
export const BudgetEstimateSet = Type.Object({
  productionId: Uuid,
  category: VendorCategory,
  estimate: Amount,
  previous: Amount,
});
export type BudgetEstimateSet = Static<typeof BudgetEstimateSet>;

/** A signed contract raised its category's committed amount (appended by the approval workflow). */
export const BudgetCommitted = Type.Object({
  productionId: Uuid,
  category: VendorCategory,
  contractId: Uuid,
  vendorId: Uuid,
  amount: Amount,
});
export type BudgetCommitted = Static<typeof BudgetCommitted>;

export const PaymentRecorded = Type.Object({
  productionId: Uuid,
  category: VendorCategory,
  paymentId: Uuid,
  contractId: Type.Optional(Uuid),
  amount: Amount,
  paidOn: CalendarDate,
  reference: Type.Optional(Type.String()),
});
export type PaymentRecorded = Static<typeof PaymentRecorded>;

/** Which figure crossed the estimate. */
export const BudgetAlertKind = Type.Union([
  Type.Literal('committed_over_estimate'),
  Type.Literal('actual_over_estimate'),
]);
export type BudgetAlertKind = Static<typeof BudgetAlertKind>;

/**
 * A category's committed or actual amount crossed its estimate (raised by the command that made it
 * cross, once per crossing). `amount` is the committed or actual amount after the command.
 */
export const BudgetAlertRaised = Type.Object({
  productionId: Uuid,
  category: VendorCategory,
  kind: BudgetAlertKind,
  estimate: Amount,
  amount: Amount,
});
export type BudgetAlertRaised = Static<typeof BudgetAlertRaised>;

/**
 * A finance approver or manager accepted a category's overrun at these figures; it stays "over with
 * approval" until committed or actual grows past them, or the estimate drops below the approved one.
 */
export const BudgetOverrunApproved = Type.Object({
  productionId: Uuid,
  category: VendorCategory,
  reason: Type.String({ minLength: 1, maxLength: 2000 }),
  approvedBy: Uuid,
  estimate: Amount,
  committed: Amount,
  actual: Amount,
});
export type BudgetOverrunApproved = Static<typeof BudgetOverrunApproved>;
