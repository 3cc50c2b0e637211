import { Type, type Static } from 'typebox';
import { Instant, Uuid } from '../common/common.ts';
import { IncidentEscalationMinutes, IncidentSeverity } from './incidents.ts';

/** Event payloads of the `incidents-<productionId>` stream (internal: clients and vendors see none). */
export const IncidentLogged = Type.Object({
  productionId: Uuid,
  incidentId: Uuid,
  severity: IncidentSeverity,
  location: Type.String(),
  description: Type.String(),
  cueRef: Type.Optional(Type.String()),
  reportedBy: Uuid,
  at: Instant,
  /** The deadline in force when it was logged: the escalation workflow's timer. */
  escalateAfterMinutes: Type.Integer(),
});
export type IncidentLogged = Static<typeof IncidentLogged>;

export const IncidentAssigned = Type.Object({
  productionId: Uuid,
  incidentId: Uuid,
  assigneeId: Uuid,
  assignedBy: Uuid,
  at: Instant,
  /** The assignee this one replaces, if any. */
  previous: Type.Optional(Uuid),
});
export type IncidentAssigned = Static<typeof IncidentAssigned>;

export const IncidentAcknowledged = Type.Object({
  productionId: Uuid,
  incidentId: Uuid,
  by: Uuid,
  at: Instant,
});
export type IncidentAcknowledged = Static<typeof IncidentAcknowledged>;

export const IncidentResolved = Type.Object({
  productionId: Uuid,
  incidentId: Uuid,
  by: Uuid,
  note: Type.String(),
  at: Instant,
});
export type IncidentResolved = Static<typeof IncidentResolved>;

/** Not acknowledged in time: the production's managers are told (appended by the escalation workflow). */
export const IncidentEscalated = Type.Object({
  productionId: Uuid,
  incidentId: Uuid,
  severity: IncidentSeverity,
  afterMinutes: Type.Integer(),
  at: Instant,
});
export type IncidentEscalated = Static<typeof IncidentEscalated>;

export const IncidentEscalationSet = Type.Object({
  productionId: Uuid,
  minutes: IncidentEscalationMinutes,
  by: Uuid,
});
export type IncidentEscalationSet = Static<typeof IncidentEscalationSet>;
