import { Type, type Static } from 'typebox';
import { Role } from '../access/roles.ts';
import { Locale, Name, Uuid } from '../common/common.ts';

/** Event payloads of the `organisation-<id>` stream. */
export const OrganisationCreated = Type.Object({
  organisationId: Uuid,
  name: Name,
});
export type OrganisationCreated = Static<typeof OrganisationCreated>;

export const PersonRegistered = Type.Object({
  organisationId: Uuid,
  personId: Uuid,
  name: Name,
  email: Type.String({ format: 'email', maxLength: 254 }),
  locale: Locale,
  /** Organisation-wide roles, e.g. organisation admin. */
  organisationRoles: Type.Array(Role),
  /** For vendor and client people: the company they belong to. */
  partyId: Type.Optional(Uuid),
});
export type PersonRegistered = Static<typeof PersonRegistered>;
