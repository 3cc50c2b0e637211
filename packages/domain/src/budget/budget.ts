import type { BudgetCheckResult, BudgetEvents, BudgetLine, VendorCategory } from '@panggung/contracts';
import { IllegalStateError, ValidationError } from '../core/errors.ts';
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
    >;

export type BudgetEvent =
  | DomainEvent<'BudgetEstimateSet', BudgetEvents.BudgetEstimateSet>
  | DomainEvent<'BudgetCommitted', BudgetEvents.BudgetCommitted>
  | DomainEvent<'PaymentRecorded', BudgetEvents.PaymentRecorded>;

export const BUDGET_EVENT_TYPES: ReadonlySet<string> = new Set<BudgetEvent['type']>([
  'BudgetEstimateSet',
  'BudgetCommitted',
  'PaymentRecorded',
]);

interface LineFigures {
  readonly estimate: number;
  readonly committed: number;
  readonly actual: number;
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
        };
  const line = open.lines[event.data.category] ?? EMPTY;
  const withLine = (figures: LineFigures) => ({
    ...open,
    lines: { ...open.lines, [event.data.category]: figures },
  });
  switch (event.type) {
    case 'BudgetEstimateSet':
      return withLine({ ...line, estimate: event.data.estimate });
    case 'BudgetCommitted':
      return {
        ...withLine({ ...line, committed: line.committed + event.data.amount }),
        committedContracts: [...open.committedContracts, event.data.contractId],
      };
    case 'PaymentRecorded':
      return {
        ...withLine({ ...line, actual: line.actual + event.data.amount }),
        payments: [...open.payments, event.data.paymentId],
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
      return [{ type: 'BudgetEstimateSet', data: { productionId, category, estimate, previous } }];
    }
    case 'CommitContract': {
      amountOk(command.data.amount, 'amount');
      if (state.status === 'open' && state.committedContracts.includes(command.data.contractId))
        throw new IllegalStateError('This contract is already committed to the budget', 'contractId');
      return [{ type: 'BudgetCommitted', data: { ...command.data } }];
    }
    case 'RecordPayment': {
      amountOk(command.data.amount, 'amount');
      if (command.data.amount === 0) throw new ValidationError('A payment is more than Rp 0', 'amount');
      if (state.status === 'open' && state.payments.includes(command.data.paymentId))
        throw new IllegalStateError('This payment is already recorded', 'paymentId');
      return [{ type: 'PaymentRecorded', data: { ...command.data } }];
    }
    default:
      return assertNever(command);
  }
}

/** One category's line: variance is `estimate − committed` (negative: over budget). */
export function budgetLine(state: BudgetState, category: VendorCategory): BudgetLine {
  const figures = (state.status === 'open' ? state.lines[category] : undefined) ?? EMPTY;
  return { category, ...figures, variance: figures.estimate - figures.committed };
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
