import type { ShiftAtPlace } from '@panggung/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema/tables.ts';

/**
 * The crew shifts of a production, from the crew capability's `crew_shifts` read model, for the
 * logistics conflicts. Written in plain SQL against the agreed columns so it does not depend on the crew
 * engineer's table types; while that table does not exist (before the crew capability is merged) it
 * answers no shifts, so the page still loads and only the crew checks are quiet.
 */
export async function shiftsOfProduction(
  db: Kysely<Database>,
  productionId: string,
): Promise<ShiftAtPlace[]> {
  const { rows: present } = await sql<{ present: boolean }>`
    select to_regclass('crew_shifts') is not null as present
  `.execute(db);
  if (!present[0]?.present) return [];
  const { rows } = await sql<{
    shift_id: string;
    person_id: string;
    starts_at: Date;
    ends_at: Date;
    location: string;
  }>`
    select shift_id, person_id, starts_at, ends_at, location
    from crew_shifts where production_id = ${productionId}
    order by starts_at
  `.execute(db);
  return rows.map((r) => ({
    shiftId: r.shift_id,
    personId: r.person_id,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    location: r.location,
  }));
}
