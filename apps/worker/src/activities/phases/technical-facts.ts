import type { GateFacts } from '@panggung/domain';
import type { StreamReader } from './stream-reader.ts';

/**
 * The technical preparation's readiness. For now: no checklist, nothing signed off. The lead wires it to
 * `technicalReadiness(state)` over `technical-<productionId>` (plus the number of checklists) at merge.
 */
export async function technicalFacts(
  _store: StreamReader,
  _productionId: string,
): Promise<GateFacts['technical']> {
  return { checklists: 0, departmentsNotSignedOff: [], openChecklistItems: 0, openRehearsalIssues: 0 };
}
