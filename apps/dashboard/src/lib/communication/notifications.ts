import type { Notification } from '@panggung/contracts';
import type { MessageKey } from '../i18n/translate.ts';
import { contractHref, hrefOf } from '../router/routes.ts';

/** Newest first, each once: what the feed shows after a page or a live notification arrives. */
export function mergeNotifications(
  current: readonly Notification[],
  incoming: readonly Notification[],
): Notification[] {
  const byId = new Map<string, Notification>();
  for (const n of [...incoming, ...current]) if (!byId.has(n.id)) byId.set(n.id, n);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The message key that says what happened. */
export function notificationKey(notification: Notification): MessageKey {
  switch (notification.kind) {
    case 'comment.mention':
      return 'notifications.mention';
    case 'comment.reply':
      return 'notifications.reply';
    case 'contract.approval_requested':
      return 'notifications.approvalRequested';
    case 'contract.signed':
      return 'notifications.contractSigned';
    case 'task.assigned':
      return 'notifications.taskAssigned';
    case 'task.predecessor_done':
      return 'notifications.taskPredecessorDone';
    case 'transport.assigned':
      return 'notifications.transportAssigned';
    case 'transport.cancelled':
      return 'notifications.transportCancelled';
    case 'incident.assigned':
      return 'notifications.incidentAssigned';
    case 'incident.escalated':
      return 'notifications.incidentEscalated';
    default: {
      const never: never = notification.kind;
      return never;
    }
  }
}

/**
 * Where a notification leads: the contract's page, the timeline for a task's news, logistics for a
 * transport run's, or the production (whose overview holds its discussion).
 */
export function notificationHref(notification: Notification): string {
  const item = notification.payload.item;
  if (item?.kind === 'contract') return contractHref(notification.productionId, item.id);
  // A comment on a task stays with its discussion; a task's own news leads to the timeline.
  if (notification.kind === 'task.assigned' || notification.kind === 'task.predecessor_done')
    return hrefOf({ name: 'production', id: notification.productionId, section: 'timeline' });
  if (notification.kind === 'transport.assigned' || notification.kind === 'transport.cancelled')
    return hrefOf({ name: 'production', id: notification.productionId, section: 'logistics' });
  if (notification.kind === 'incident.assigned' || notification.kind === 'incident.escalated')
    return hrefOf({ name: 'production', id: notification.productionId, section: 'incidents' });
  if (notification.payload.contractId)
    return contractHref(notification.productionId, notification.payload.contractId);
  return hrefOf({ name: 'production', id: notification.productionId, section: 'overview' });
}

/** The notifications after some were read, and the unread count that follows. */
export function markedRead(
  list: readonly Notification[],
  ids: readonly string[] | 'all',
  at: string,
): Notification[] {
  return list.map((n) => (!n.readAt && (ids === 'all' || ids.includes(n.id)) ? { ...n, readAt: at } : n));
}
