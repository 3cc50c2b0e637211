import type { Department, Membership, Role } from '@panggung/contracts';

/** A signed-in person, as access rules see them. */
export interface Viewer {
  readonly personId: string;
  readonly organisationId: string;
  /** Roles held in the whole organisation (organisation admin). */
  readonly organisationRoles: readonly Role[];
  readonly memberships: readonly Membership[];
  /** For vendor and client people: their company. */
  readonly partyId?: string | undefined;
}

/** What access rules need to know of a production. */
export interface ProductionRef {
  readonly id: string;
  readonly organisationId: string;
}

export const INTERNAL_ROLES: readonly Role[] = [
  'org_admin',
  'production_manager',
  'finance_approver',
  'crew',
  'show_caller',
];

/** The viewer's roles in this production: their memberships, plus organisation admin in their own organisation. */
export function rolesIn(viewer: Viewer, production: ProductionRef): Role[] {
  const roles = new Set<Role>();
  if (production.organisationId === viewer.organisationId && viewer.organisationRoles.includes('org_admin'))
    roles.add('org_admin');
  for (const membership of viewer.memberships)
    if (membership.productionId === production.id) roles.add(membership.role);
  return [...roles];
}

/** Departments the viewer works in for this production (crew members). */
export function departmentsIn(viewer: Viewer, productionId: string): Department[] {
  return viewer.memberships.flatMap((m) =>
    m.productionId === productionId && m.role === 'crew' && m.department ? [m.department] : [],
  );
}

export function isInternal(roles: readonly Role[]): boolean {
  return roles.some((role) => INTERNAL_ROLES.includes(role));
}
