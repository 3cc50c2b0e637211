import {
  evolveIncidents,
  INCIDENT_EVENT_TYPES,
  initialIncidentsState,
  type IncidentEvent,
  type IncidentsState,
} from '@panggung/domain';
import { stateViewProjection } from '../commands/state-view-projection.ts';

/**
 * Incidents per production: the domain's own fold of the `incidents-<id>` stream, kept as JSON, so the
 * list shows exactly what the rules decide on.
 */
export const incidentsProjection = stateViewProjection<IncidentEvent, IncidentsState>(
  'incidents',
  'incidents-',
  'incident_views',
  { evolve: evolveIncidents, initial: initialIncidentsState, eventTypes: INCIDENT_EVENT_TYPES },
);
