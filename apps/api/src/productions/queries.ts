import type { Member, Production, ProductionKind, ProductionStatus, Role, Venue } from '@panggung/contracts';
import { rolesIn, type Viewer } from '@panggung/domain';
import type { Kysely, Selectable } from 'kysely';
import { ApiError } from '../errors/api-error.ts';
import type { Database, ProductionsTable } from '../schema/tables.ts';

export function toProduction(row: Selectable<ProductionsTable>, viewer: Viewer): Production {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    kind: row.kind as ProductionKind,
    venue: row.venue as Venue,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    timeZone: row.time_zone,
    currency: row.currency,
    ...(row.client_name ? { clientName: row.client_name } : {}),
    status: row.status as ProductionStatus,
    version: Number(row.version),
    myRoles: rolesIn(viewer, { id: row.id, organisationId: row.organisation_id }),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function findProduction(
  db: Kysely<Database>,
  id: string,
): Promise<Selectable<ProductionsTable> | undefined> {
  return db.selectFrom('productions').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The productions a person may see, soonest-starting last (newest first), a page at a time. The cursor
 * is opaque to clients: base64url of the last row's start and id.
 */
export async function listProductions(
  db: Kysely<Database>,
  viewer: Viewer,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: Production[]; nextCursor?: string }> {
  const memberOf = viewer.memberships.map((m) => m.productionId);
  const isAdmin = viewer.organisationRoles.includes('org_admin');
  let query = db
    .selectFrom('productions')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(memberOf.length ? [eb('id', 'in', memberOf)] : []),
        ...(isAdmin ? [eb('organisation_id', '=', viewer.organisationId)] : []),
        eb.val(false),
      ]),
    );
  if (cursor) {
    const [startsAt, id] = decodeCursor(cursor);
    query = query.where((eb) =>
      eb.or([
        eb('starts_at', '<', new Date(startsAt)),
        eb.and([eb('starts_at', '=', new Date(startsAt)), eb('id', '<', id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toProduction(row, viewer)),
    ...(rows.length > limit && last
      ? { nextCursor: encodeCursor(last.starts_at.toISOString(), last.id) }
      : {}),
  };
}

export async function listMembers(db: Kysely<Database>, productionId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('production_members')
    .innerJoin('people', 'people.id', 'production_members.person_id')
    .select(['person_id', 'people.name', 'role', 'department', 'production_members.party_id'])
    .where('production_id', '=', productionId)
    .orderBy('role')
    .orderBy('people.name')
    .execute();
  return rows.map((row) => ({
    personId: row.person_id,
    name: row.name,
    role: row.role as Role,
    ...(row.department ? { department: row.department as Member['department'] } : {}),
    ...(row.party_id ? { partyId: row.party_id } : {}),
  }));
}

function encodeCursor(startsAt: string, id: string): string {
  return Buffer.from(`${startsAt}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  const [startsAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!startsAt || !id || Number.isNaN(Date.parse(startsAt)) || !/^[0-9a-f-]{36}$/.test(id))
    throw new ApiError(
      400,
      'VALIDATION',
      'querystring.cursor: is not a cursor this API gave out',
      'querystring.cursor',
    );
  return [startsAt, id];
}
