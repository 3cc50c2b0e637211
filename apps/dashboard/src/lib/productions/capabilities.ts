import type { Role } from '@panggung/contracts';
import { rolesAllow, type Action } from '@panggung/domain/permissions';
import type { MessageKey } from '../i18n/translate.ts';
import type { Section } from '../router/routes.ts';

/** The capabilities of a production, in the order a production manager works through them. */
export const CAPABILITIES: ReadonlyArray<{
  readonly section: Section;
  readonly label: MessageKey;
  readonly ready: boolean;
  /** What the API asks of the roles to open it: the menu and the API judge by the same rule. */
  readonly needs: Action;
}> = [
  { section: 'overview', label: 'section.overview', ready: true, needs: 'production.view' },
  { section: 'vendors', label: 'section.vendors', ready: true, needs: 'contracts.view' },
  { section: 'timeline', label: 'section.timeline', ready: true, needs: 'timeline.view' },
  { section: 'crew', label: 'section.crew', ready: true, needs: 'crew.view' },
  { section: 'logistics', label: 'section.logistics', ready: true, needs: 'logistics.view' },
  { section: 'technical', label: 'section.technical', ready: true, needs: 'technical.view' },
  { section: 'budget', label: 'section.budget', ready: true, needs: 'budget.view' },
  { section: 'incidents', label: 'section.incidents', ready: true, needs: 'incidents.view' },
  { section: 'show-day', label: 'section.showDay', ready: true, needs: 'show.view' },
  { section: 'audit', label: 'section.audit', ready: true, needs: 'audit.view' },
];

export function capabilityOf(section: Section) {
  return CAPABILITIES.find((c) => c.section === section) ?? CAPABILITIES[0]!;
}

/**
 * The sections a person's roles let them open, by the API's own permission rules (a client sees no
 * crew schedule, a vendor no show day, only managers, finance and admins the budget).
 */
export function capabilitiesFor(roles: readonly Role[]) {
  return CAPABILITIES.filter((c) => rolesAllow(roles, c.needs));
}
