import { Type, type Static } from 'typebox';
import { Amount, Instant, Name, Uuid } from '../common/common.ts';
import { CalendarDate, MilestoneKind } from '../contracts/contracts.ts';
import { VendorCategory } from '../vendors/vendors.ts';

/** Event payloads of the `phases-<productionId>` stream (the production's phase settings and reminders). */
export const RequiredVendorCategoriesSet = Type.Object({
  productionId: Uuid,
  categories: Type.Array(VendorCategory),
  previous: Type.Array(VendorCategory),
});
export type RequiredVendorCategoriesSet = Static<typeof RequiredVendorCategoriesSet>;

/** The production workflow reminded the production of a timeline milestone due soon. */
export const MilestoneReminderSent = Type.Object({
  productionId: Uuid,
  taskId: Uuid,
  title: Name,
  ownerId: Type.Optional(Uuid),
  dueAt: Instant,
  /** How long before the due time the reminder was meant to go, in milliseconds. */
  leadMs: Type.Integer({ minimum: 0 }),
});
export type MilestoneReminderSent = Static<typeof MilestoneReminderSent>;

/** One unpaid payment milestone of a signed contract. */
export const UnpaidMilestone = Type.Object({
  contractId: Uuid,
  vendorId: Uuid,
  category: VendorCategory,
  kind: MilestoneKind,
  amount: Amount,
  dueOn: CalendarDate,
});
export type UnpaidMilestone = Static<typeof UnpaidMilestone>;

/** Entering wrap-up opened the settlement of vendor payments: what is still to pay. */
export const SettlementOpened = Type.Object({
  productionId: Uuid,
  unpaid: Type.Array(UnpaidMilestone),
  total: Amount,
});
export type SettlementOpened = Static<typeof SettlementOpened>;
