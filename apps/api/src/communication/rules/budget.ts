import type { NotificationKind, NotificationPayload } from '@panggung/contracts';
import { assertNever, type BudgetEvent } from '@panggung/domain';
import { actorPerson, type NotificationRules } from './rule.ts';
import { deliverable, holding, type Notice, type Roster } from './roster.ts';

type BudgetKind = Extract<
  NotificationKind,
  'budget.committed_over_estimate' | 'budget.actual_over_estimate' | 'budget.overrun_approved'
>;

/** Somebody to tell about a budget category, and the payload's own part. */
export interface BudgetNotice extends Notice<BudgetKind> {
  readonly payload: NotificationPayload;
}

/**
 * Who hears of a budget event: a category's committed or actual amount crossing its estimate, and an
 * overrun accepted, tell the production managers and the finance approvers (the budget is theirs).
 * Only people on the roster, never the person who acted (for an approval, the approver).
 */
export function budgetNotices(
  event: BudgetEvent,
  roster: Roster,
  actorId: string | undefined,
): BudgetNotice[] {
  const people = holding(roster, 'production_manager', 'finance_approver');
  const to = (kind: BudgetKind, payload: NotificationPayload, except: string | undefined) =>
    deliverable(
      people.map((personId) => ({ personId, kind, payload })),
      roster,
      actorId,
    ).filter((notice) => notice.personId !== except);
  switch (event.type) {
    case 'BudgetAlertRaised': {
      const { category, kind, estimate, amount } = event.data;
      const notified: BudgetKind =
        kind === 'committed_over_estimate' ? 'budget.committed_over_estimate' : 'budget.actual_over_estimate';
      return to(notified, { category, estimate, amount }, undefined);
    }
    case 'BudgetOverrunApproved': {
      const { category, reason, estimate, committed, actual, approvedBy } = event.data;
      const payload = { category, estimate, amount: Math.max(committed, actual), excerpt: reason };
      return to('budget.overrun_approved', payload, approvedBy);
    }
    case 'BudgetEstimateSet':
    case 'BudgetCommitted':
    case 'PaymentRecorded':
      return [];
    default:
      return assertNever(event);
  }
}

/** Budget: alerts when a category goes over, and accepted overruns. */
export const budgetRules: NotificationRules = {
  source: 'budget',
  eventTypes: new Set(['BudgetAlertRaised', 'BudgetOverrunApproved']),
  async notify(event, lookups) {
    if (!event.streamId.startsWith('budget-')) return [];
    const budgetEvent = { type: event.type, data: event.data } as unknown as BudgetEvent;
    const productionId = budgetEvent.data.productionId;
    const actorId = actorPerson(event);
    const notices = budgetNotices(budgetEvent, await lookups.roster(productionId), actorId);
    if (notices.length === 0) return [];
    const actorName = await lookups.personName(actorId);
    return notices.map((notice) => ({
      personId: notice.personId,
      productionId,
      kind: notice.kind,
      payload: {
        ...(actorId ? { actorId } : {}),
        ...(actorName ? { actorName } : {}),
        ...notice.payload,
      },
    }));
  },
};
