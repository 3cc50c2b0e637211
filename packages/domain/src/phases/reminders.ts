import type { TimelineState } from '../timeline/timeline.ts';

/** Reminders go this long before a milestone's due time unless the workflow is told otherwise. */
export const DEFAULT_MILESTONE_REMINDER_LEAD_MS = 24 * 3_600_000;

/** A timeline milestone with a due time: what the phase workflow reminds of. */
export interface DueMilestone {
  readonly taskId: string;
  readonly title: string;
  readonly ownerId?: string | undefined;
  readonly dueAt: string;
}

/** The key a reminder is recorded under: a milestone moved to another time is reminded again. */
export const reminderKey = (milestone: Pick<DueMilestone, 'taskId' | 'dueAt'>): string =>
  `${milestone.taskId}@${milestone.dueAt}`;

/** The timeline's milestones that have a due time and are not reached yet, soonest first. */
export function dueMilestones(state: TimelineState): DueMilestone[] {
  if (state.status === 'empty') return [];
  return [...state.tasks.values()]
    .filter(
      (task) =>
        task.kind === 'milestone' &&
        task.dueAt !== undefined &&
        state.progress.get(task.taskId)?.status !== 'done',
    )
    .map(({ taskId, title, ownerId, dueAt }) => ({
      taskId,
      title,
      ...(ownerId ? { ownerId } : {}),
      dueAt: dueAt!,
    }))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

/**
 * The next reminder to send: the milestone, not yet reminded and not yet due, whose reminder time
 * (`dueAt − leadMs`) comes first, with that time (it may already have passed: send at once).
 * Undefined when there is nothing left to remind of.
 */
export function nextMilestoneReminder(
  milestones: readonly DueMilestone[],
  reminded: ReadonlySet<string>,
  leadMs: number,
  nowMs: number,
): { milestone: DueMilestone; remindAtMs: number } | undefined {
  let next: { milestone: DueMilestone; remindAtMs: number } | undefined;
  for (const milestone of milestones) {
    const dueMs = Date.parse(milestone.dueAt);
    if (Number.isNaN(dueMs) || dueMs <= nowMs || reminded.has(reminderKey(milestone))) continue;
    const remindAtMs = dueMs - leadMs;
    if (!next || remindAtMs < next.remindAtMs) next = { milestone, remindAtMs };
  }
  return next;
}
