import type { GateFacts } from '@panggung/domain';
import type { StreamReader } from './stream-reader.ts';

/**
 * The crew calls' readiness for the show-day gate. For now: nothing published. The lead wires it to
 * the crew engineer's `callReadiness(state)` over `crew-<productionId>` at merge.
 */
export async function crewFacts(_store: StreamReader, _productionId: string): Promise<GateFacts['calls']> {
  return { anyPublished: false, daysWithoutPublishedCall: [], unacknowledged: [] };
}
