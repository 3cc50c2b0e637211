import type { IncidentEvents, NotificationKind } from '@panggung/contracts';
import { assertNever, type IncidentEvent } from '@panggung/domain';
import { sql } from 'kysely';
import { actorPerson, type NotificationRules } from './rule.ts';

/** Someone to tell about an incident. */
export interface IncidentNotice {
  readonly personId: string;
  readonly kind: Extract<NotificationKind, 'incident.assigned' | 'incident.escalated'>;
  readonly incidentId: string;
}

/**
 * Who hears of an incident event: the assignee when it is assigned to them (unless they assigned it
 * themselves); the production's managers when it escalates. Everything else is seen live, not notified.
 */
export function incidentNotices(
  event: IncidentEvent,
  actorId: string | undefined,
  managers: readonly string[],
): IncidentNotice[] {
  switch (event.type) {
    case 'IncidentAssigned': {
      const { assigneeId, incidentId } = event.data;
      return assigneeId === actorId ? [] : [{ personId: assigneeId, kind: 'incident.assigned', incidentId }];
    }
    case 'IncidentEscalated':
      return managers.map((personId) => ({
        personId,
        kind: 'incident.escalated',
        incidentId: event.data.incidentId,
      }));
    case 'IncidentLogged':
    case 'IncidentAcknowledged':
    case 'IncidentResolved':
    case 'IncidentEscalationSet':
      return [];
    default:
      return assertNever(event);
  }
}

/** `[critical] Panggung kiri — Truss miring`, for the feed. */
export const incidentLine = (
  incident: Pick<IncidentEvents.IncidentLogged, 'severity' | 'location' | 'description'>,
) => `[${incident.severity}] ${incident.location} — ${incident.description}`.slice(0, 200);

/** Incidents: the assignee hears of an assignment; the production managers of an escalation. */
export const incidentRules: NotificationRules = {
  source: 'incidents',
  eventTypes: new Set(['IncidentAssigned', 'IncidentEscalated']),
  async notify(event, lookups) {
    if (!event.streamId.startsWith('incidents-')) return [];
    const incidentEvent = { type: event.type, data: event.data } as unknown as IncidentEvent;
    const productionId = incidentEvent.data.productionId;
    const managers =
      incidentEvent.type === 'IncidentEscalated'
        ? [
            ...new Set(
              (await lookups.members(productionId))
                .filter((member) => member.role === 'production_manager')
                .map((member) => member.personId),
            ),
          ]
        : [];
    const actorId = actorPerson(event);
    const notices = incidentNotices(incidentEvent, actorId, managers);
    if (notices.length === 0) return [];
    const members = await lookups.membersAmong(
      productionId,
      notices.map((n) => n.personId),
    );
    // The incident's own words, from its logging in the same stream (the history, not a read model).
    const incidentId = notices[0]!.incidentId;
    const logged = await lookups.trx
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', event.streamId)
      .where('type', '=', 'IncidentLogged')
      .where(sql<string>`data->>'incidentId'`, '=', incidentId)
      .executeTakeFirst();
    const actorName = await lookups.personName(actorId);
    const excerpt = logged ? incidentLine(logged.data as IncidentEvents.IncidentLogged) : undefined;
    return notices
      .filter((notice) => members.has(notice.personId))
      .map((notice) => ({
        personId: notice.personId,
        productionId,
        kind: notice.kind,
        payload: {
          ...(actorId ? { actorId } : {}),
          ...(actorName ? { actorName } : {}),
          incidentId: notice.incidentId,
          ...(excerpt ? { excerpt } : {}),
        },
      }));
  },
};
