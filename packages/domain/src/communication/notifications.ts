import type { CommunicationEvents } from '@panggung/contracts';
import { ValidationError } from '../core/errors.ts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';

/** A person's own stream of read marks (notifications themselves are a read model fed by rules). */
export const notificationsStream = (personId: string): string => `notifications-${personId}`;

export type NotificationCommand = Command<
  'MarkNotificationsRead',
  {
    readonly personId: string;
    readonly ids?: readonly string[] | undefined;
    readonly all?: boolean | undefined;
  }
>;

export type NotificationEvent = DomainEvent<'NotificationsRead', CommunicationEvents.NotificationsRead>;

export const NOTIFICATION_EVENT_TYPES: ReadonlySet<string> = new Set<NotificationEvent['type']>([
  'NotificationsRead',
]);

export type NotificationsState = { readonly marks: number };
export const initialNotificationsState: NotificationsState = { marks: 0 };

export function evolveNotifications(state: NotificationsState, event: NotificationEvent): NotificationsState {
  switch (event.type) {
    case 'NotificationsRead':
      return { marks: state.marks + 1 };
    default:
      return assertNever(event.type);
  }
}

/** Marks some notifications read, or all up to the command's time. Refuses asking for neither. */
export function decideNotifications(
  command: NotificationCommand,
  _state: NotificationsState,
): NotificationEvent[] {
  switch (command.type) {
    case 'MarkNotificationsRead': {
      const { personId, ids, all } = command.data;
      if (all) return [{ type: 'NotificationsRead', data: { personId, upTo: command.metadata.now } }];
      if (!ids || ids.length === 0)
        throw new ValidationError('Name the notifications to mark read, or all of them', 'ids');
      return [{ type: 'NotificationsRead', data: { personId, ids: [...ids] } }];
    }
    default:
      return assertNever(command.type);
  }
}
