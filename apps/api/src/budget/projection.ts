import type { BudgetEvents } from '@panggung/contracts';
import type { Projection, StoredEvent } from '@panggung/event-store';
import { sql } from 'kysely';
import type { Database } from '../schema/tables.ts';

/** What a batch did to one budget line: the last estimate set, and the sums added to committed and actual. */
interface LineChange {
  readonly productionId: string;
  readonly category: string;
  estimate: number | undefined;
  committed: number;
  actual: number;
}

const handles = (event: StoredEvent): boolean => event.streamId.startsWith('budget-');

/**
 * Budget lines per production and category: estimate, committed (signed contracts), actual (payments).
 * A batch's events are folded per line first and written with one upsert per line touched (not two
 * queries per event): a rebuild over a long budget history is bound by round trips otherwise (see
 * apps/api/bench/RESULTS.md, audit benchmark).
 */
export const budgetProjection: Projection<Database> = {
  name: 'budget',
  handles,
  async apply(trx, events) {
    const changes = new Map<string, LineChange>();
    for (const event of events) {
      if (!handles(event)) continue;
      const { productionId, category } = event.data as unknown as BudgetEvents.BudgetEstimateSet;
      const key = `${productionId}\u0000${category}`;
      let change = changes.get(key);
      if (!change) {
        change = { productionId, category, estimate: undefined, committed: 0, actual: 0 };
        changes.set(key, change);
      }
      switch (event.type) {
        case 'BudgetEstimateSet':
          change.estimate = (event.data as unknown as BudgetEvents.BudgetEstimateSet).estimate;
          break;
        case 'BudgetCommitted':
          change.committed += (event.data as unknown as BudgetEvents.BudgetCommitted).amount;
          break;
        case 'PaymentRecorded':
          change.actual += (event.data as unknown as BudgetEvents.PaymentRecorded).amount;
          break;
      }
    }
    for (const { productionId, category, estimate, committed, actual } of changes.values())
      await trx
        .insertInto('budget_lines')
        .values({ production_id: productionId, category, estimate: estimate ?? 0, committed, actual })
        .onConflict((oc) =>
          oc.columns(['production_id', 'category']).doUpdateSet({
            estimate: estimate === undefined ? sql`budget_lines.estimate` : sql`${estimate}`,
            committed: sql`budget_lines.committed + ${committed}`,
            actual: sql`budget_lines.actual + ${actual}`,
          }),
        )
        .execute();
  },
  async reset(trx) {
    await trx.deleteFrom('budget_lines').execute();
  },
};
