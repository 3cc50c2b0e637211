import type { Call, CrewEvents, NotificationKind, NotificationPayload } from '@panggung/contracts';
import { assertNever, type CrewEvent } from '@panggung/domain';
import type { StoredEvent } from '@panggung/event-store';
import type { RuleLookups } from './lookups.ts';
import { actorPerson, type NotificationRules } from './rule.ts';
import { deliverable, holding, type Notice, type Roster } from './roster.ts';

type CallKind = Extract<
  NotificationKind,
  'call.published' | 'call.reacknowledge' | 'call.removed' | 'call.reminder' | 'call.escalated'
>;

/** Somebody to tell about a day's calls; `personIds` names the people an escalation is about. */
export interface CallNotice extends Notice<CallKind> {
  readonly day: string;
  readonly personIds?: readonly string[];
}

/**
 * Who hears of a crew event. A published sheet tells the people it affects: one with a call on the day
 * for the first time that it is published, one whose call changed that they must acknowledge it again,
 * one whose call is gone that it is gone (`previous` is the calls of the version before, if any). A
 * reminder tells its person; an escalation tells the production managers whose calls are still
 * unacknowledged. Only people on the roster, and never the actor.
 */
export function callNotices(
  event: CrewEvent,
  previous: readonly Call[] | undefined,
  roster: Roster,
  actorId: string | undefined,
): CallNotice[] {
  let notices: CallNotice[];
  switch (event.type) {
    case 'CallSheetPublished': {
      const { day, affectedPersonIds, acknowledgeBy } = event.data;
      const hadCall = new Set((previous ?? []).map((call) => call.personId));
      notices = affectedPersonIds.map((personId) => ({
        personId,
        day,
        kind: !acknowledgeBy.includes(personId)
          ? 'call.removed'
          : hadCall.has(personId)
            ? 'call.reacknowledge'
            : 'call.published',
      }));
      break;
    }
    case 'CallReminderSent':
      notices = [{ personId: event.data.personId, day: event.data.day, kind: 'call.reminder' }];
      break;
    case 'CallEscalated': {
      const { day, personIds } = event.data;
      notices = holding(roster, 'production_manager').map((personId) => ({
        personId,
        day,
        kind: 'call.escalated' as const,
        personIds,
      }));
      break;
    }
    case 'UnavailabilityMarked':
    case 'UnavailabilityCleared':
    case 'ShiftAssigned':
    case 'ShiftRescheduled':
    case 'ShiftRemoved':
    case 'CrewRulesSet':
    case 'CallSheetChanged':
    case 'CallAcknowledged':
      return [];
    default:
      return assertNever(event);
  }
  return deliverable(notices, roster, actorId);
}

/** Each day's calls as last published. */
type PublishedCalls = Readonly<Record<string, readonly Call[]>>;

const PUBLISHED: ReadonlySet<string> = new Set(['CallSheetPublished']);

/** Folds only the publications: a day's calls are those of its latest `CallSheetPublished`. */
function evolvePublished(state: PublishedCalls, event: CrewEvent): PublishedCalls {
  return event.type === 'CallSheetPublished' ? { ...state, [event.data.day]: event.data.calls } : state;
}

/** The calls of the version of a day's sheet published before this one, from the stream itself. */
async function previousCalls(
  lookups: RuleLookups,
  event: StoredEvent,
  data: CrewEvents.CallSheetPublished,
): Promise<readonly Call[] | undefined> {
  if (data.version === 1) return undefined;
  const before = await lookups.stateBefore<PublishedCalls, CrewEvent>(event, {}, evolvePublished, PUBLISHED);
  return before[data.day];
}

/** Crew: published, changed and removed calls, reminders to acknowledge, and escalations to managers. */
export const crewRules: NotificationRules = {
  source: 'crew',
  eventTypes: new Set(['CallSheetPublished', 'CallReminderSent', 'CallEscalated']),
  async notify(event, lookups) {
    if (!event.streamId.startsWith('crew-')) return [];
    const crewEvent = { type: event.type, data: event.data } as unknown as CrewEvent;
    const productionId = crewEvent.data.productionId;
    const previous =
      crewEvent.type === 'CallSheetPublished'
        ? await previousCalls(lookups, event, crewEvent.data)
        : undefined;
    const actorId = actorPerson(event);
    const roster = await lookups.roster(productionId);
    const notices = callNotices(crewEvent, previous, roster, actorId);
    if (notices.length === 0) return [];
    const actorName = await lookups.personName(actorId);
    const escalated = crewEvent.type === 'CallEscalated' ? crewEvent.data.personIds : [];
    const excerpt = escalated.length > 0 ? (await lookups.peopleNames(escalated)).join(', ') : undefined;
    return notices.map((notice) => {
      const payload: NotificationPayload = {
        ...(actorId ? { actorId } : {}),
        ...(actorName ? { actorName } : {}),
        day: notice.day,
        ...(notice.personIds ? { personIds: [...notice.personIds] } : {}),
        ...(excerpt ? { excerpt } : {}),
      };
      return { personId: notice.personId, productionId, kind: notice.kind, payload };
    });
  },
};
