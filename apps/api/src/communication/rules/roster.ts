import type { Role } from '@panggung/contracts';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../schema/tables.ts';

/**
 * Who holds which roles in a production now: its members, and the organisation's admins (who hold
 * `org_admin` in every production of their organisation). Somebody absent is told nothing about it.
 */
export type Roster = ReadonlyMap<string, readonly Role[]>;

/** The people of a roster holding any of these roles, in a stable order. */
export function holding(roster: Roster, ...roles: readonly Role[]): string[] {
  return [...roster]
    .filter(([, held]) => held.some((role) => roles.includes(role)))
    .map(([personId]) => personId)
    .sort();
}

/** Somebody to tell, and what about. */
export interface Notice<Kind extends string> {
  readonly personId: string;
  readonly kind: Kind;
}

/**
 * The notices a rule may send: each person once (the first notice wins), only people on the roster, and
 * never the person whose action it was.
 */
export function deliverable<N extends Notice<string>>(
  notices: readonly N[],
  roster: Roster,
  actorId: string | undefined,
): N[] {
  const seen = new Set<string>();
  return notices.filter((notice) => {
    if (notice.personId === actorId || !roster.has(notice.personId) || seen.has(notice.personId))
      return false;
    seen.add(notice.personId);
    return true;
  });
}

/** The production's roster as the read models hold it now. */
export async function productionRoster(trx: Transaction<Database>, productionId: string): Promise<Roster> {
  // One after the other: a transaction has one connection.
  const members = await trx
    .selectFrom('production_members')
    .select(['person_id', 'role'])
    .where('production_id', '=', productionId)
    .execute();
  const admins = await trx
    .selectFrom('people')
    .innerJoin('productions', 'productions.organisation_id', 'people.organisation_id')
    .select('people.id')
    .where('productions.id', '=', productionId)
    .where(sql<boolean>`'org_admin' = any(people.organisation_roles)`)
    .execute();
  const roster = new Map<string, Role[]>();
  const add = (personId: string, role: Role) => {
    const held = roster.get(personId) ?? [];
    if (!held.includes(role)) held.push(role);
    roster.set(personId, held);
  };
  for (const row of members) add(row.person_id, row.role as Role);
  for (const row of admins) add(row.id, 'org_admin');
  return roster;
}

/** People's names in the order given (an unknown id stays as it is), for a notification's text. */
export async function peopleNames(
  trx: Transaction<Database>,
  personIds: readonly string[],
): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await trx
    .selectFrom('people')
    .select(['id', 'name'])
    .where('id', 'in', [...personIds])
    .execute();
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return personIds.map((id) => names.get(id) ?? id);
}
