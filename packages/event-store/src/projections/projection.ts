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
  /**
   * Names of the projections whose tables `apply` reads (say, a roster owned by another projection). Its
   * runner applies an event only once every one of them has applied it (its checkpoint is at or past the
   * event), so what it reads there is never older than the event; it waits for them otherwise. A name no
   * runner projects is a `ProjectionDependencyError` at start, as is a cycle.
   */
  readonly dependsOn?: readonly string[];
  /** Applies a batch of events in commit order. Throwing rolls the whole batch back. */
  apply(trx: Transaction<DB>, events: readonly StoredEvent[]): Promise<void>;
  /**
   * Whether `apply` does anything with this event, when the projection can say so cheaply (its streams or
   * event types). A rebuild that reads the log once for many projections hands each only the events it
   * handles and skips a projection with none in a batch; omitted, every event is handed over. `apply`
   * is still given every event by the live runner, so it keeps its own checks.
   */
  handles?(event: StoredEvent): boolean;
  /** Empties the projection's tables, for a rebuild from zero. */
  reset(trx: Transaction<DB>): Promise<void>;
}
