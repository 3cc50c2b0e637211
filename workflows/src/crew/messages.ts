import { defineQuery, defineSignal } from '@temporalio/workflow';

/**
 * The call acknowledgement workflow's messages, shared with the API. Their names are part of the
 * contract with running executions.
 */

export interface CallAcknowledgementInput {
  readonly productionId: string;
  readonly day: string;
  readonly version: number;
  /** From publication to the reminder (ms). */
  readonly remindAfterMs: number;
  /** From publication to the escalation (ms); after the reminder. */
  readonly escalateAfterMs: number;
}

export type CallAcknowledgementOutcome = 'acknowledged' | 'superseded';

export interface CallAcknowledgementResult {
  readonly outcome: CallAcknowledgementOutcome;
  readonly reminded: readonly string[];
  readonly escalated: readonly string[];
}

/** The API signals it after appending `CallAcknowledged` for this version. */
export const callAcknowledgedSignal = defineSignal<[{ personId: string }]>('callAcknowledged');
/** The API signals it when a newer version of the day's call sheet is published. */
export const callSheetSupersededSignal = defineSignal<[]>('callSheetSuperseded');
/** Who still owes an acknowledgement (undefined until the workflow loaded the sheet). */
export const pendingCallsQuery = defineQuery<readonly string[] | undefined>('pendingCalls');

/** One workflow per published version of a day's call sheet. */
export function callSheetWorkflowId(productionId: string, day: string, version: number): string {
  return `call-sheet-${productionId}-${day}-v${version}`;
}
