import type { BudgetBurnPoint, PaymentDue, PaymentMilestone, VendorCategory } from '@panggung/contracts';
import { DAY_MS, jakartaDay } from '../crew/jakarta-time.ts';

/** A budget event as stored, with the time it was recorded (from the event's metadata). */
export interface RecordedBudgetEvent {
  readonly type: string;
  readonly data: unknown;
  readonly recordedAt: string;
}

/**
 * Committed and actual over time: cumulative at the end of each Jakarta calendar day on which either
 * changed. A commitment counts on the day it was recorded (the contract was signed); a payment on the
 * day it was paid (`paidOn`, which may be earlier than the day it was entered).
 *
 * @example
 * budgetBurn(events) // [{ day: '2027-01-10', committed: 88_800_000, actual: 0 }, …]
 */
export function budgetBurn(events: readonly RecordedBudgetEvent[]): BudgetBurnPoint[] {
  const perDay = new Map<string, { committed: number; actual: number }>();
  const add = (day: string, key: 'committed' | 'actual', amount: number) => {
    const current = perDay.get(day) ?? { committed: 0, actual: 0 };
    perDay.set(day, { ...current, [key]: current[key] + amount });
  };
  for (const event of events) {
    const data = event.data as { amount?: number; paidOn?: string };
    if (event.type === 'BudgetCommitted' && typeof data.amount === 'number')
      add(jakartaDay(Date.parse(event.recordedAt)), 'committed', data.amount);
    else if (event.type === 'PaymentRecorded' && typeof data.amount === 'number' && data.paidOn)
      add(data.paidOn, 'actual', data.amount);
  }
  let committed = 0;
  let actual = 0;
  return [...perDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, delta]) => {
      committed += delta.committed;
      actual += delta.actual;
      return { day, committed, actual };
    });
}

/** A signed contract with its payment milestones, as the payments-due view needs it. */
export interface SignedContractMilestones {
  readonly contractId: string;
  readonly vendorId: string;
  readonly vendorName: string;
  readonly category: VendorCategory;
  readonly milestones: readonly PaymentMilestone[];
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * Payment milestones still to pay that fall due within `withinDays` of `today` (Jakarta), overdue ones
 * included, soonest first. What was paid against a contract settles its milestones in due order, so a
 * paid down payment no longer shows.
 *
 * @example
 * paymentsDue(contracts, { [contractId]: 44_400_000 }, '2027-02-01', 14)
 */
export function paymentsDue(
  contracts: readonly SignedContractMilestones[],
  paidByContract: Readonly<Record<string, number>>,
  today: string,
  withinDays: number,
): PaymentDue[] {
  const due: PaymentDue[] = [];
  for (const contract of contracts) {
    let paid = paidByContract[contract.contractId] ?? 0;
    const ordered = [...contract.milestones].sort((a, b) =>
      a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0,
    );
    for (const milestone of ordered) {
      const settled = Math.min(paid, milestone.amount);
      paid -= settled;
      const open = milestone.amount - settled;
      const daysLeft = daysBetween(today, milestone.dueOn);
      if (open > 0 && daysLeft <= withinDays)
        due.push({
          contractId: contract.contractId,
          vendorId: contract.vendorId,
          vendorName: contract.vendorName,
          category: contract.category,
          kind: milestone.kind,
          amount: open,
          dueOn: milestone.dueOn,
          daysLeft,
        });
    }
  }
  return due.sort((a, b) => a.daysLeft - b.daysLeft || a.vendorName.localeCompare(b.vendorName));
}
