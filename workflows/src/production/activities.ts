/**
 * The activities the production workflow needs; `apps/worker` implements them. Only types live here:
 * workflow code never imports an implementation (it would drag I/O into the sandbox).
 */

/** Identifies one step of a workflow: with the workflow id it makes the append's idempotency key. */
export interface WorkflowStep {
  /** Stable name of the step within the workflow, e.g. `open-planning`. Never reuse one for another append. */
  readonly step: string;
}

/** What an append activity reports back to the workflow (JSON-safe: no bigint in workflow history). */
export interface AppendedEvents {
  readonly streamId: string;
  /** The stream's version after the append. */
  readonly streamVersion: number;
  /** True when an earlier attempt of this step had already appended: nothing was written this time. */
  readonly duplicate: boolean;
}

export interface ProductionActivities {
  /** Appends `ProductionPlanningOpened` to the production's stream, once per workflow step. */
  openPlanning(input: WorkflowStep & { readonly productionId: string }): Promise<AppendedEvents>;
  /** Appends `ProductionClosed` to the production's stream, once per workflow step. */
  closeProduction(input: WorkflowStep & { readonly productionId: string }): Promise<AppendedEvents>;
}
