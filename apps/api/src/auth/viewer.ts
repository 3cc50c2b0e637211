import type { Department, Locale, Me, Role } from '@panggung/contracts';
import type { Viewer } from '@panggung/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/tables.ts';

/** A signed-in person: what access rules need, plus what the interface shows. */
export interface SignedIn extends Viewer {
  readonly name: string;
  readonly email: string;
  readonly locale: Locale;
}

export async function findViewer(db: Kysely<Database>, personId: string): Promise<SignedIn | undefined> {
  const person = await db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!person) return undefined;
  const memberships = await db
    .selectFrom('production_members')
    .select(['production_id', 'role', 'department', 'party_id'])
    .where('person_id', '=', personId)
    .execute();
  return {
    personId: person.id,
    organisationId: person.organisation_id,
    organisationRoles: person.organisation_roles as Role[],
    partyId: person.party_id ?? undefined,
    name: person.name,
    email: person.email,
    locale: person.locale as Locale,
    memberships: memberships.map((m) => ({
      productionId: m.production_id,
      role: m.role as Role,
      ...(m.department ? { department: m.department as Department } : {}),
      ...(m.party_id ? { partyId: m.party_id } : {}),
    })),
  };
}

export function toMe(viewer: SignedIn): Me {
  return {
    personId: viewer.personId,
    organisationId: viewer.organisationId,
    name: viewer.name,
    email: viewer.email,
    locale: viewer.locale,
    organisationRoles: [...viewer.organisationRoles],
    memberships: [...viewer.memberships],
  };
}
