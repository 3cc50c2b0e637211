import type { Role } from '@panggung/contracts';
import { canSeeBudget } from '../budget/budget.ts';
import { canSeeTechnical } from '../technical/technical.ts';
import { canSeeIncidents } from '../incidents/incidents.ts';
import { canSeeAudit } from '../audit/time-travel.ts';
import type { MessageKey } from '../i18n/translate.ts';
import type { Section } from '../router/routes.ts';

/** The capabilities of a production, in the order a production manager works through them. */
export const CAPABILITIES: ReadonlyArray<{
  readonly section: Section;
  readonly label: MessageKey;
  readonly ready: boolean;
}> = [
  { section: 'overview', label: 'section.overview', ready: true },
  { section: 'vendors', label: 'section.vendors', ready: true },
  { section: 'timeline', label: 'section.timeline', ready: true },
  { section: 'crew', label: 'section.crew', ready: true },
  { section: 'logistics', label: 'section.logistics', ready: true },
  { section: 'technical', label: 'section.technical', ready: true },
  { section: 'budget', label: 'section.budget', ready: true },
  { section: 'incidents', label: 'section.incidents', ready: true },
  { section: 'show-day', label: 'section.showDay', ready: true },
  { section: 'audit', label: 'section.audit', ready: true },
];

export function capabilityOf(section: Section) {
  return CAPABILITIES.find((c) => c.section === section) ?? CAPABILITIES[0]!;
}

/**
 * The sections a person's roles let them open (the budget is for managers, finance and admins only;
 * technical preparation for the internal team).
 */
export function capabilitiesFor(roles: readonly Role[]) {
  return CAPABILITIES.filter(
    (c) =>
      (c.section !== 'budget' || canSeeBudget(roles)) &&
      (c.section !== 'technical' || canSeeTechnical(roles)) &&
      (c.section !== 'incidents' || canSeeIncidents(roles)) &&
      (c.section !== 'audit' || canSeeAudit(roles)),
  );
}
