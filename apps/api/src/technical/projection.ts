import {
  evolveTechnical,
  initialTechnicalState,
  TECHNICAL_EVENT_TYPES,
  type TechnicalEvent,
  type TechnicalState,
} from '@panggung/domain';
import type { Projection } from '@panggung/event-store';
import type { Database } from '../schema/tables.ts';

/**
 * Technical preparation per production: the domain's own fold of the `technical-<id>` stream, kept as
 * JSON, so the page shows exactly what the rules decide on (riders, checklists, sign-offs, issues).
 */
export const technicalProjection: Projection<Database> = {
  name: 'technical',
  async apply(trx, events) {
    for (const event of events) {
      if (!event.streamId.startsWith('technical-')) continue;
      const productionId = event.streamId.slice('technical-'.length);
      const row = await trx
        .selectFrom('technical_views')
        .select('state')
        .where('production_id', '=', productionId)
        .executeTakeFirst();
      const current = (row?.state as TechnicalState | undefined) ?? initialTechnicalState;
      const state = TECHNICAL_EVENT_TYPES.has(event.type)
        ? evolveTechnical(current, { type: event.type, data: event.data } as unknown as TechnicalEvent)
        : current;
      const values = {
        production_id: productionId,
        state: JSON.stringify(state),
        version: event.streamVersion.toString(),
      };
      await trx
        .insertInto('technical_views')
        .values(values)
        .onConflict((oc) =>
          oc.column('production_id').doUpdateSet({ state: values.state, version: values.version }),
        )
        .execute();
    }
  },
  async reset(trx) {
    await trx.deleteFrom('technical_views').execute();
  },
};
