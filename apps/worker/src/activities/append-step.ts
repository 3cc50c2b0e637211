import { activityInfo, ApplicationFailure } from '@temporalio/activity';
import { EventStoreError, type EventStore, type NewEvent } from '@panggung/event-store';
import type { AppendedEvents } from '@panggung/workflows';

/** Store errors that a retry cannot fix: bad input, or an idempotency key already used elsewhere. */
const permanent = new Set(['INVALID_ARGUMENT', 'IDEMPOTENCY_KEY_CONFLICT']);

/**
 * Appends the events of one workflow step, at most once however often the activity runs: the idempotency
 * key is the workflow id and the step's name, so a retried activity, or one run again by another worker
 * after a crash, finds the first append and writes nothing. Must run inside an activity (it reads the
 * activity's info for the metadata).
 *
 * Metadata: actor `workflow:<workflowId>` unless `options.actor` names the person whose decision the step
 * records (`person:<id>`), correlation id the workflow id, causation id the activity execution
 * (`<workflowId>/<runId>/<activityId>`).
 */
export async function appendStep(
  store: EventStore,
  streamId: string,
  step: string,
  events: readonly NewEvent[],
  options: {
    readonly actor?: string | undefined;
    /**
     * The stream's version the step decided on. A change appended since (an acknowledgement landing
     * between the read and the append) makes the store refuse; the error is retryable, so the activity
     * runs again, reads again and decides again. Without it the step appends whatever came in between.
     */
    readonly expectedVersion?: number | undefined;
  } = {},
): Promise<AppendedEvents> {
  const info = activityInfo();
  if (!info.workflowExecution) {
    throw ApplicationFailure.nonRetryable('appendStep runs only in an activity started by a workflow');
  }
  const { workflowId, runId } = info.workflowExecution;
  try {
    const expected = options.expectedVersion === undefined ? 'any' : BigInt(options.expectedVersion);
    const result = await store.append(streamId, expected, events, {
      idempotencyKey: `${workflowId}:${step}`,
      metadata: {
        actor: options.actor ?? `workflow:${workflowId}`,
        correlationId: workflowId,
        causationId: `${workflowId}/${runId}/${info.activityId}`,
      },
    });
    return {
      streamId,
      streamVersion: Number(result.nextExpectedVersion),
      duplicate: result.duplicate,
    };
  } catch (error) {
    if (error instanceof EventStoreError && permanent.has(error.code)) {
      throw ApplicationFailure.create({
        type: error.code,
        message: error.message,
        nonRetryable: true,
        cause: error,
      });
    }
    throw error;
  }
}
