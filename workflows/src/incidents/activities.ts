/**
 * The activities the incident escalation workflow needs; `apps/worker` implements them
 * (`createIncidentActivities`). Only types live here.
 */
import type { WorkflowStep } from '../production/activities.ts';

export interface IncidentRef {
  readonly productionId: string;
  readonly incidentId: string;
}

/** Where an incident stands for its escalation: acknowledged or resolved ends the wait. */
export interface IncidentEscalationStatus {
  readonly settled: boolean;
  readonly escalated: boolean;
}

export interface IncidentActivities {
  /** Reads `incidents-<productionId>` and answers the incident's status. */
  incidentStatus(input: IncidentRef): Promise<IncidentEscalationStatus>;
  /** Appends `IncidentEscalated` unless it was acknowledged or resolved meanwhile (the domain decides), once. */
  escalateIncident(input: IncidentRef & WorkflowStep): Promise<IncidentEscalationStatus>;
}
