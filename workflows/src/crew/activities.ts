/**
 * The activities the call acknowledgement workflow needs; `apps/worker` implements them
 * (`createCrewActivities`). Only types live here.
 */
import type { WorkflowStep } from '../production/activities.ts';

/** One published version of one day's call sheet. */
export interface CallSheetRef {
  readonly productionId: string;
  readonly day: string;
  readonly version: number;
}

/** Where a call sheet version stands: who still owes an acknowledgement, and whether a newer one exists. */
export interface CallSheetStatus {
  readonly pending: readonly string[];
  readonly superseded: boolean;
}

export interface CrewActivities {
  /** Reads `crew-<productionId>` and answers the version's status. */
  callSheetStatus(input: CallSheetRef): Promise<CallSheetStatus>;
  /** Appends `CallReminderSent` per person still unacknowledged (the domain decides), once per step. */
  remindUnacknowledgedCalls(input: CallSheetRef & WorkflowStep): Promise<CallSheetStatus>;
  /** Appends `CallEscalated` naming the people still unacknowledged, once per step. */
  escalateUnacknowledgedCalls(input: CallSheetRef & WorkflowStep): Promise<CallSheetStatus>;
}
