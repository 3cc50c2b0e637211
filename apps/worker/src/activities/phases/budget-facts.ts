import { budgetReadiness, type BudgetState, type GateFacts } from '@panggung/domain';

/** Budget categories over their estimate without an approved overrun (the budget's own rule). */
export function budgetFacts(budget: BudgetState): GateFacts['budget'] {
  return budgetReadiness(budget);
}
