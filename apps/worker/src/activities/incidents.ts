import {
  decideIncidents,
  evolveIncidents,
  INCIDENT_EVENT_TYPES,
  incidentSettled,
  incidentsStream,
  initialIncidentsState,
  type IncidentEvent,
  type IncidentsState,
} from '@panggung/domain';
import type { EventStore, NewEvent } from '@panggung/event-store';
import type { IncidentActivities, IncidentEscalationStatus, IncidentRef } from '@panggung/workflows';
import { ApplicationFailure } from '@temporalio/activity';
import { appendStep } from './append-step.ts';

async function loadIncidents(
  store: EventStore,
  productionId: string,
): Promise<{ state: IncidentsState; version: number }> {
  const events = await store.readStream(incidentsStream(productionId), { limit: 100_000 });
  const state = events
    .filter((event) => INCIDENT_EVENT_TYPES.has(event.type))
    .map((event) => ({ type: event.type, data: event.data }) as unknown as IncidentEvent)
    .reduce(evolveIncidents, initialIncidentsState);
  return { state, version: events.length };
}

function statusOf(state: IncidentsState, { incidentId }: IncidentRef): IncidentEscalationStatus {
  const incident = state.incidents.find((i) => i.incidentId === incidentId);
  if (!incident) throw ApplicationFailure.nonRetryable(`Incident ${incidentId} was never logged`);
  return { settled: incidentSettled(incident), escalated: incident.escalatedAt !== undefined };
}

/**
 * The incident escalation workflow's activities: they read `incidents-<productionId>`, let the domain
 * decide whether the incident still escalates, and append once per workflow step (`appendStep`).
 */
export function createIncidentActivities({ store }: { store: EventStore }): IncidentActivities {
  return {
    async incidentStatus(ref) {
      return statusOf((await loadIncidents(store, ref.productionId)).state, ref);
    },
    async escalateIncident(ref) {
      const { state, version } = await loadIncidents(store, ref.productionId);
      const events = decideIncidents(
        {
          type: 'EscalateIncident',
          data: { productionId: ref.productionId, incidentId: ref.incidentId },
          metadata: { actor: 'system', now: new Date().toISOString() },
        },
        state,
      );
      if (events.length === 0) return statusOf(state, ref);
      await appendStep(
        store,
        incidentsStream(ref.productionId),
        ref.step,
        events.map(({ type, data }) => ({ type, data: data as NewEvent['data'] })),
        // An acknowledgement that lands meanwhile makes this retry, and the domain then escalates nothing.
        { expectedVersion: version },
      );
      return statusOf(events.reduce(evolveIncidents, state), ref);
    },
  };
}
