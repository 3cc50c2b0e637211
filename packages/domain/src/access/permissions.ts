import type { Role } from '@panggung/contracts';
import { ForbiddenError, NotFoundError } from '../core/errors.ts';
import { rolesIn, type ProductionRef, type Viewer } from './viewer.ts';

/** Everything a person can ask to do, named by capability. */
export type Action =
  | 'production.view'
  | 'production.update'
  | 'members.view'
  | 'members.manage'
  | 'events.view'
  | 'rfqs.view'
  | 'rfqs.manage'
  | 'contracts.view'
  | 'contracts.manage'
  | 'budget.view'
  | 'budget.manage'
  | 'comments.view'
  | 'comments.post'
  | 'timeline.view'
  | 'timeline.manage'
  | 'logistics.view'
  | 'logistics.manage'
  | 'technical.view'
  | 'technical.manage'
  | 'phases.view'
  | 'phases.manage'
  | 'crew.view'
  | 'crew.manage'
  | 'show.view'
  | 'show.control'
  | 'show.edit'
  | 'incidents.view'
  | 'checkin.view'
  | 'audit.verify'
  | 'audit.view';

/** Roles that see and change budget figures. */
const BUDGET_ROLES: readonly Role[] = ['org_admin', 'production_manager', 'finance_approver'];
const MANAGING: readonly Role[] = ['org_admin', 'production_manager'];
const INTERNAL: readonly Role[] = [
  'org_admin',
  'production_manager',
  'finance_approver',
  'crew',
  'show_caller',
];

/** Who may do what in a production. Viewing needs any role; the rest names the roles. */
const ALLOWED: Record<Action, readonly Role[] | 'any-member'> = {
  'production.view': 'any-member',
  'events.view': 'any-member',
  'production.update': ['org_admin', 'production_manager'],
  'members.view': ['org_admin', 'production_manager', 'finance_approver', 'crew', 'show_caller'],
  'members.manage': MANAGING,
  // A vendor reaches only the RFQs it is invited to and its own contracts; a client only the contracts
  // that reached its step (the routes filter by `canSeeEvent` on top of these).
  'rfqs.view': [...INTERNAL, 'vendor'],
  'rfqs.manage': MANAGING,
  'contracts.view': 'any-member',
  'contracts.manage': MANAGING,
  'budget.view': BUDGET_ROLES,
  'budget.manage': BUDGET_ROLES,
  // Any member reaches the comment routes; which threads they may read and write is `canSeeThread`.
  'comments.view': 'any-member',
  'comments.post': 'any-member',
  'timeline.view': INTERNAL,
  'timeline.manage': MANAGING,
  'logistics.view': INTERNAL,
  'logistics.manage': MANAGING,
  // Riders, checklists and rehearsal issues are internal; finer rules (department crew, head) are the domain's.
  'technical.view': INTERNAL,
  'technical.manage': MANAGING,
  // The gates name budget and contract figures: internal roles only. Advancing or forcing: managers.
  'phases.view': INTERNAL,
  'phases.manage': MANAGING,
  'crew.view': INTERNAL,
  'crew.manage': MANAGING,
  // The client follows the show (progress, cue titles; never notes: `show/visibility.ts`); vendors do not.
  'show.view': [...INTERNAL, 'client'],
  'show.control': ['show_caller', 'production_manager', 'org_admin'],
  'show.edit': MANAGING,
  // Show-day incidents and check-in: the production team; finer rules (assignee, self) are the domain's.
  'incidents.view': INTERNAL,
  'checkin.view': INTERNAL,
  // A production's full history (every figure, every note) and its verification: managers only.
  'audit.verify': MANAGING,
  // Time travel shows every contract, its approvals and the budget figures: budget roles only.
  'audit.view': BUDGET_ROLES,
};

export function can(viewer: Viewer, action: Action, production: ProductionRef): boolean {
  return rolesAllow(rolesIn(viewer, production), action);
}

/**
 * Whether roles held in a production allow `action`: the one rule the API enforces, for code that has
 * the roles already (visibility rules, the dashboard's menu).
 */
export function rolesAllow(roles: readonly Role[], action: Action): boolean {
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

/** Organisation-wide actions: creating productions, registering people, the vendor directory. */
export type OrganisationAction =
  'production.create' | 'people.manage' | 'vendors.view' | 'vendors.manage' | 'audit.verify-all';

const ORGANISATION_ALLOWED: Record<OrganisationAction, readonly Role[]> = {
  'production.create': MANAGING,
  'people.manage': ['org_admin'],
  // A vendor person sees only its own company's entry (the routes filter by `partyId`).
  'vendors.view': [...INTERNAL, 'vendor'],
  'vendors.manage': MANAGING,
  // Every stream of the database: the organisation's administrators.
  'audit.verify-all': ['org_admin'],
};

/** Throws ForbiddenError unless a role the viewer holds anywhere in the organisation allows `action`. */
export function authorizeInOrganisation(viewer: Viewer, action: OrganisationAction): void {
  const allowed = ORGANISATION_ALLOWED[action];
  const held = new Set<Role>([...viewer.organisationRoles, ...viewer.memberships.map((m) => m.role)]);
  if (![...held].some((role) => allowed.includes(role)))
    throw new ForbiddenError(`Only ${allowed.join(' or ')} may do ${action.replace('.', ': ')}`);
}
