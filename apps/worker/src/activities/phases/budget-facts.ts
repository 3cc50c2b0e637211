import type { BudgetState, GateFacts } from '@panggung/domain';

/**
 * Budget categories over their estimate without approval. For now: none. The lead wires it to the budget
 * engineer's `budgetReadiness(state).overWithoutApproval` at merge.
 */
export function budgetFacts(_budget: BudgetState): GateFacts['budget'] {
  return { overWithoutApproval: [] };
}
