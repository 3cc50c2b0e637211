import type { Notification } from '@panggung/contracts';
import { formatCalendarDate, formatDateTime, DEFAULT_TIME_ZONE } from '../format/dates.ts';
import { formatRupiah } from '../format/money.ts';
import type { Locale, MessageKey, Params, Translate } from '../i18n/translate.ts';
import { contractHref, hrefOf, type Section } from '../router/routes.ts';

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
    case 'call.published':
      return 'notifications.callPublished';
    case 'call.reacknowledge':
      return 'notifications.callReacknowledge';
    case 'call.removed':
      return 'notifications.callRemoved';
    case 'call.reminder':
      return 'notifications.callReminder';
    case 'call.escalated':
      return 'notifications.callEscalated';
    case 'milestone.reminder':
      return 'notifications.milestoneReminder';
    case 'phase.forced':
      return 'notifications.phaseForced';
    case 'settlement.opened':
      return 'notifications.settlementOpened';
    case 'budget.committed_over_estimate':
      return 'notifications.budgetCommittedOver';
    case 'budget.actual_over_estimate':
      return 'notifications.budgetActualOver';
    case 'budget.overrun_approved':
      return 'notifications.budgetOverrunApproved';
    case 'checklist.reopened':
      return 'notifications.checklistReopened';
    case 'rehearsal.issue_recorded':
      return 'notifications.rehearsalIssue';
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

/** The values a notification's message fills in: names, the day, labels and Rupiah, in the reader's language. */
export function notificationParams(notification: Notification, t: Translate, locale: Locale): Params {
  const { actorName, day, dueAt, phase, category, department, amount, estimate } = notification.payload;
  return {
    name: actorName ?? '',
    ...(day ? { day: formatCalendarDate(day, locale) } : {}),
    ...(dueAt ? { due: formatDateTime(dueAt, DEFAULT_TIME_ZONE, locale) } : {}),
    ...(phase ? { phase: t(`status.${phase}`) } : {}),
    ...(category ? { category: t(`category.${category}`) } : {}),
    ...(department ? { department: t(`department.${department}`) } : {}),
    ...(amount !== undefined ? { amount: formatRupiah(amount) } : {}),
    ...(estimate !== undefined ? { estimate: formatRupiah(estimate) } : {}),
  };
}

/** The section a capability's own news leads to (a comment stays with its discussion). */
function sectionOf(kind: Notification['kind']): Section | undefined {
  const [source] = kind.split('.');
  switch (source) {
    case 'task':
    case 'milestone':
      return 'timeline';
    case 'transport':
      return 'logistics';
    case 'call':
      return 'crew';
    case 'budget':
    case 'settlement':
      return 'budget';
    case 'checklist':
    case 'rehearsal':
      return 'technical';
    case 'incident':
      return 'incidents';
    default:
      return undefined;
  }
}

/**
 * Where a notification leads: the contract's page, the capability's page for its own news (the timeline
 * for a task's, logistics for a transport run's, the crew schedule for a call's…), or the production
 * (whose overview holds its discussion and its phase).
 */
export function notificationHref(notification: Notification): string {
  const item = notification.payload.item;
  if (item?.kind === 'contract') return contractHref(notification.productionId, item.id);
  const section = sectionOf(notification.kind);
  if (section) return hrefOf({ name: 'production', id: notification.productionId, section });
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
