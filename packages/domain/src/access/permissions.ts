import type { Role } from '@panggung/contracts';
import { ForbiddenError, NotFoundError } from '../core/errors.ts';
import { rolesIn, type ProductionRef, type Viewer } from './viewer.ts';

/** Everything a person can ask to do, named by capability. */
export type Action =
  'production.view' | 'production.update' | 'members.view' | 'members.manage' | 'events.view';

/** Who may do what in a production. Viewing needs any role; the rest names the roles. */
const ALLOWED: Record<Action, readonly Role[] | 'any-member'> = {
  'production.view': 'any-member',
  'events.view': 'any-member',
  'production.update': ['org_admin', 'production_manager'],
  'members.view': ['org_admin', 'production_manager', 'finance_approver', 'crew', 'show_caller'],
  'members.manage': ['org_admin', 'production_manager'],
};

export function can(viewer: Viewer, action: Action, production: ProductionRef): boolean {
  const roles = rolesIn(viewer, production);
  const allowed = ALLOWED[action];
  return allowed === 'any-member' ? roles.length > 0 : roles.some((role) => allowed.includes(role));
}

/**
 * Throws unless the viewer may do `action`. A person who is not in the production at all gets
 * NotFoundError rather than ForbiddenError: they may not even learn that it exists.
 */
export function authorize(viewer: Viewer, action: Action, production: ProductionRef): void {
  if (rolesIn(viewer, production).length === 0)
    throw new NotFoundError(`Production ${production.id} was not found`);
  if (!can(viewer, action, production))
    throw new ForbiddenError(`Your roles in this production do not allow ${action.replace('.', ': ')}`);
}

/** Organisation-wide actions (creating productions, registering people). */
export function authorizeInOrganisation(viewer: Viewer, action: 'production.create' | 'people.manage'): void {
  const allowed: readonly Role[] =
    action === 'production.create' ? ['org_admin', 'production_manager'] : ['org_admin'];
  const held = new Set<Role>([...viewer.organisationRoles, ...viewer.memberships.map((m) => m.role)]);
  if (![...held].some((role) => allowed.includes(role)))
    throw new ForbiddenError(`Only ${allowed.join(' or ')} may do ${action.replace('.', ': ')}`);
}
