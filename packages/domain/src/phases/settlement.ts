import type { PaymentMilestone, PhaseEvents, VendorCategory } from '@panggung/contracts';

/** A signed contract as the settlement sees it. */
export interface SignedContract {
  readonly contractId: string;
  readonly vendorId: string;
  readonly category: VendorCategory;
  readonly milestones: readonly PaymentMilestone[];
}

/**
 * The payment milestones of signed contracts not yet covered by the payments recorded against them.
 * Payments to a contract settle its milestones in order (down payment first); a milestone counts as
 * paid once the payments reach the running total up to it.
 *
 * @example
 * unpaidMilestones([{ contractId, vendorId, category: 'sound', milestones }], [{ contractId, amount: 44_400_000 }])
 */
export function unpaidMilestones(
  contracts: readonly SignedContract[],
  payments: readonly { readonly contractId?: string | undefined; readonly amount: number }[],
): PhaseEvents.UnpaidMilestone[] {
  return contracts.flatMap((contract) => {
    const paid = payments
      .filter((payment) => payment.contractId === contract.contractId)
      .reduce((sum, payment) => sum + payment.amount, 0);
    let runningTotal = 0;
    const ordered = [...contract.milestones].sort((a, b) =>
      a.kind === b.kind ? 0 : a.kind === 'down_payment' ? -1 : 1,
    );
    return ordered.flatMap((milestone) => {
      runningTotal += milestone.amount;
      if (paid >= runningTotal) return [];
      const { contractId, vendorId, category } = contract;
      return [
        {
          contractId,
          vendorId,
          category,
          kind: milestone.kind,
          amount: milestone.amount,
          dueOn: milestone.dueOn,
        },
      ];
    });
  });
}
