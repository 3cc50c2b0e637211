import { Type, type Static } from 'typebox';
import { Department, Role } from '../access/roles.ts';
import { Instant, Locale, Name, Uuid } from '../common/common.ts';

export const SignInBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

export const Membership = Type.Object({
  productionId: Uuid,
  role: Role,
  department: Type.Optional(Department),
  partyId: Type.Optional(Uuid),
});
export type Membership = Static<typeof Membership>;

export const Me = Type.Object({
  personId: Uuid,
  organisationId: Uuid,
  name: Name,
  email: Type.String(),
  locale: Locale,
  /** Organisation-wide roles (organisation admin). */
  organisationRoles: Type.Array(Role),
  memberships: Type.Array(Membership),
});
export type Me = Static<typeof Me>;

export const SessionResponse = Type.Object({
  /** Bearer token for the API and the live stream; also set as an HttpOnly cookie. */
  token: Type.String(),
  expiresAt: Instant,
  me: Me,
});
export type SessionResponse = Static<typeof SessionResponse>;
