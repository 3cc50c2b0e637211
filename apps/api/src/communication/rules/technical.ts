import type { Department, NotificationKind, NotificationPayload } from '@panggung/contracts';
import {
  assertNever,
  evolveTechnical,
  initialTechnicalState,
  type TechnicalEvent,
  type TechnicalState,
} from '@panggung/domain';
import { actorPerson, type NotificationRules } from './rule.ts';
import { deliverable, holding, type Notice, type Roster } from './roster.ts';

type TechnicalKind = Extract<NotificationKind, 'checklist.reopened' | 'rehearsal.issue_recorded'>;

/** Somebody to tell about a department's preparation, and the payload's own part. */
export interface TechnicalNotice extends Notice<TechnicalKind> {
  readonly payload: NotificationPayload;
}

/**
 * Who hears of a technical event, given the technical preparation just before it: a reopened checklist
 * tells its department's head (who signs it off again); a rehearsal issue tells the department's head and
 * the show callers. Only people on the roster, never the person who acted.
 */
export function technicalNotices(
  before: TechnicalState,
  event: TechnicalEvent,
  roster: Roster,
  actorId: string | undefined,
): TechnicalNotice[] {
  const headOf = (department: Department) =>
    before.status === 'open' ? before.heads[department] : undefined;
  switch (event.type) {
    case 'DepartmentChecklistReopened': {
      const { department } = event.data;
      const head = headOf(department);
      const notices = head
        ? [{ personId: head, kind: 'checklist.reopened' as const, payload: { department } }]
        : [];
      return deliverable(notices, roster, actorId);
    }
    case 'RehearsalIssueRecorded': {
      const { department, issueId, description, recordedBy } = event.data;
      const head = headOf(department);
      const people = [...(head ? [head] : []), ...holding(roster, 'show_caller')];
      const payload = { department, issueId, excerpt: description };
      return deliverable(
        people.map((personId) => ({ personId, kind: 'rehearsal.issue_recorded' as const, payload })),
        roster,
        actorId,
      ).filter((notice) => notice.personId !== recordedBy);
    }
    case 'DepartmentHeadAssigned':
    case 'TechnicalRiderAdded':
    case 'ChecklistItemAdded':
    case 'ChecklistItemChecked':
    case 'ChecklistItemUnchecked':
    case 'DepartmentChecklistSignedOff':
    case 'RehearsalIssueFixed':
      return [];
    default:
      return assertNever(event);
  }
}

/** Technical preparation: a head hears their checklist needs signing off again, and of rehearsal issues. */
export const technicalRules: NotificationRules = {
  source: 'technical',
  eventTypes: new Set(['DepartmentChecklistReopened', 'RehearsalIssueRecorded']),
  async notify(event, lookups) {
    if (!event.streamId.startsWith('technical-')) return [];
    const technicalEvent = { type: event.type, data: event.data } as unknown as TechnicalEvent;
    const productionId = technicalEvent.data.productionId;
    // The department's head as the stream stood: the technical read model may be ahead or behind.
    const before = await lookups.stateBefore(event, initialTechnicalState, evolveTechnical);
    const actorId = actorPerson(event);
    const roster = await lookups.roster(productionId);
    const notices = technicalNotices(before, technicalEvent, roster, actorId);
    if (notices.length === 0) return [];
    const actorName = await lookups.personName(actorId);
    return notices.map((notice) => ({
      personId: notice.personId,
      productionId,
      kind: notice.kind,
      payload: {
        ...(actorId ? { actorId } : {}),
        ...(actorName ? { actorName } : {}),
        ...notice.payload,
      },
    }));
  },
};
