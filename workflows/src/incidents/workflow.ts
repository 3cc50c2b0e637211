import { ApplicationFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { IncidentActivities } from './activities.ts';
import {
  incidentSettledSignal,
  type IncidentEscalationInput,
  type IncidentEscalationResult,
} from './messages.ts';

const activities = proxyActivities<IncidentActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Escalates one incident (id `incident-<incidentId>`) when nobody acknowledged it within its severity's
 * minutes: a timer, then `IncidentEscalated` (the production's managers are notified by its rule). The
 * signal `incidentSettled` (acknowledged or resolved) ends the wait early.
 *
 * The event store stays the truth: the escalation step asks the domain, which escalates nothing that was
 * acknowledged or resolved meanwhile, so a lost signal only keeps the workflow waiting until its timer.
 */
export async function incidentEscalationWorkflow(
  input: IncidentEscalationInput,
): Promise<IncidentEscalationResult> {
  if (!input?.productionId || !input.incidentId || !(input.escalateAfterMs > 0))
    throw ApplicationFailure.nonRetryable(
      'incidentEscalationWorkflow needs productionId, incidentId and a positive escalateAfterMs',
    );
  let settled = false;
  setHandler(incidentSettledSignal, () => {
    settled = true;
  });
  const ref = { productionId: input.productionId, incidentId: input.incidentId };
  const status = await activities.incidentStatus(ref);
  if (status.settled || status.escalated) return { outcome: status.escalated ? 'escalated' : 'settled' };
  if (await condition(() => settled, input.escalateAfterMs)) return { outcome: 'settled' };
  const after = await activities.escalateIncident({ ...ref, step: 'escalate' });
  return { outcome: after.escalated ? 'escalated' : 'settled' };
}
