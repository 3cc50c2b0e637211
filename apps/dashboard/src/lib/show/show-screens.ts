import type { Me, Role, ShowDepartment } from '@panggung/contracts';
import type { ShowScreen } from '../router/routes.ts';

/** The departments with cues on a rundown (values here: the bundle imports only types from contracts). */
export const DEPARTMENTS: readonly ShowDepartment[] = ['sound', 'lighting', 'video', 'stage'];

const RUNS_THE_SHOW: readonly Role[] = ['org_admin', 'production_manager', 'show_caller'];
const MANAGES: readonly Role[] = ['org_admin', 'production_manager', 'show_caller'];
const INTERNAL: readonly Role[] = [
  'org_admin',
  'production_manager',
  'finance_approver',
  'crew',
  'show_caller',
];

const any = (roles: readonly Role[], among: readonly Role[]) => roles.some((role) => among.includes(role));

/** Whether the person may send the show caller's commands (and start the show). */
export const mayCallShow = (roles: readonly Role[]) => any(roles, RUNS_THE_SHOW);

/** The show departments the person works in on this production (from their memberships). */
export function departmentsOf(me: Me, productionId: string): ShowDepartment[] {
  const mine = new Set(
    me.memberships.filter((m) => m.productionId === productionId).map((m) => m.department as string),
  );
  return DEPARTMENTS.filter((d) => mine.has(d));
}

/**
 * The live screens a person may open for a show day, in the order the show-day page lists them: the
 * caller's console and the manager's overview for those who run the show, a department's view for each
 * department whose notes they read (all four for those who run the show), the stage screen for the
 * internal team, and the client view for everyone who may see the show.
 */
export function screensFor(roles: readonly Role[], departments: readonly ShowDepartment[]): ShowScreen[] {
  const screens: ShowScreen[] = [];
  if (mayCallShow(roles)) screens.push({ screen: 'caller' });
  if (any(roles, MANAGES)) screens.push({ screen: 'manager' });
  const readable = mayCallShow(roles) ? DEPARTMENTS : any(roles, INTERNAL) ? departments : [];
  for (const department of readable) screens.push({ screen: 'department', department });
  if (any(roles, INTERNAL)) screens.push({ screen: 'stage' });
  screens.push({ screen: 'client' });
  return screens;
}

/** Whether the person may open this screen (a screen they may not open says so instead). */
export const mayOpen = (screen: ShowScreen, roles: readonly Role[], departments: readonly ShowDepartment[]) =>
  screensFor(roles, departments).some(
    (s) =>
      s.screen === screen.screen &&
      (s.screen !== 'department' || (screen.screen === 'department' && s.department === screen.department)),
  );
