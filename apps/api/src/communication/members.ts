import type { Role } from '@panggung/contracts';
import type { MentionableMember } from '@panggung/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema/tables.ts';

/**
 * Everyone who holds a role in a production, with all their roles: its members, plus the organisation's
 * admins (who hold `org_admin` in every production of their organisation).
 */
export async function productionPeople(
  db: Kysely<Database>,
  production: { readonly id: string; readonly organisation_id: string },
): Promise<MentionableMember[]> {
  const [members, admins] = await Promise.all([
    db
      .selectFrom('production_members')
      .innerJoin('people', 'people.id', 'production_members.person_id')
      .select(['people.id', 'people.name', 'people.party_id', 'production_members.role'])
      .where('production_members.production_id', '=', production.id)
      .execute(),
    db
      .selectFrom('people')
      .select(['id', 'name', 'party_id'])
      .where('organisation_id', '=', production.organisation_id)
      .where(sql<boolean>`'org_admin' = any(organisation_roles)`)
      .execute(),
  ]);
  const people = new Map<string, { personId: string; name: string; partyId?: string; roles: Role[] }>();
  const add = (row: { id: string; name: string; party_id: string | null }, role: Role) => {
    const person = people.get(row.id) ?? {
      personId: row.id,
      name: row.name,
      ...(row.party_id ? { partyId: row.party_id } : {}),
      roles: [],
    };
    if (!person.roles.includes(role)) person.roles.push(role);
    people.set(row.id, person);
  };
  for (const row of members) add(row, row.role as Role);
  for (const row of admins) add(row, 'org_admin');
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}
