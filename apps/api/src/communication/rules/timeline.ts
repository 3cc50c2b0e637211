import type { NotificationKind, NotificationPayload } from '@panggung/contracts';
import {
  assertNever,
  changedTask,
  evolveTimeline,
  initialTimelineState,
  type TimelineEvent,
  type TimelineState,
} from '@panggung/domain';
import { actorPerson, type NotificationRules } from './rule.ts';

/** Somebody to tell about a task: the task it is about and the line the feed shows. */
export interface TaskNotice {
  readonly personId: string;
  readonly kind: Extract<NotificationKind, 'task.assigned' | 'task.predecessor_done'>;
  readonly taskId: string;
  readonly excerpt: string;
}

/**
 * Who hears of a timeline event, given the timeline just before it: a task's new owner when it is added
 * with one or handed to them, and on completion the owners of the unfinished tasks waiting on it. Nobody
 * is told what they did themselves.
 */
export function taskNotices(
  before: TimelineState,
  event: TimelineEvent,
  actorId: string | undefined,
): TaskNotice[] {
  const tasks = before.status === 'planning' ? before.tasks : new Map<string, never>();
  let notices: TaskNotice[];
  switch (event.type) {
    case 'TaskAdded': {
      const { task } = event.data;
      notices = task.ownerId
        ? [{ personId: task.ownerId, kind: 'task.assigned', taskId: task.taskId, excerpt: task.title }]
        : [];
      break;
    }
    case 'TaskUpdated': {
      const { taskId, changes } = event.data;
      const task = tasks.get(taskId);
      const ownerId = changes.ownerId;
      notices =
        task && ownerId && ownerId !== task.ownerId
          ? [{ personId: ownerId, kind: 'task.assigned', taskId, excerpt: changedTask(task, changes).title }]
          : [];
      break;
    }
    case 'TaskCompleted': {
      if (before.status !== 'planning') return [];
      const done = before.tasks.get(event.data.taskId);
      if (!done) return [];
      notices = before.dependencies
        .filter((d) => d.predecessorId === done.taskId)
        .flatMap((d) => {
          const waiting = before.tasks.get(d.successorId);
          if (!waiting?.ownerId || before.progress.get(waiting.taskId)?.status === 'done') return [];
          return [
            {
              personId: waiting.ownerId,
              kind: 'task.predecessor_done' as const,
              taskId: waiting.taskId,
              excerpt: `${done.title} → ${waiting.title}`,
            },
          ];
        });
      break;
    }
    case 'TaskStarted':
    case 'TaskRemoved':
    case 'DependencyAdded':
    case 'DependencyRemoved':
    case 'TemplateApplied':
      return [];
    default:
      return assertNever(event);
  }
  return notices.filter((notice) => notice.personId !== actorId);
}

/** Timeline: a task's owner hears it is theirs, and when the work it waits for is done. */
export const timelineRules: NotificationRules = {
  source: 'timeline',
  eventTypes: new Set(['TaskAdded', 'TaskUpdated', 'TaskCompleted']),
  async notify(event, lookups) {
    if (!event.streamId.startsWith('timeline-')) return [];
    const timelineEvent = { type: event.type, data: event.data } as unknown as TimelineEvent;
    // A new task needs no history; an update or a completion reads the timeline as it stood.
    const before =
      timelineEvent.type === 'TaskAdded'
        ? initialTimelineState
        : await lookups.stateBefore(event, initialTimelineState, evolveTimeline);
    const actorId = actorPerson(event);
    const notices = taskNotices(before, timelineEvent, actorId);
    if (notices.length === 0) return [];
    const productionId = timelineEvent.data.productionId;
    const members = await lookups.membersAmong(
      productionId,
      notices.map((n) => n.personId),
    );
    const actorName = await lookups.personName(actorId);
    return notices
      .filter((notice) => members.has(notice.personId))
      .map((notice) => {
        const payload: NotificationPayload = {
          ...(actorId ? { actorId } : {}),
          ...(actorName ? { actorName } : {}),
          item: { kind: 'task', id: notice.taskId },
          excerpt: notice.excerpt,
        };
        return { personId: notice.personId, productionId, kind: notice.kind, payload };
      });
  },
};
