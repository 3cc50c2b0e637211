import type { BudgetEvents } from '@panggung/contracts';
import type { Projection } from '@panggung/event-store';
import { sql } from 'kysely';
import type { Database } from '../schema/tables.ts';

/** Budget lines per production and category: estimate, committed (signed contracts), actual (payments). */
export const budgetProjection: Projection<Database> = {
  name: 'budget',
  async apply(trx, events) {
    for (const event of events) {
      if (!event.streamId.startsWith('budget-')) continue;
      const { productionId, category } = event.data as unknown as BudgetEvents.BudgetEstimateSet;
      const line = trx
        .insertInto('budget_lines')
        .values({ production_id: productionId, category })
        .onConflict((oc) => oc.columns(['production_id', 'category']).doNothing());
      await line.execute();
      const where = trx
        .updateTable('budget_lines')
        .where('production_id', '=', productionId)
        .where('category', '=', category);
      switch (event.type) {
        case 'BudgetEstimateSet': {
          const { estimate } = event.data as unknown as BudgetEvents.BudgetEstimateSet;
          await where.set({ estimate }).execute();
          break;
        }
        case 'BudgetCommitted': {
          const { amount } = event.data as unknown as BudgetEvents.BudgetCommitted;
          await where.set({ committed: sql`committed + ${amount}` }).execute();
          break;
        }
        case 'PaymentRecorded': {
          const { amount } = event.data as unknown as BudgetEvents.PaymentRecorded;
          await where.set({ actual: sql`actual + ${amount}` }).execute();
          break;
        }
      }
    }
  },
  async reset(trx) {
    await trx.deleteFrom('budget_lines').execute();
  },
};
