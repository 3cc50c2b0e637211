import type {
  Budget,
  BudgetEvents,
  BudgetLine,
  BudgetLineStatus,
  LiveEvent,
  Role,
  VendorCategory,
} from '@panggung/contracts';
import { rolesAllow } from '@panggung/domain/permissions';

export const canSeeBudget = (roles: readonly Role[]) => rolesAllow(roles, 'budget.view');

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

type Figures = Pick<BudgetLine, 'estimate' | 'committed' | 'actual' | 'approval'>;

/**
 * Alerts and status from a line's figures, by the domain's rules: a figure above the estimate is an alert;
 * over is "over with approval" while every figure over the estimate stays within the approved one and the
 * estimate is not below the approved estimate.
 */
export function monitoringOf(line: Figures): Pick<BudgetLine, 'alerts' | 'status' | 'approval'> {
  const alerts: BudgetLine['alerts'] = [];
  if (line.committed > line.estimate) alerts.push('committed_over_estimate');
  if (line.actual > line.estimate) alerts.push('actual_over_estimate');
  const a = line.approval;
  let status: BudgetLineStatus = 'within';
  if (alerts.length > 0)
    status =
      a &&
      line.estimate >= a.estimate &&
      (line.committed <= line.estimate || line.committed <= a.committed) &&
      (line.actual <= line.estimate || line.actual <= a.actual)
        ? 'over_approved'
        : 'over';
  return { alerts, status, ...(a && status === 'over_approved' ? { approval: a } : {}) };
}

function changeLine(
  lines: readonly BudgetLine[],
  category: VendorCategory,
  change: (line: BudgetLine) => Figures,
  order: readonly VendorCategory[],
): BudgetLine[] {
  const found = lines.find((line) => line.category === category) ?? {
    category,
    estimate: 0,
    committed: 0,
    actual: 0,
    variance: 0,
    status: 'within',
    alerts: [],
  };
  const { estimate, committed, actual, approval } = change(found);
  const line: BudgetLine = {
    category,
    estimate,
    committed,
    actual,
    variance: estimate - committed,
    ...monitoringOf({ estimate, committed, actual, ...(approval ? { approval } : {}) }),
  };
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
    case 'BudgetAlertRaised':
      // The alert is already visible from the figures the event before it changed.
      lines = [...budget.lines];
      break;
    case 'BudgetOverrunApproved': {
      const { reason, approvedBy, estimate, committed, actual } =
        event.data as BudgetEvents.BudgetOverrunApproved;
      lines = changeLine(
        budget.lines,
        (event.data as BudgetEvents.BudgetOverrunApproved).category,
        (l) => ({ ...l, approval: { reason, approvedBy, estimate, committed, actual } }),
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
