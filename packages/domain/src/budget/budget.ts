import type {
  BudgetCheckResult,
  BudgetEvents,
  BudgetLine,
  BudgetLineStatus,
  BudgetOverrunApproval,
  Role,
  VendorCategory,
} from '@panggung/contracts';
import { ForbiddenError, IllegalStateError, ValidationError } from '../core/errors.ts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';

/** The stream of one production's budget: one line per category. */
export const budgetStream = (productionId: string): string => `budget-${productionId}`;

export type BudgetCommand =
  | Command<'SetBudgetEstimate', { productionId: string; category: VendorCategory; estimate: number }>
  | Command<
      'CommitContract',
      { productionId: string; category: VendorCategory; contractId: string; vendorId: string; amount: number }
    >
  | Command<
      'RecordPayment',
      {
        productionId: string;
        category: VendorCategory;
        paymentId: string;
        contractId?: string;
        amount: number;
        paidOn: string;
        reference?: string;
      }
    >
  | Command<
      'ApproveBudgetOverrun',
      { productionId: string; category: VendorCategory; reason: string; approver: BudgetApprover }
    >;

/** Who approves an overrun, as the API resolved them from the session and the production's members. */
export interface BudgetApprover {
  readonly personId: string;
  readonly roles: readonly Role[];
}

/** Roles that may accept an overrun: finance approvers and managers. */
export const OVERRUN_APPROVER_ROLES: readonly Role[] = [
  'finance_approver',
  'production_manager',
  'org_admin',
];

export type BudgetEvent =
  | DomainEvent<'BudgetEstimateSet', BudgetEvents.BudgetEstimateSet>
  | DomainEvent<'BudgetCommitted', BudgetEvents.BudgetCommitted>
  | DomainEvent<'PaymentRecorded', BudgetEvents.PaymentRecorded>
  | DomainEvent<'BudgetAlertRaised', BudgetEvents.BudgetAlertRaised>
  | DomainEvent<'BudgetOverrunApproved', BudgetEvents.BudgetOverrunApproved>;

export const BUDGET_EVENT_TYPES: ReadonlySet<string> = new Set<BudgetEvent['type']>([
  'BudgetEstimateSet',
  'BudgetCommitted',
  'PaymentRecorded',
  'BudgetAlertRaised',
  'BudgetOverrunApproved',
]);

interface LineFigures {
  readonly estimate: number;
  readonly committed: number;
  readonly actual: number;
  /** The accepted overrun; dropped when the line comes back within its estimate. */
  readonly approval?: BudgetOverrunApproval;
}

export type BudgetState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open';
      readonly productionId: string;
      readonly lines: Readonly<Partial<Record<VendorCategory, LineFigures>>>;
      /** Contracts already committed: a contract raises its line once. */
      readonly committedContracts: readonly string[];
      readonly payments: readonly string[];
      /** What was paid per contract, to tell which payment milestones are still open. */
      readonly paidByContract?: Readonly<Record<string, number>>;
    };

export const initialBudgetState: BudgetState = { status: 'none' };

const EMPTY: LineFigures = { estimate: 0, committed: 0, actual: 0 };

export function evolveBudget(state: BudgetState, event: BudgetEvent): BudgetState {
  const open =
    state.status === 'open'
      ? state
      : {
          status: 'open' as const,
          productionId: event.data.productionId,
          lines: {},
          committedContracts: [],
          payments: [],
          paidByContract: {},
        };
  const line = open.lines[event.data.category] ?? EMPTY;
  const withLine = (next: LineFigures) => {
    // Back within the estimate: an earlier approval no longer speaks for a later overrun.
    const { approval, ...figures } = next;
    const kept = approval && alertsOf(figures).length > 0 ? { ...figures, approval } : figures;
    return { ...open, lines: { ...open.lines, [event.data.category]: kept } };
  };
  switch (event.type) {
    case 'BudgetEstimateSet':
      return withLine({ ...line, estimate: event.data.estimate });
    case 'BudgetAlertRaised':
      return open;
    case 'BudgetOverrunApproved': {
      const { reason, approvedBy, estimate, committed, actual } = event.data;
      return withLine({ ...line, approval: { reason, approvedBy, estimate, committed, actual } });
    }
    case 'BudgetCommitted':
      return {
        ...withLine({ ...line, committed: line.committed + event.data.amount }),
        committedContracts: [...open.committedContracts, event.data.contractId],
      };
    case 'PaymentRecorded':
      return {
        ...withLine({ ...line, actual: line.actual + event.data.amount }),
        payments: [...open.payments, event.data.paymentId],
        paidByContract: event.data.contractId
          ? {
              ...open.paidByContract,
              [event.data.contractId]:
                (open.paidByContract?.[event.data.contractId] ?? 0) + event.data.amount,
            }
          : open.paidByContract,
      };
    default:
      return assertNever(event);
  }
}

/**
 * A budget has no creation event: the first estimate, commitment or payment opens it, and a category
 * without an estimate has a line with estimate 0 (so anything committed to it is an overrun).
 */
export function decideBudget(command: BudgetCommand, state: BudgetState): BudgetEvent[] {
  const amountOk = (value: number, field: string) => {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new ValidationError('Whole rupiah, not negative', field);
  };
  switch (command.type) {
    case 'SetBudgetEstimate': {
      const { productionId, category, estimate } = command.data;
      amountOk(estimate, 'estimate');
      const previous = budgetLine(state, category).estimate;
      if (previous === estimate) return [];
      return withAlerts(state, [
        { type: 'BudgetEstimateSet', data: { productionId, category, estimate, previous } },
      ]);
    }
    case 'CommitContract': {
      amountOk(command.data.amount, 'amount');
      if (state.status === 'open' && state.committedContracts.includes(command.data.contractId))
        throw new IllegalStateError('This contract is already committed to the budget', 'contractId');
      return withAlerts(state, [{ type: 'BudgetCommitted', data: { ...command.data } }]);
    }
    case 'RecordPayment': {
      amountOk(command.data.amount, 'amount');
      if (command.data.amount === 0) throw new ValidationError('A payment is more than Rp 0', 'amount');
      if (state.status === 'open' && state.payments.includes(command.data.paymentId))
        throw new IllegalStateError('This payment is already recorded', 'paymentId');
      return withAlerts(state, [{ type: 'PaymentRecorded', data: { ...command.data } }]);
    }
    case 'ApproveBudgetOverrun': {
      const { productionId, category, approver } = command.data;
      if (!approver.roles.some((role) => OVERRUN_APPROVER_ROLES.includes(role)))
        throw new ForbiddenError('Only a finance approver or a production manager may approve an overrun');
      const reason = command.data.reason.trim();
      if (reason.length === 0) throw new ValidationError('Say why the overrun is accepted', 'reason');
      const line = budgetLine(state, category);
      if (line.status === 'within')
        throw new IllegalStateError(
          `${category} is within its estimate: there is no overrun to approve`,
          'category',
        );
      if (line.status === 'over_approved')
        throw new IllegalStateError(`The overrun of ${category} is already approved`, 'category');
      const { estimate, committed, actual } = line;
      return [
        {
          type: 'BudgetOverrunApproved',
          data: {
            productionId,
            category,
            reason,
            approvedBy: approver.personId,
            estimate,
            committed,
            actual,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

/** The figures over the estimate: committed, actual, or both. */
function alertsOf(figures: LineFigures): BudgetEvents.BudgetAlertKind[] {
  const kinds: BudgetEvents.BudgetAlertKind[] = [];
  if (figures.committed > figures.estimate) kinds.push('committed_over_estimate');
  if (figures.actual > figures.estimate) kinds.push('actual_over_estimate');
  return kinds;
}

/**
 * Adds a `BudgetAlertRaised` for each figure the events make cross the estimate (from within to over),
 * so the alert is part of the same decision. A figure already over raises nothing again.
 */
function withAlerts(state: BudgetState, events: BudgetEvent[]): BudgetEvent[] {
  const after = events.reduce(evolveBudget, state);
  const alerts: BudgetEvent[] = [];
  const touched = new Map(events.map((event) => [event.data.category, event.data.productionId]));
  for (const [category, productionId] of touched) {
    const before = alertsOf(lineFigures(state, category));
    const now = lineFigures(after, category);
    for (const kind of alertsOf(now))
      if (!before.includes(kind))
        alerts.push({
          type: 'BudgetAlertRaised',
          data: {
            productionId,
            category,
            kind,
            estimate: now.estimate,
            amount: kind === 'committed_over_estimate' ? now.committed : now.actual,
          },
        });
  }
  return [...events, ...alerts];
}

const lineFigures = (state: BudgetState, category: VendorCategory): LineFigures =>
  (state.status === 'open' ? state.lines[category] : undefined) ?? EMPTY;

/**
 * Over with approval while the overrun has not grown: each figure over the estimate stays within what was
 * approved, and the estimate is not below the approved one (a payment within the estimate changes nothing).
 */
function statusOf(figures: LineFigures): BudgetLineStatus {
  if (alertsOf(figures).length === 0) return 'within';
  const { approval } = figures;
  const covered =
    approval !== undefined &&
    figures.estimate >= approval.estimate &&
    (figures.committed <= figures.estimate || figures.committed <= approval.committed) &&
    (figures.actual <= figures.estimate || figures.actual <= approval.actual);
  return covered ? 'over_approved' : 'over';
}

/** One category's line: variance is `estimate − committed` (negative: over budget). */
export function budgetLine(state: BudgetState, category: VendorCategory): BudgetLine {
  const { approval, ...figures } = lineFigures(state, category);
  const status = statusOf({ ...figures, ...(approval ? { approval } : {}) });
  return {
    category,
    ...figures,
    variance: figures.estimate - figures.committed,
    status,
    alerts: alertsOf(figures),
    ...(approval && status === 'over_approved' ? { approval } : {}),
  };
}

/**
 * What the production phases' gates ask of the budget: the categories over their estimate without an
 * approved overrun.
 *
 * @example
 * budgetReadiness(state).overWithoutApproval // ['sound'] while sound is over and not approved
 */
export function budgetReadiness(state: BudgetState): { overWithoutApproval: VendorCategory[] } {
  return {
    overWithoutApproval: budgetLines(state)
      .filter((line) => line.status === 'over')
      .map((line) => line.category),
  };
}

/** Every line that has a figure, in the categories' order of first appearance. */
export function budgetLines(state: BudgetState): BudgetLine[] {
  if (state.status === 'none') return [];
  return (Object.keys(state.lines) as VendorCategory[]).map((category) => budgetLine(state, category));
}

/**
 * The approval chain's budget check: does committing `contractTotal` keep `category` within its
 * estimate? Within means `committed + contractTotal ≤ estimate`; exactly at the estimate passes.
 *
 * @example
 * checkBudget(state, 'sound', 85_000_000).withinBudget // false when only Rp 80.000.000 is left
 */
export function checkBudget(
  state: BudgetState,
  category: VendorCategory,
  contractTotal: number,
): BudgetCheckResult {
  const { estimate, committed } = budgetLine(state, category);
  const remainingAfter = estimate - committed - contractTotal;
  return { category, estimate, committed, contractTotal, remainingAfter, withinBudget: remainingAfter >= 0 };
}
