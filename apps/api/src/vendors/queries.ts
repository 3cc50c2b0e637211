import type { Vendor, VendorCategory, VendorContact } from '@panggung/contracts';
import { INTERNAL_ROLES } from '@panggung/domain';
import type { Kysely, Selectable } from 'kysely';
import type { SignedIn } from '../auth/viewer.ts';
import { ApiError } from '../errors/api-error.ts';
import type { Database, VendorsTable } from '../schema/tables.ts';

export function toVendor(row: Selectable<VendorsTable>): Vendor {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    category: row.category as VendorCategory,
    contacts: row.contacts as VendorContact[],
    ...(row.npwp ? { npwp: row.npwp } : {}),
    ...(row.address ? { address: row.address } : {}),
    version: Number(row.version),
  };
}

/**
 * Which entries of the directory the viewer sees: an internal person (admin, or an internal role in any
 * production) every vendor of the organisation; a vendor person only its own company.
 */
export function directoryScope(viewer: SignedIn): { organisationId: string; onlyVendorId?: string } {
  const held = [...viewer.organisationRoles, ...viewer.memberships.map((m) => m.role)];
  if (held.some((role) => INTERNAL_ROLES.includes(role))) return { organisationId: viewer.organisationId };
  return {
    organisationId: viewer.organisationId,
    onlyVendorId: viewer.partyId ?? '00000000-0000-0000-0000-000000000000',
  };
}

export async function findVendor(
  db: Kysely<Database>,
  viewer: SignedIn,
  id: string,
): Promise<Selectable<VendorsTable> | undefined> {
  const scope = directoryScope(viewer);
  if (scope.onlyVendorId && scope.onlyVendorId !== id) return undefined;
  return db
    .selectFrom('vendors')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst();
}

/** The directory by name, a page at a time; the cursor is opaque (base64url of the last name and id). */
export async function listVendors(
  db: Kysely<Database>,
  viewer: SignedIn,
  options: { category?: VendorCategory | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: Vendor[]; nextCursor?: string }> {
  const scope = directoryScope(viewer);
  let query = db.selectFrom('vendors').selectAll().where('organisation_id', '=', scope.organisationId);
  if (scope.onlyVendorId) query = query.where('id', '=', scope.onlyVendorId);
  if (options.category) query = query.where('category', '=', options.category);
  if (options.cursor) {
    const [name, id] = decodeCursor(options.cursor);
    query = query.where((eb) =>
      eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]),
    );
  }
  const rows = await query
    .orderBy('name')
    .orderBy('id')
    .limit(options.limit + 1)
    .execute();
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map(toVendor),
    ...(rows.length > options.limit && last
      ? { nextCursor: Buffer.from(JSON.stringify([last.name, last.id])).toString('base64url') }
      : {}),
  };
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      /^[0-9a-f-]{36}$/.test(parsed[1])
    )
      return [parsed[0], parsed[1]];
  } catch {
    // falls through to the refusal
  }
  throw new ApiError(
    400,
    'VALIDATION',
    'querystring.cursor: is not a cursor this API gave out',
    'querystring.cursor',
  );
}
