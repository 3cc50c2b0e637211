import type { CrewEvents } from '@panggung/contracts';
import type { Projection, StoredEvent } from '@panggung/event-store';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema/tables.ts';

/**
 * The production's organisation from the productions read model. That projection runs on its own, so on
 * a rebuild it may not have caught up: failing the batch makes the projector retry it later rather than
 * leave a shift out of the organisation's conflict checks.
 */
async function organisationOf(trx: Transaction<Database>, productionId: string): Promise<string> {
  const row = await trx
    .selectFrom('productions')
    .select('organisation_id')
    .where('id', '=', productionId)
    .executeTakeFirst();
  if (!row) throw new Error(`crew projection: production ${productionId} is not projected yet; retrying`);
  return row.organisation_id;
}

const handles = (event: StoredEvent): boolean => event.streamId.startsWith('crew-');

/**
 * The organisation's shifts and unavailable periods across productions, for the conflict checks of new
 * shifts (and logistics') and the calendar feeds. A reschedule raises the shift's iCalendar sequence.
 */
export const crewProjection: Projection<Database> = {
  name: 'crew',
  dependsOn: ['productions'], // a production's organisation
  handles,
  async apply(trx, events) {
    // A production's organisation never changes: looked up once per batch, not once per shift.
    const organisations = new Map<string, string>();
    const organisation = async (productionId: string) => {
      let id = organisations.get(productionId);
      if (id === undefined) organisations.set(productionId, (id = await organisationOf(trx, productionId)));
      return id;
    };
    for (const event of events) {
      if (!handles(event)) continue;
      switch (event.type) {
        case 'ShiftAssigned':
        case 'ShiftRescheduled': {
          const { shift } = event.data as unknown as CrewEvents.ShiftAssigned;
          const values = {
            organisation_id: await organisation(shift.productionId),
            production_id: shift.productionId,
            person_id: shift.personId,
            starts_at: shift.startsAt,
            ends_at: shift.endsAt,
            call_at: shift.callAt,
            location: shift.location,
            department: shift.department,
            role: shift.role ?? null,
            key: shift.key,
            updated_at: sql<string>`now()` as unknown as string,
          };
          await trx
            .insertInto('crew_shifts')
            .values({ shift_id: shift.shiftId, ...values })
            .onConflict((oc) =>
              oc.column('shift_id').doUpdateSet({ ...values, sequence: sql`crew_shifts.sequence + 1` }),
            )
            .execute();
          break;
        }
        case 'ShiftRemoved': {
          const { shiftId } = event.data as unknown as CrewEvents.ShiftRemoved;
          await trx.deleteFrom('crew_shifts').where('shift_id', '=', shiftId).execute();
          break;
        }
        case 'UnavailabilityMarked': {
          const period = event.data as unknown as CrewEvents.UnavailabilityMarked;
          await trx
            .insertInto('crew_unavailability')
            .values({
              period_id: period.periodId,
              organisation_id: await organisation(period.productionId),
              production_id: period.productionId,
              person_id: period.personId,
              starts_at: period.startsAt,
              ends_at: period.endsAt,
              reason: period.reason ?? null,
            })
            .onConflict((oc) => oc.column('period_id').doNothing())
            .execute();
          break;
        }
        case 'UnavailabilityCleared': {
          const { periodId } = event.data as unknown as CrewEvents.UnavailabilityCleared;
          await trx.deleteFrom('crew_unavailability').where('period_id', '=', periodId).execute();
          break;
        }
      }
    }
  },
  async reset(trx) {
    await trx.deleteFrom('crew_shifts').execute();
    await trx.deleteFrom('crew_unavailability').execute();
  },
};
