import type { GateCondition, GateConditionView, ProductionStatus, Role } from '@panggung/contracts';
import { ApiRequestError } from '../api/client.ts';
import { formatCalendarDate } from '../format/dates.ts';
import type { Locale, MessageKey, Translate } from '../i18n/translate.ts';

/** The phases in order (values here: the bundle imports only types from contracts). */
export const PHASES: readonly ProductionStatus[] = [
  'planning',
  'pre_production',
  'technical_rehearsal',
  'show_day',
  'wrap_up',
  'closed',
];

/** Roles that see the gates (the API's `phases.view`) and that advance or force them (`phases.manage`). */
const VIEWING: readonly Role[] = [
  'org_admin',
  'production_manager',
  'finance_approver',
  'crew',
  'show_caller',
];
const MANAGING: readonly Role[] = ['org_admin', 'production_manager'];
export const canSeePhases = (roles: readonly Role[]) => roles.some((role) => VIEWING.includes(role));
export const canManagePhases = (roles: readonly Role[]) => roles.some((role) => MANAGING.includes(role));

/** A forced gate's reason: at least this many characters, spaces aside at both ends. */
export const MIN_REASON_LENGTH = 10;
export const reasonIsValid = (reason: string) => reason.trim().length >= MIN_REASON_LENGTH;

export type StepState = 'done' | 'current' | 'upcoming';

/** The stepper: each phase done, current or upcoming. */
export function stepsOf(phase: ProductionStatus): { phase: ProductionStatus; state: StepState }[] {
  const at = PHASES.indexOf(phase);
  return PHASES.map((p, index) => ({
    phase: p,
    state: index < at ? 'done' : index === at ? 'current' : 'upcoming',
  }));
}

/**
 * A condition in the reader's language: its dictionary key and the parameters named for people
 * (categories, departments, dates and people by name).
 */
export function conditionText(
  condition: GateCondition,
  t: Translate,
  locale: Locale,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  const key = `phases.condition.${condition.code}` as MessageKey;
  switch (condition.code) {
    case 'vendor_category_unsigned':
    case 'budget_category_over_without_approval':
      return t(key, { category: t(`category.${condition.category}` as MessageKey) });
    case 'call_sheet_unpublished':
      return t(key, { day: formatCalendarDate(condition.day, locale) });
    case 'key_call_unacknowledged':
      return t(key, {
        person: names.get(condition.personId) ?? condition.personId,
        day: formatCalendarDate(condition.day, locale),
      });
    case 'technical_department_not_signed_off':
      return t(key, { department: t(`department.${condition.department}` as MessageKey) });
    case 'technical_checklist_items_open':
    case 'rehearsal_issues_open':
      return t(key, { count: String(condition.count) });
    case 'settlement_open':
      return t(key, { count: String(condition.unpaidMilestones) });
    default:
      return t(key);
  }
}

/** The missing conditions a refused advance answered with (409 GATE_NOT_MET), or none. */
export function missingOf(error: unknown): GateCondition[] {
  if (!(error instanceof ApiRequestError) || error.code !== 'GATE_NOT_MET') return [];
  const missing = (error.body as { missing?: GateConditionView[] } | undefined)?.missing ?? [];
  return missing.map((view) => view.condition);
}
