import type { CrewEvents } from '@panggung/contracts';
import type { Projection, StoredEvent } from '@panggung/event-store';
import { sql, type Insertable, type Transaction } from 'kysely';
import type { CrewShiftsTable, CrewUnavailabilityTable, Database } from '../schema/tables.ts';

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

/** Rows per multi-row statement: well under PostgreSQL's 65,535 parameters. */
const CHUNK = 2_000;

type ShiftValues = Omit<Insertable<CrewShiftsTable>, 'shift_id' | 'sequence' | 'updated_at'>;

/**
 * What a batch did to one shift: removed (before the upserts that follow, if any), and the upserts
 * since, each raising the iCalendar sequence of a row that exists, with the last one's values.
 */
interface ShiftChange {
  removed: boolean;
  values: ShiftValues | undefined;
  upserts: number;
}

/** What a batch did to one unavailable period: removed first, then the first marking since (if any). */
interface PeriodChange {
  removed: boolean;
  values: Insertable<CrewUnavailabilityTable> | undefined;
}

async function writeShifts(trx: Transaction<Database>, shifts: ReadonlyMap<string, ShiftChange>) {
  const removed = [...shifts].filter(([, change]) => change.removed).map(([shiftId]) => shiftId);
  for (let at = 0; at < removed.length; at += CHUNK)
    await trx
      .deleteFrom('crew_shifts')
      .where('shift_id', 'in', removed.slice(at, at + CHUNK))
      .execute();
  const upserted = [...shifts].filter(([, change]) => change.values !== undefined);
  for (let at = 0; at < upserted.length; at += CHUNK)
    await trx
      .insertInto('crew_shifts')
      .values(
        upserted.slice(at, at + CHUNK).map(([shiftId, { values, upserts }]) => ({
          shift_id: shiftId,
          ...values!,
          // A new row starts at 0 and every upsert after its insert raises it.
          sequence: upserts - 1,
          updated_at: sql<string>`now()` as unknown as string,
        })),
      )
      .onConflict((oc) =>
        oc.column('shift_id').doUpdateSet((eb) => ({
          organisation_id: eb.ref('excluded.organisation_id'),
          production_id: eb.ref('excluded.production_id'),
          person_id: eb.ref('excluded.person_id'),
          starts_at: eb.ref('excluded.starts_at'),
          ends_at: eb.ref('excluded.ends_at'),
          call_at: eb.ref('excluded.call_at'),
          location: eb.ref('excluded.location'),
          department: eb.ref('excluded.department'),
          role: eb.ref('excluded.role'),
          key: eb.ref('excluded.key'),
          updated_at: eb.ref('excluded.updated_at'),
          // Every upsert of the batch raised an existing row's sequence by one.
          sequence: sql`crew_shifts.sequence + excluded.sequence + 1`,
        })),
      )
      .execute();
}

async function writePeriods(trx: Transaction<Database>, periods: ReadonlyMap<string, PeriodChange>) {
  const removed = [...periods].filter(([, change]) => change.removed).map(([periodId]) => periodId);
  for (let at = 0; at < removed.length; at += CHUNK)
    await trx
      .deleteFrom('crew_unavailability')
      .where('period_id', 'in', removed.slice(at, at + CHUNK))
      .execute();
  const marked = [...periods.values()].flatMap((change) => (change.values ? [change.values] : []));
  for (let at = 0; at < marked.length; at += CHUNK)
    await trx
      .insertInto('crew_unavailability')
      .values(marked.slice(at, at + CHUNK))
      .onConflict((oc) => oc.column('period_id').doNothing())
      .execute();
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
    // The batch folded per shift and per period, then written with a few multi-row statements.
    const shifts = new Map<string, ShiftChange>();
    const periods = new Map<string, PeriodChange>();
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
          };
          const change = shifts.get(shift.shiftId);
          if (change) {
            change.values = values;
            change.upserts++;
          } else shifts.set(shift.shiftId, { removed: false, values, upserts: 1 });
          break;
        }
        case 'ShiftRemoved': {
          const { shiftId } = event.data as unknown as CrewEvents.ShiftRemoved;
          shifts.set(shiftId, { removed: true, values: undefined, upserts: 0 });
          break;
        }
        case 'UnavailabilityMarked': {
          const period = event.data as unknown as CrewEvents.UnavailabilityMarked;
          const change = periods.get(period.periodId);
          if (change?.values) break;
          const values = {
            period_id: period.periodId,
            organisation_id: await organisation(period.productionId),
            production_id: period.productionId,
            person_id: period.personId,
            starts_at: period.startsAt,
            ends_at: period.endsAt,
            reason: period.reason ?? null,
          };
          periods.set(period.periodId, { removed: change?.removed ?? false, values });
          break;
        }
        case 'UnavailabilityCleared': {
          const { periodId } = event.data as unknown as CrewEvents.UnavailabilityCleared;
          periods.set(periodId, { removed: true, values: undefined });
          break;
        }
      }
    }
    await writeShifts(trx, shifts);
    await writePeriods(trx, periods);
  },
  async reset(trx) {
    await trx.deleteFrom('crew_shifts').execute();
    await trx.deleteFrom('crew_unavailability').execute();
  },
};
