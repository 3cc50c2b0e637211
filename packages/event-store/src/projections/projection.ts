import type { Transaction } from 'kysely';
import type { StoredEvent } from '../types.ts';

/**
 * A read model: ordinary tables kept up to date from the events. `apply` runs inside the same
 * transaction that moves the projection's checkpoint, so a batch is applied exactly once or not at all.
 *
 * @example
 * const budgetLines: Projection<AppTables> = {
 *   name: 'budget-lines',
 *   async apply(trx, events) { for (const e of events) if (e.type === 'BudgetLineAdded') await trx.insertInto(...)... },
 *   async reset(trx) { await trx.deleteFrom('budget_lines').execute(); },
 * };
 */
export interface Projection<DB = unknown> {
  /** Unique name; also the key of its checkpoint and of its runner lock. */
  readonly name: string;
  /** Applies a batch of events in commit order. Throwing rolls the whole batch back. */
  apply(trx: Transaction<DB>, events: readonly StoredEvent[]): Promise<void>;
  /** Empties the projection's tables, for a rebuild from zero. */
  reset(trx: Transaction<DB>): Promise<void>;
}
