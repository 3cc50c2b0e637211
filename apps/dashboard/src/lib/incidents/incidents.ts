import type { Incident, IncidentSeverity, Role } from '@panggung/contracts';
import { rolesAllow } from '@panggung/domain/permissions';

const ASSIGNING: readonly Role[] = ['org_admin', 'production_manager', 'show_caller'];

export const canSeeIncidents = (roles: readonly Role[]) => rolesAllow(roles, 'incidents.view');

/** Severities from the most urgent (values here: the bundle imports only types from contracts). */
export const SEVERITIES: readonly IncidentSeverity[] = ['critical', 'high', 'medium', 'low'];

/** What one person may do with one incident, as the API's rules decide it. */
export function incidentActions(
  incident: Incident,
  personId: string,
  roles: readonly Role[],
): { canAssign: boolean; canAcknowledge: boolean; canResolve: boolean } {
  const open = incident.status !== 'resolved';
  const assigning = roles.some((role) => ASSIGNING.includes(role));
  const assignee = incident.assigneeId === personId;
  return {
    canAssign: open && assigning,
    canAcknowledge: open && assignee && incident.status === 'assigned',
    canResolve: open && (assigning || assignee),
  };
}

/** Counts for a summary line: open incidents, of which critical or high, and escalated. */
export function incidentSummary(incidents: readonly Incident[]): {
  open: number;
  urgent: number;
  escalated: number;
} {
  const open = incidents.filter((i) => i.status !== 'resolved');
  return {
    open: open.length,
    urgent: open.filter((i) => i.severity === 'critical' || i.severity === 'high').length,
    escalated: open.filter((i) => i.escalatedAt !== undefined).length,
  };
}

/** The incidents stream of a production, as its events name it (a live event there means: reload). */
export const incidentsStreamOf = (productionId: string) => `incidents-${productionId}`;
