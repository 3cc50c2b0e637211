import type { Budget, BudgetEvents, BudgetLine, LiveEvent, Role, VendorCategory } from '@panggung/contracts';

/** Roles that see and change budget figures (the API's `budget.view` and `budget.manage`). */
export const BUDGET_ROLES: readonly Role[] = ['org_admin', 'production_manager', 'finance_approver'];

export const canSeeBudget = (roles: readonly Role[]) => roles.some((role) => BUDGET_ROLES.includes(role));

/** How a line stands: over its estimate (committed more than estimated), or within it. */
export type LineStanding = 'over' | 'within';
export const standingOf = (line: Pick<BudgetLine, 'variance'>): LineStanding =>
  line.variance < 0 ? 'over' : 'within';

/** The budget stream of a production, as its events name it. */
export const budgetStreamOf = (productionId: string) => `budget-${productionId}`;

function withTotals(budget: Budget, lines: BudgetLine[]): Budget {
  const sum = (key: 'estimate' | 'committed' | 'actual') => lines.reduce((acc, line) => acc + line[key], 0);
  const estimate = sum('estimate');
  const committed = sum('committed');
  return {
    ...budget,
    lines,
    totals: { estimate, committed, actual: sum('actual'), variance: estimate - committed },
  };
}

function changeLine(
  lines: readonly BudgetLine[],
  category: VendorCategory,
  change: (line: BudgetLine) => Omit<BudgetLine, 'variance' | 'category'>,
  order: readonly VendorCategory[],
): BudgetLine[] {
  const found = lines.find((line) => line.category === category) ?? {
    category,
    estimate: 0,
    committed: 0,
    actual: 0,
    variance: 0,
  };
  const next = change(found);
  const line = { category, ...next, variance: next.estimate - next.committed };
  return [...lines.filter((l) => l.category !== category), line].sort(
    (a, b) => order.indexOf(a.category) - order.indexOf(b.category),
  );
}

/**
 * The budget after a live event of its stream, so the page follows a signed contract (its committed
 * amount), a new estimate or a payment without a reload. `reload` says the event is not the next one the
 * page expects (one was missed): load the budget again. Events of other streams, and ones the page has
 * already seen, change nothing.
 *
 * @example
 * const { budget: next, reload } = applyBudgetEvent(budget, event, VENDOR_CATEGORIES);
 */
export function applyBudgetEvent(
  budget: Budget,
  event: LiveEvent,
  order: readonly VendorCategory[],
): { budget: Budget; reload: boolean } {
  if (event.streamId !== budgetStreamOf(budget.productionId) || event.streamVersion <= budget.version)
    return { budget, reload: false };
  if (event.streamVersion > budget.version + 1) return { budget, reload: true };
  let lines: BudgetLine[];
  switch (event.type) {
    case 'BudgetEstimateSet': {
      const data = event.data as BudgetEvents.BudgetEstimateSet;
      lines = changeLine(budget.lines, data.category, (l) => ({ ...l, estimate: data.estimate }), order);
      break;
    }
    case 'BudgetCommitted': {
      const data = event.data as BudgetEvents.BudgetCommitted;
      lines = changeLine(
        budget.lines,
        data.category,
        (l) => ({ ...l, committed: l.committed + data.amount }),
        order,
      );
      break;
    }
    case 'PaymentRecorded': {
      const data = event.data as BudgetEvents.PaymentRecorded;
      lines = changeLine(
        budget.lines,
        data.category,
        (l) => ({ ...l, actual: l.actual + data.amount }),
        order,
      );
      break;
    }
    default:
      // A budget event this page does not know: the API knows better.
      return { budget, reload: true };
  }
  return { budget: { ...withTotals(budget, lines), version: event.streamVersion }, reload: false };
}
