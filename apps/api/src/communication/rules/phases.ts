import type { NotificationKind, NotificationPayload } from '@panggung/contracts';
import { assertNever, type PhaseEvent, type PhasesEvent } from '@panggung/domain';
import { actorPerson, type NotificationRules } from './rule.ts';
import { deliverable, holding, type Notice, type Roster } from './roster.ts';

type PhaseKind = Extract<NotificationKind, 'milestone.reminder' | 'phase.forced' | 'settlement.opened'>;

/** Somebody to tell about the production's phases, and the payload's own part. */
export interface PhaseNotice extends Notice<PhaseKind> {
  readonly payload: NotificationPayload;
}

/**
 * Who hears of a phase event: a milestone due soon tells its owner and the production managers; a
 * forced gate tells the managers and the organisation's admins (a gate passed normally tells nobody);
 * the settlement tells the finance approvers and the managers. Only people on the roster, never the
 * person who acted (for a forced gate, the one who forced it).
 */
export function phaseNotices(
  event: PhasesEvent | PhaseEvent,
  roster: Roster,
  actorId: string | undefined,
): PhaseNotice[] {
  const to = (people: readonly string[], kind: PhaseKind, payload: NotificationPayload) =>
    people.map((personId) => ({ personId, kind, payload }));
  switch (event.type) {
    case 'MilestoneReminderSent': {
      const { taskId, title, ownerId, dueAt } = event.data;
      const payload = { item: { kind: 'task' as const, id: taskId }, excerpt: title, dueAt };
      return deliverable(
        to(
          [...(ownerId ? [ownerId] : []), ...holding(roster, 'production_manager')],
          'milestone.reminder',
          payload,
        ),
        roster,
        actorId,
      );
    }
    case 'ProductionPhaseChanged': {
      const { forced, to: phase } = event.data;
      if (!forced) return [];
      const people = holding(roster, 'production_manager', 'org_admin');
      return deliverable(
        to(people, 'phase.forced', { phase, excerpt: forced.reason }),
        roster,
        actorId,
      ).filter((notice) => notice.personId !== forced.byPersonId);
    }
    case 'SettlementOpened': {
      const people = holding(roster, 'finance_approver', 'production_manager');
      return deliverable(to(people, 'settlement.opened', { amount: event.data.total }), roster, actorId);
    }
    case 'RequiredVendorCategoriesSet':
    case 'ProductionClosed':
      return [];
    default:
      return assertNever(event);
  }
}

/**
 * Phases: milestone reminders, forced gates and the settlement. Reminders and the settlement are on the
 * `phases-` stream, phase changes on the production's own.
 */
export const phaseRules: NotificationRules = {
  source: 'phases',
  eventTypes: new Set(['MilestoneReminderSent', 'ProductionPhaseChanged', 'SettlementOpened']),
  async notify(event, lookups) {
    const stream = event.type === 'ProductionPhaseChanged' ? 'production-' : 'phases-';
    if (!event.streamId.startsWith(stream)) return [];
    const phaseEvent = { type: event.type, data: event.data } as unknown as PhasesEvent | PhaseEvent;
    if (phaseEvent.type === 'ProductionPhaseChanged' && !phaseEvent.data.forced) return [];
    const productionId = phaseEvent.data.productionId;
    const actorId = actorPerson(event);
    const notices = phaseNotices(phaseEvent, await lookups.roster(productionId), actorId);
    if (notices.length === 0) return [];
    const forcedBy =
      phaseEvent.type === 'ProductionPhaseChanged' ? phaseEvent.data.forced?.byPersonId : undefined;
    const namedId = actorId ?? forcedBy;
    const actorName = await lookups.personName(namedId);
    return notices.map((notice) => ({
      personId: notice.personId,
      productionId,
      kind: notice.kind,
      payload: {
        ...(namedId ? { actorId: namedId } : {}),
        ...(actorName ? { actorName } : {}),
        ...notice.payload,
      },
    }));
  },
};
