import type { Department, Membership, Role, TechnicalDepartment } from '@panggung/contracts';
import { rolesAllow } from '@panggung/domain/permissions';

const MANAGING: readonly Role[] = ['org_admin', 'production_manager'];

export const canSeeTechnical = (roles: readonly Role[]) => rolesAllow(roles, 'technical.view');
export const canManageTechnical = (roles: readonly Role[]) => roles.some((role) => MANAGING.includes(role));

/** The departments the person works in as crew of this production. */
export const crewDepartments = (memberships: readonly Membership[], productionId: string): Department[] =>
  memberships.flatMap((m) =>
    m.productionId === productionId && m.role === 'crew' && m.department ? [m.department] : [],
  );

/** What one person may do with one department's checklist, as the API's rules decide it. */
export function departmentActions(
  department: TechnicalDepartment,
  personId: string,
  roles: readonly Role[],
  myDepartments: readonly Department[],
): { canCheck: boolean; canAdd: boolean; canSignOff: boolean; signOffBlockedBy: number } {
  const crew = myDepartments.includes(department.department);
  const open = department.items.filter((item) => !item.checked).length;
  const isHead = crew && department.headId === personId;
  return {
    canCheck: crew,
    canAdd: crew || canManageTechnical(roles),
    canSignOff: isHead && !department.signedOff && department.items.length > 0 && open === 0,
    signOffBlockedBy: isHead && !department.signedOff ? open : 0,
  };
}

/** "3/5" progress of a checklist. */
export function progressOf(department: Pick<TechnicalDepartment, 'items'>): { done: number; total: number } {
  return { done: department.items.filter((item) => item.checked).length, total: department.items.length };
}

/** The technical stream of a production, as its events name it (a live event there means: reload). */
export const technicalStreamOf = (productionId: string) => `technical-${productionId}`;

/** Departments in the contracts' order (values here: the bundle imports only types from contracts). */
export const DEPARTMENTS: readonly Department[] = [
  'sound',
  'lighting',
  'video',
  'stage',
  'rigging',
  'power',
  'backline',
  'runner',
  'security_liaison',
  'production_office',
  'hospitality',
];
