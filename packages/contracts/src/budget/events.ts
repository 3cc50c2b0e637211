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
