import type {
  AssignIncidentBody,
  Incidents,
  LogIncidentBody,
  ResolveIncidentBody,
} from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

const base = (productionId: string) => `/api/productions/${encodeURIComponent(productionId)}/incidents`;
const one = (productionId: string, incidentId: string) =>
  `${base(productionId)}/${encodeURIComponent(incidentId)}`;

/** A production's incidents, most urgent first (the production team only). */
export const getIncidents = (productionId: string) => requestJson<Incidents>('GET', base(productionId));

export const logIncident = (productionId: string, body: LogIncidentBody) =>
  requestJson<Incidents>('POST', base(productionId), body);

export const assignIncident = (productionId: string, incidentId: string, body: AssignIncidentBody) =>
  requestJson<Incidents>('POST', `${one(productionId, incidentId)}/assign`, body);

export const acknowledgeIncident = (productionId: string, incidentId: string, expectedVersion: number) =>
  requestJson<Incidents>('POST', `${one(productionId, incidentId)}/acknowledge`, { expectedVersion });

export const resolveIncident = (productionId: string, incidentId: string, body: ResolveIncidentBody) =>
  requestJson<Incidents>('POST', `${one(productionId, incidentId)}/resolve`, body);
