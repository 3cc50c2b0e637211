import {
  VENDOR_CATEGORIES,
  type BudgetEvents,
  type BudgetReport,
  type BudgetReportApproval,
  type BudgetReportCategory,
  type BudgetReportFigures,
  type BudgetReportItem,
  type NamedRef,
  type ProductionEvents,
  type VendorCategory,
} from '@panggung/contracts';
import {
  BUDGET_EVENT_TYPES,
  budgetLines,
  evolveBudget,
  initialBudgetState,
  type BudgetEvent,
  type BudgetState,
} from '../budget/budget.ts';
import type { AuditEvent } from './time-travel.ts';

/** The events the budget report reads: the budget stream's, and the production's phase changes (to find its close). */
export const BUDGET_REPORT_READS: readonly string[] = [
  ...BUDGET_EVENT_TYPES,
  'ProductionPhaseChanged',
  'ProductionClosed',
];

/** What the report names but the events do not: the production, its contracts, its people. */
export interface BudgetReportContext {
  readonly productionId: string;
  readonly productionName: string;
  readonly currency: string;
  readonly timeZone: string;
  /** The moment of the request: the report's "as of" while the production is not closed. */
  readonly now: string;
  /** Contract id → its title and vendor. */
  readonly contracts: ReadonlyMap<string, { readonly title: string; readonly vendor: NamedRef }>;
  /** Person id → name, for who approved an overrun. */
  readonly people: ReadonlyMap<string, string>;
}

/** The moment a production closed: its first move to the `closed` phase, or the workflow's `ProductionClosed`. */
export function isClosingEvent(event: Pick<AuditEvent, 'type' | 'data'>): boolean {
  return (
    event.type === 'ProductionClosed' ||
    (event.type === 'ProductionPhaseChanged' &&
      (event.data as ProductionEvents.ProductionPhaseChanged).to === 'closed')
  );
}

/** `part / whole` in per cent with one decimal, rounded half away from zero; null when there is no whole. */
export function percentOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const tenths = (Math.abs(part) * 1000) / whole;
  return (Math.sign(part) * Math.round(tenths)) / 10 || 0;
}

function figures(estimate: number, committed: number, actual: number): BudgetReportFigures {
  const variance = estimate - committed;
  const actualVariance = estimate - actual;
  return {
    estimate,
    committed,
    actual,
    variance,
    variancePercent: percentOf(variance, estimate),
    actualVariance,
    actualVariancePercent: percentOf(actualVariance, estimate),
  };
}

const OTHER = '';

/**
 * The budget report at close: the production's events in global order (those of
 * `BUDGET_REPORT_READS` suffice) are folded by the budget's own `evolve` up to the closing event,
 * or to the end while the production is not closed (then the report says it is the state as of
 * `context.now`). Per category: estimate, committed (signed contracts), actual (payments), the variances
 * against the estimate, the status the budget's rules give, its lines (each contract committed or paid,
 * and payments without a contract) and every overrun approved on it with who approved it. Totals sum the
 * categories, so they equal the budget read model's at the same moment.
 *
 * @example
 * budgetReport(events, context).totals.actualVariancePercent // -4.2: 4.2 % over the estimate
 */
export function budgetReport(events: readonly AuditEvent[], context: BudgetReportContext): BudgetReport {
  const closing = events.find(isClosingEvent);
  let state: BudgetState = initialBudgetState;
  const items = new Map<VendorCategory, Map<string, { committed: number; actual: number }>>();
  const approvals = new Map<VendorCategory, BudgetReportApproval[]>();
  const item = (category: VendorCategory, key: string) => {
    const lines = items.get(category) ?? new Map<string, { committed: number; actual: number }>();
    items.set(category, lines);
    const line = lines.get(key) ?? { committed: 0, actual: 0 };
    lines.set(key, line);
    return line;
  };
  for (const event of events) {
    if (BUDGET_EVENT_TYPES.has(event.type)) {
      const budgetEvent = { type: event.type, data: event.data } as BudgetEvent;
      state = evolveBudget(state, budgetEvent);
      switch (budgetEvent.type) {
        case 'BudgetCommitted':
          item(budgetEvent.data.category, budgetEvent.data.contractId).committed += budgetEvent.data.amount;
          break;
        case 'PaymentRecorded':
          item(budgetEvent.data.category, budgetEvent.data.contractId ?? OTHER).actual +=
            budgetEvent.data.amount;
          break;
        case 'BudgetOverrunApproved':
          approvals.set(budgetEvent.data.category, [
            ...(approvals.get(budgetEvent.data.category) ?? []),
            approvalOf(budgetEvent.data, event.recordedAt, context),
          ]);
          break;
      }
    }
    if (event === closing) break;
  }

  const categories = budgetLines(state)
    .sort((a, b) => VENDOR_CATEGORIES.indexOf(a.category) - VENDOR_CATEGORIES.indexOf(b.category))
    .map((line): BudgetReportCategory => {
      const approved = approvals.get(line.category) ?? [];
      return {
        category: line.category,
        ...figures(line.estimate, line.committed, line.actual),
        status: line.status,
        items: itemsOf(items.get(line.category), context),
        // The state keeps only the latest approval, and only while it still covers the overrun.
        approvals: approved.map((approval, i) => ({
          ...approval,
          inForce: i === approved.length - 1 && line.status === 'over_approved',
        })),
      };
    });
  const sum = (key: 'estimate' | 'committed' | 'actual') =>
    categories.reduce((total, category) => total + category[key], 0);
  const last = closing ?? events.at(-1);
  return {
    productionId: context.productionId,
    productionName: context.productionName,
    currency: context.currency,
    timeZone: context.timeZone,
    asOf: closing
      ? { kind: 'closed', at: closing.recordedAt, position: closing.position }
      : { kind: 'now', at: context.now, position: last?.position ?? null },
    categories,
    totals: figures(sum('estimate'), sum('committed'), sum('actual')),
  };
}

function approvalOf(
  data: BudgetEvents.BudgetOverrunApproved,
  at: string,
  context: BudgetReportContext,
): BudgetReportApproval {
  const { approvedBy, reason, estimate, committed, actual } = data;
  return {
    approvedBy: { id: approvedBy, name: context.people.get(approvedBy) ?? approvedBy },
    at,
    reason,
    estimate,
    committed,
    actual,
    inForce: false,
  };
}

/** Contracts by title (then id), payments without a contract last. */
function itemsOf(
  lines: ReadonlyMap<string, { committed: number; actual: number }> | undefined,
  context: BudgetReportContext,
): BudgetReportItem[] {
  const contracts: BudgetReportItem[] = [];
  let other: BudgetReportItem | undefined;
  for (const [key, { committed, actual }] of lines ?? []) {
    if (key === OTHER) {
      other = { kind: 'other_payments', title: '', committed, actual };
      continue;
    }
    const known = context.contracts.get(key);
    contracts.push({
      kind: 'contract',
      contractId: key,
      title: known?.title ?? key,
      ...(known ? { vendor: known.vendor } : {}),
      committed,
      actual,
    });
  }
  contracts.sort(
    (a, b) => a.title.localeCompare(b.title) || (a.contractId ?? '').localeCompare(b.contractId ?? ''),
  );
  return other ? [...contracts, other] : contracts;
}
