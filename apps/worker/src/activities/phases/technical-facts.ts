import {
  evolveTechnical,
  initialTechnicalState,
  TECHNICAL_EVENT_TYPES,
  technicalReadiness,
  technicalStream,
  type GateFacts,
  type TechnicalEvent,
} from '@panggung/domain';
import { readDomainEvents, type StreamReader } from './stream-reader.ts';

/**
 * The technical preparation's readiness, folded from the `technical-<productionId>` stream: how many
 * departments keep a checklist, which are not signed off, open items and open rehearsal issues.
 */
export async function technicalFacts(
  store: StreamReader,
  productionId: string,
): Promise<GateFacts['technical']> {
  const events = await readDomainEvents<TechnicalEvent>(
    store,
    technicalStream(productionId),
    TECHNICAL_EVENT_TYPES,
  );
  const state = events.reduce(evolveTechnical, initialTechnicalState);
  const checklists = state.status === 'none' ? 0 : new Set(state.items.map((item) => item.department)).size;
  return { checklists, ...technicalReadiness(state) };
}
