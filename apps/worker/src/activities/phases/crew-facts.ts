import {
  callReadiness,
  CREW_EVENT_TYPES,
  crewStream,
  evolveCrew,
  initialCrewState,
  type CrewEvent,
  type GateFacts,
} from '@panggung/domain';
import { readDomainEvents, type StreamReader } from './stream-reader.ts';

/** The crew calls' readiness for the show-day gate, folded from the `crew-<productionId>` stream. */
export async function crewFacts(store: StreamReader, productionId: string): Promise<GateFacts['calls']> {
  const events = await readDomainEvents<CrewEvent>(store, crewStream(productionId), CREW_EVENT_TYPES);
  const state = events.reduce(evolveCrew, initialCrewState);
  return { anyPublished: Object.keys(state.days).length > 0, ...callReadiness(state) };
}
