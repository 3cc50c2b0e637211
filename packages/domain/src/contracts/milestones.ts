import type { PaymentMilestone } from '@panggung/contracts';
import { ValidationError } from '../core/errors.ts';
import { formatRupiah } from './money.ts';

/** The milestones do not add up to the contract's total. */
export class MilestonesDoNotAddUpError extends ValidationError {
  constructor(
    readonly sum: number,
    readonly total: number,
  ) {
    super(
      `The payment milestones add up to ${formatRupiah(sum)}, not the contract total ${formatRupiah(total)}`,
      'milestones',
    );
  }
}

/**
 * Checks a contract's payment milestones against its total and returns them in payment order (down
 * payment first): one settlement, at most one down payment, each amount above zero, the down payment
 * due no later than the settlement, and together exactly the total.
 */
export function checkMilestones(milestones: readonly PaymentMilestone[], total: number): PaymentMilestone[] {
  const settlements = milestones.filter((m) => m.kind === 'settlement');
  const downPayments = milestones.filter((m) => m.kind === 'down_payment');
  if (settlements.length !== 1)
    throw new ValidationError('A contract has exactly one settlement milestone', 'milestones');
  if (downPayments.length > 1)
    throw new ValidationError('A contract has at most one down payment', 'milestones');
  milestones.forEach((milestone, index) => {
    if (!Number.isSafeInteger(milestone.amount) || milestone.amount <= 0)
      throw new ValidationError(
        'A milestone is a whole, positive amount of rupiah',
        `milestones/${index}/amount`,
      );
    if (!/^\d{4}-\d{2}-\d{2}$/.test(milestone.dueOn) || Number.isNaN(Date.parse(milestone.dueOn)))
      throw new ValidationError('A due date is a calendar date, YYYY-MM-DD', `milestones/${index}/dueOn`);
  });
  const settlement = settlements[0]!;
  const downPayment = downPayments[0];
  if (downPayment && downPayment.dueOn > settlement.dueOn)
    throw new ValidationError(
      'The down payment falls due before the settlement',
      `milestones/${milestones.indexOf(downPayment)}/dueOn`,
    );
  const sum = milestones.reduce((acc, m) => acc + m.amount, 0);
  if (sum !== total) throw new MilestonesDoNotAddUpError(sum, total);
  return downPayment ? [{ ...downPayment }, { ...settlement }] : [{ ...settlement }];
}
