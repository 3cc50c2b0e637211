import { ApplicationFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CrewActivities } from './activities.ts';
import {
  callAcknowledgedSignal,
  callSheetSupersededSignal,
  pendingCallsQuery,
  type CallAcknowledgementInput,
  type CallAcknowledgementResult,
} from './messages.ts';

const activities = proxyActivities<CrewActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Waits for the acknowledgements of one published call sheet version (id
 * `call-sheet-<productionId>-<day>-v<n>`): after `remindAfterMs` it reminds each person who has not
 * acknowledged (`CallReminderSent`), after `escalateAfterMs` it escalates the rest to the production's
 * managers (`CallEscalated`). Ends when everyone acknowledged or a newer version superseded it.
 *
 * Signals make it prompt; the event store stays the truth: each step's activity asks the domain who is
 * still pending, so a lost signal delays nothing but the workflow's end.
 */
export async function callAcknowledgementWorkflow(
  input: CallAcknowledgementInput,
): Promise<CallAcknowledgementResult> {
  if (!input?.productionId || !input.day || !input.version)
    throw ApplicationFailure.nonRetryable('callAcknowledgementWorkflow needs productionId, day and version');
  const acknowledged = new Set<string>();
  let superseded = false;
  let pending: readonly string[] | undefined;
  setHandler(callAcknowledgedSignal, ({ personId }) => {
    acknowledged.add(personId);
  });
  setHandler(callSheetSupersededSignal, () => {
    superseded = true;
  });
  setHandler(pendingCallsQuery, () => pending?.filter((personId) => !acknowledged.has(personId)));

  const ref = { productionId: input.productionId, day: input.day, version: input.version };
  const take = (status: { pending: readonly string[]; superseded: boolean }) => {
    pending = status.pending;
    superseded ||= status.superseded;
  };
  const done = () =>
    superseded || (pending !== undefined && pending.every((personId) => acknowledged.has(personId)));

  const stillPending = () => (pending ?? []).filter((personId) => !acknowledged.has(personId));

  take(await activities.callSheetStatus(ref));
  const reminded: string[] = [];
  const escalated: string[] = [];
  if (!(await condition(done, input.remindAfterMs))) {
    take(await activities.remindUnacknowledgedCalls({ ...ref, step: 'remind' }));
    reminded.push(...stillPending());
    const untilEscalation = Math.max(1, input.escalateAfterMs - input.remindAfterMs);
    if (!(await condition(done, untilEscalation))) {
      take(await activities.escalateUnacknowledgedCalls({ ...ref, step: 'escalate' }));
      escalated.push(...stillPending());
      await condition(done);
    }
  }
  return { outcome: superseded ? 'superseded' : 'acknowledged', reminded, escalated };
}
