import { Type, type Static } from 'typebox';
import { ExpectedVersion, Instant, Uuid } from '../common/common.ts';

export const IncidentSeverity = Type.Union([
  Type.Literal('low'),
  Type.Literal('medium'),
  Type.Literal('high'),
  Type.Literal('critical'),
]);
export type IncidentSeverity = Static<typeof IncidentSeverity>;

/** Where an incident stands; escalation is a flag beside it (an escalated incident is still open). */
export const IncidentStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('assigned'),
  Type.Literal('acknowledged'),
  Type.Literal('resolved'),
]);
export type IncidentStatus = Static<typeof IncidentStatus>;

const Minutes = Type.Integer({ minimum: 1, maximum: 1440 });

/** Minutes an incident of each severity may stay unacknowledged before it escalates to the managers. */
export const IncidentEscalationMinutes = Type.Object(
  { low: Minutes, medium: Minutes, high: Minutes, critical: Minutes },
  { additionalProperties: false },
);
export type IncidentEscalationMinutes = Static<typeof IncidentEscalationMinutes>;

const version = { expectedVersion: Type.Optional(ExpectedVersion) };
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const LogIncidentBody = Type.Object(
  {
    ...version,
    severity: IncidentSeverity,
    location: Text(200),
    description: Text(2000),
    /** The cue it happened at, as the show caller names it (e.g. `Q12`). */
    cueRef: Type.Optional(Text(100)),
  },
  { additionalProperties: false },
);
export type LogIncidentBody = Static<typeof LogIncidentBody>;

export const AssignIncidentBody = Type.Object(
  { ...version, assigneeId: Uuid },
  { additionalProperties: false },
);
export type AssignIncidentBody = Static<typeof AssignIncidentBody>;

export const AcknowledgeIncidentBody = Type.Object({ ...version }, { additionalProperties: false });
export type AcknowledgeIncidentBody = Static<typeof AcknowledgeIncidentBody>;

export const ResolveIncidentBody = Type.Object(
  { ...version, note: Text(2000) },
  { additionalProperties: false },
);
export type ResolveIncidentBody = Static<typeof ResolveIncidentBody>;

export const SetIncidentEscalationBody = Type.Object(
  { ...version, minutes: IncidentEscalationMinutes },
  { additionalProperties: false },
);
export type SetIncidentEscalationBody = Static<typeof SetIncidentEscalationBody>;

export const IncidentParams = Type.Object({ id: Uuid, incidentId: Uuid }, { additionalProperties: false });
export type IncidentParams = Static<typeof IncidentParams>;

export const Incident = Type.Object({
  incidentId: Uuid,
  severity: IncidentSeverity,
  location: Type.String(),
  description: Type.String(),
  cueRef: Type.Optional(Type.String()),
  status: IncidentStatus,
  reportedBy: Uuid,
  reportedAt: Instant,
  /** Minutes it may stay unacknowledged (the production's setting when it was logged). */
  escalateAfterMinutes: Type.Integer(),
  assigneeId: Type.Optional(Uuid),
  assignedBy: Type.Optional(Uuid),
  assignedAt: Type.Optional(Instant),
  acknowledgedAt: Type.Optional(Instant),
  escalatedAt: Type.Optional(Instant),
  resolution: Type.Optional(Type.Object({ by: Uuid, note: Type.String(), at: Instant })),
});
export type Incident = Static<typeof Incident>;

/** A production’s incidents, most urgent first (open, by severity, newest), with its escalation deadlines. */
export const Incidents = Type.Object({
  productionId: Uuid,
  incidents: Type.Array(Incident),
  escalation: IncidentEscalationMinutes,
  version: Type.Integer(),
});
export type Incidents = Static<typeof Incidents>;
