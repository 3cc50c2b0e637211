import type {
  Incident,
  IncidentEscalationMinutes,
  IncidentEvents,
  IncidentSeverity,
  Role,
} from '@panggung/contracts';
import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../core/errors.ts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';

/** The stream of one production's show-day incidents. */
export const incidentsStream = (productionId: string): string => `incidents-${productionId}`;

/** Until a production sets its own: critical 2 min, high 5, medium 15, low 60. */
export const DEFAULT_INCIDENT_ESCALATION: IncidentEscalationMinutes = {
  low: 60,
  medium: 15,
  high: 5,
  critical: 2,
};

/** A person as incident rules see them: their roles in this production (from the API). */
export interface IncidentActor {
  readonly personId: string;
  readonly roles: readonly Role[];
}

type By = { readonly by: IncidentActor };

export type IncidentCommand =
  | Command<
      'LogIncident',
      By & {
        productionId: string;
        incidentId: string;
        severity: IncidentSeverity;
        location: string;
        description: string;
        cueRef?: string;
      }
    >
  | Command<
      'AssignIncident',
      By & {
        productionId: string;
        incidentId: string;
        assigneeId: string;
        /** Whether the assignee holds an internal role in this production (the API looks it up). */
        assigneeIsTeam: boolean;
      }
    >
  | Command<'AcknowledgeIncident', By & { productionId: string; incidentId: string }>
  | Command<'ResolveIncident', By & { productionId: string; incidentId: string; note: string }>
  | Command<'SetIncidentEscalation', By & { productionId: string; minutes: IncidentEscalationMinutes }>
  /** From the escalation workflow when the deadline passed; no person. */
  | Command<'EscalateIncident', { productionId: string; incidentId: string }>;

export type IncidentEvent =
  | DomainEvent<'IncidentLogged', IncidentEvents.IncidentLogged>
  | DomainEvent<'IncidentAssigned', IncidentEvents.IncidentAssigned>
  | DomainEvent<'IncidentAcknowledged', IncidentEvents.IncidentAcknowledged>
  | DomainEvent<'IncidentResolved', IncidentEvents.IncidentResolved>
  | DomainEvent<'IncidentEscalated', IncidentEvents.IncidentEscalated>
  | DomainEvent<'IncidentEscalationSet', IncidentEvents.IncidentEscalationSet>;

export const INCIDENT_EVENT_TYPES: ReadonlySet<string> = new Set<IncidentEvent['type']>([
  'IncidentLogged',
  'IncidentAssigned',
  'IncidentAcknowledged',
  'IncidentResolved',
  'IncidentEscalated',
  'IncidentEscalationSet',
]);

/** JSON-safe (the API keeps it as the read model): incidents in logging order. */
export interface IncidentsState {
  readonly escalation: IncidentEscalationMinutes;
  readonly incidents: readonly Incident[];
}

export const initialIncidentsState: IncidentsState = {
  escalation: DEFAULT_INCIDENT_ESCALATION,
  incidents: [],
};

export function evolveIncidents(state: IncidentsState, event: IncidentEvent): IncidentsState {
  const change = (incidentId: string, update: (incident: Incident) => Incident): IncidentsState => ({
    ...state,
    incidents: state.incidents.map((i) => (i.incidentId === incidentId ? update(i) : i)),
  });
  switch (event.type) {
    case 'IncidentLogged': {
      const { incidentId, severity, location, description, cueRef, reportedBy, at, escalateAfterMinutes } =
        event.data;
      const incident: Incident = {
        incidentId,
        severity,
        location,
        description,
        ...(cueRef ? { cueRef } : {}),
        status: 'open',
        reportedBy,
        reportedAt: at,
        escalateAfterMinutes,
      };
      return { ...state, incidents: [...state.incidents, incident] };
    }
    case 'IncidentAssigned':
      // A new assignee acknowledges afresh.
      return change(event.data.incidentId, ({ acknowledgedAt: _, ...incident }) => ({
        ...incident,
        status: 'assigned',
        assigneeId: event.data.assigneeId,
        assignedBy: event.data.assignedBy,
        assignedAt: event.data.at,
      }));
    case 'IncidentAcknowledged':
      return change(event.data.incidentId, (incident) => ({
        ...incident,
        status: 'acknowledged',
        acknowledgedAt: event.data.at,
      }));
    case 'IncidentResolved': {
      const { by, note, at } = event.data;
      return change(event.data.incidentId, (incident) => ({
        ...incident,
        status: 'resolved',
        resolution: { by, note, at },
      }));
    }
    case 'IncidentEscalated':
      return change(event.data.incidentId, (incident) => ({ ...incident, escalatedAt: event.data.at }));
    case 'IncidentEscalationSet':
      return { ...state, escalation: { ...event.data.minutes } };
    default:
      return assertNever(event);
  }
}

const MANAGING: readonly Role[] = ['org_admin', 'production_manager'];
const TEAM: readonly Role[] = [...MANAGING, 'finance_approver', 'crew', 'show_caller'];
const isManager = (actor: IncidentActor) => actor.roles.some((role) => MANAGING.includes(role));
const isShowCaller = (actor: IncidentActor) => actor.roles.includes('show_caller');
const isTeam = (actor: IncidentActor) => actor.roles.some((role) => TEAM.includes(role));

function text(value: string, field: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new ValidationError(`${what} may not be empty`, field);
  return trimmed;
}

/** The incident, or NotFoundError naming it. */
export function getIncidentOrThrow(state: IncidentsState, incidentId: string): Incident {
  const incident = state.incidents.find((i) => i.incidentId === incidentId);
  if (!incident) throw new NotFoundError(`Incident ${incidentId} was not found`, 'incidentId');
  return incident;
}

function requireUnresolved(incident: Incident): void {
  if (incident.status === 'resolved')
    throw new IllegalStateError('This incident is already resolved', 'incidentId');
}

/**
 * Show-day incidents: the production team logs them; a manager or the show caller assigns them; the
 * assignee acknowledges; the assignee, a manager or the show caller resolves them with a note. One not
 * acknowledged within its severity's minutes is escalated by the workflow (`EscalateIncident`), once.
 */
export function decideIncidents(command: IncidentCommand, state: IncidentsState): IncidentEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'LogIncident': {
      const { by, productionId, incidentId, severity, cueRef } = command.data;
      if (!isTeam(by)) throw new ForbiddenError('Only the production team may log incidents');
      const location = text(command.data.location, 'location', 'An incident’s location');
      const description = text(command.data.description, 'description', 'An incident’s description');
      const cue = cueRef === undefined ? undefined : text(cueRef, 'cueRef', 'A cue reference');
      if (state.incidents.some((i) => i.incidentId === incidentId))
        throw new IllegalStateError('This incident is already logged', 'incidentId');
      return [
        {
          type: 'IncidentLogged',
          data: {
            productionId,
            incidentId,
            severity,
            location,
            description,
            ...(cue ? { cueRef: cue } : {}),
            reportedBy: by.personId,
            at: now,
            escalateAfterMinutes: state.escalation[severity],
          },
        },
      ];
    }
    case 'AssignIncident': {
      const { by, productionId, incidentId, assigneeId, assigneeIsTeam } = command.data;
      if (!isManager(by) && !isShowCaller(by))
        throw new ForbiddenError('Only a production manager or the show caller may assign incidents');
      const incident = getIncidentOrThrow(state, incidentId);
      requireUnresolved(incident);
      if (!assigneeIsTeam)
        throw new ValidationError(
          `Person ${assigneeId} is not in this production’s team and cannot take an incident`,
          'assigneeId',
        );
      if (incident.assigneeId === assigneeId) return [];
      return [
        {
          type: 'IncidentAssigned',
          data: {
            productionId,
            incidentId,
            assigneeId,
            assignedBy: by.personId,
            at: now,
            ...(incident.assigneeId ? { previous: incident.assigneeId } : {}),
          },
        },
      ];
    }
    case 'AcknowledgeIncident': {
      const { by, productionId, incidentId } = command.data;
      const incident = getIncidentOrThrow(state, incidentId);
      requireUnresolved(incident);
      if (!incident.assigneeId)
        throw new IllegalStateError('This incident is not assigned to anyone yet', 'incidentId');
      if (incident.assigneeId !== by.personId)
        throw new ForbiddenError('Only the person the incident is assigned to may acknowledge it');
      if (incident.status === 'acknowledged')
        throw new IllegalStateError('You have already acknowledged this incident', 'incidentId');
      return [{ type: 'IncidentAcknowledged', data: { productionId, incidentId, by: by.personId, at: now } }];
    }
    case 'ResolveIncident': {
      const { by, productionId, incidentId } = command.data;
      const incident = getIncidentOrThrow(state, incidentId);
      if (!isManager(by) && !isShowCaller(by) && incident.assigneeId !== by.personId)
        throw new ForbiddenError('Only the assignee, the show caller or a manager may resolve this incident');
      requireUnresolved(incident);
      const note = text(command.data.note, 'note', 'A resolution note');
      return [
        { type: 'IncidentResolved', data: { productionId, incidentId, by: by.personId, note, at: now } },
      ];
    }
    case 'SetIncidentEscalation': {
      const { by, productionId, minutes } = command.data;
      if (!isManager(by)) throw new ForbiddenError('Only a production manager may set escalation deadlines');
      for (const severity of ['low', 'medium', 'high', 'critical'] as const) {
        const value = minutes[severity];
        if (!Number.isInteger(value) || value < 1)
          throw new ValidationError(
            `Minutes for ${severity} must be a whole number of at least 1`,
            `minutes.${severity}`,
          );
      }
      if (minutes.critical > minutes.high || minutes.high > minutes.medium || minutes.medium > minutes.low)
        throw new ValidationError(
          'A more severe incident must escalate no later than a less severe one (critical ≤ high ≤ medium ≤ low)',
          'minutes',
        );
      return [
        { type: 'IncidentEscalationSet', data: { productionId, minutes: { ...minutes }, by: by.personId } },
      ];
    }
    case 'EscalateIncident': {
      const { productionId, incidentId } = command.data;
      const incident = getIncidentOrThrow(state, incidentId);
      // Acknowledged or resolved in time, or escalated before (a retried step): nothing to do.
      if (incident.status === 'acknowledged' || incident.status === 'resolved' || incident.escalatedAt)
        return [];
      return [
        {
          type: 'IncidentEscalated',
          data: {
            productionId,
            incidentId,
            severity: incident.severity,
            afterMinutes: incident.escalateAfterMinutes,
            at: now,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

/** Whether the escalation wait is over for this incident: acknowledged or resolved. */
export function incidentSettled(incident: Incident): boolean {
  return incident.status === 'acknowledged' || incident.status === 'resolved';
}

/** Open first, then by severity (critical first), newest first: the order a manager reads them in. */
export function incidentsByUrgency(incidents: readonly Incident[]): Incident[] {
  const rank: Record<IncidentSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
  return [...incidents].sort(
    (a, b) =>
      Number(a.status === 'resolved') - Number(b.status === 'resolved') ||
      rank[a.severity] - rank[b.severity] ||
      b.reportedAt.localeCompare(a.reportedAt),
  );
}
