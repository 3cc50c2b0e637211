import type { ApprovalInboxItem, ContractEvents, LiveEvent } from '@panggung/contracts';

/** Contract events that open, move or close a step, i.e. change somebody's inbox. */
const INBOX_EVENTS = new Set([
  'ApprovalStepOpened',
  'ApprovalStepApproved',
  'ApprovalStepDelegated',
  'ApprovalReminderSent',
  'ApprovalEscalated',
  'ContractRejected',
  'ContractSentBack',
  'ContractWithdrawn',
  'ContractSigned',
]);

export const touchesInbox = (event: LiveEvent) => INBOX_EVENTS.has(event.type);

/**
 * Whether an inbox the API answered already shows a live event (the read model may lag the live stream
 * by a moment): a step opened for, delegated to or escalated to `me` is there; a step decided, delegated
 * away or ended is gone. Events that say nothing about `me`'s inbox count as shown.
 */
export function inboxShows(items: readonly ApprovalInboxItem[], event: LiveEvent, me: string): boolean {
  const data = event.data as { contractId: string; step?: string };
  const item = items.find((i) => i.contractId === data.contractId);
  switch (event.type) {
    case 'ApprovalStepOpened': {
      const opened = event.data as ContractEvents.ApprovalStepOpened;
      return opened.assigneeId !== me || item?.step === opened.step;
    }
    case 'ApprovalStepDelegated': {
      const delegated = event.data as ContractEvents.ApprovalStepDelegated;
      if (delegated.to === me) return item !== undefined;
      if (delegated.from === me) return item === undefined;
      return true;
    }
    case 'ApprovalEscalated': {
      const escalated = event.data as ContractEvents.ApprovalEscalated;
      return escalated.escalatedTo !== me || item?.escalated === true;
    }
    case 'ApprovalReminderSent':
      return item === undefined || item.reminded;
    case 'ApprovalStepApproved':
      return item === undefined || item.step !== data.step;
    case 'ContractRejected':
    case 'ContractSentBack':
    case 'ContractWithdrawn':
    case 'ContractSigned':
      return item === undefined;
    default:
      return true;
  }
}

/** Where a waiting step stands against its deadlines. */
export type Urgency = 'waiting' | 'overdue' | 'escalated';

export function urgencyOf(
  item: Pick<ApprovalInboxItem, 'dueAt' | 'escalated' | 'reminded'>,
  now: Date,
): Urgency {
  if (item.escalated) return 'escalated';
  if (item.reminded || Date.parse(item.dueAt) <= now.getTime()) return 'overdue';
  return 'waiting';
}
