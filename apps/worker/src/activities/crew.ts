import {
  CREW_EVENT_TYPES,
  crewStream,
  decideCrew,
  evolveCrew,
  initialCrewState,
  pendingAcknowledgements,
  type CrewCommand,
  type CrewEvent,
  type CrewState,
} from '@panggung/domain';
import type { EventStore, NewEvent } from '@panggung/event-store';
import type { CallSheetRef, CallSheetStatus, CrewActivities } from '@panggung/workflows';
import { ApplicationFailure } from '@temporalio/activity';
import { appendStep } from './append-step.ts';

async function loadCrew(
  store: EventStore,
  productionId: string,
): Promise<{ state: CrewState; version: number }> {
  const events = await store.readStream(crewStream(productionId), { limit: 100_000 });
  const state = events
    .filter((event) => CREW_EVENT_TYPES.has(event.type))
    .map((event) => ({ type: event.type, data: event.data }) as unknown as CrewEvent)
    .reduce(evolveCrew, initialCrewState);
  return { state, version: events.length };
}

function statusOf(state: CrewState, { day, version }: CallSheetRef): CallSheetStatus {
  const published = state.days[day];
  if (!published || published.version < version)
    throw ApplicationFailure.nonRetryable(`Call sheet ${day} v${version} was never published`);
  return { pending: pendingAcknowledgements(published), superseded: published.version > version };
}

/**
 * The call acknowledgement workflow's activities: they read `crew-<productionId>`, let the domain decide
 * whom to remind or escalate, and append once per workflow step (`appendStep`'s idempotency key). A
 * retry after a successful append decides nothing new (the domain remembers who was reminded).
 */
export function createCrewActivities({ store }: { store: EventStore }): CrewActivities {
  async function step(
    ref: CallSheetRef & { step: string },
    type: 'SendCallReminders' | 'EscalateCalls',
  ): Promise<CallSheetStatus> {
    const { state, version } = await loadCrew(store, ref.productionId);
    const command = {
      type,
      data: { productionId: ref.productionId, day: ref.day, version: ref.version },
      metadata: { actor: 'system', now: new Date().toISOString() },
    } as CrewCommand;
    const events = decideCrew(command, state);
    if (events.length > 0)
      await appendStep(
        store,
        crewStream(ref.productionId),
        ref.step,
        events.map(({ type: t, data }) => ({ type: t, data: data as NewEvent['data'] })),
        // An acknowledgement that lands meanwhile makes this retry: nobody is reminded of a call they took.
        { expectedVersion: version },
      );
    return statusOf(state, ref);
  }
  return {
    async callSheetStatus(ref) {
      return statusOf((await loadCrew(store, ref.productionId)).state, ref);
    },
    remindUnacknowledgedCalls: (input) => step(input, 'SendCallReminders'),
    escalateUnacknowledgedCalls: (input) => step(input, 'EscalateCalls'),
  };
}
