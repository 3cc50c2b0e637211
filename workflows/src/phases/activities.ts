import type { DueMilestone, GateFacts, PhaseEvent } from '@panggung/domain';
import type { AppendedEvents, WorkflowStep } from '../production/activities.ts';

/**
 * The activities the production workflow's phase machine needs; `apps/worker` implements them. Only
 * types here: workflow code never imports an implementation.
 */
export interface PhaseActivities {
  /** Reads the production's streams and folds them into the plain facts the gates judge. */
  gatherGateFacts(input: { readonly productionId: string }): Promise<GateFacts>;
  /** Appends the phase change (decided by the workflow) to the production's stream, once per step. */
  changePhase(
    input: WorkflowStep & {
      readonly productionId: string;
      readonly events: readonly PhaseEvent[];
      /** `person:<id>` of who asked for the change. */
      readonly actor: string;
    },
  ): Promise<AppendedEvents>;
  /** The timeline's milestones with a due time, soonest first (folded from `timeline-<id>`). */
  upcomingMilestones(input: { readonly productionId: string }): Promise<DueMilestone[]>;
  /** Appends `MilestoneReminderSent` to the production's phases stream, once per step. */
  sendMilestoneReminder(
    input: WorkflowStep & {
      readonly productionId: string;
      readonly milestone: DueMilestone;
      readonly leadMs: number;
    },
  ): Promise<AppendedEvents>;
  /** Lists the signed contracts' unpaid payment milestones and appends `SettlementOpened`, once per step. */
  openSettlement(input: WorkflowStep & { readonly productionId: string }): Promise<AppendedEvents>;
}
