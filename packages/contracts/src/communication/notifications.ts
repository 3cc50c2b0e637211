import { Type, type Static } from 'typebox';
import { Instant, Uuid } from '../common/common.ts';
import { CommentItem } from './comments.ts';

export const NotificationKind = Type.Union([
  Type.Literal('comment.mention'),
  Type.Literal('comment.reply'),
  Type.Literal('contract.approval_requested'),
  Type.Literal('contract.signed'),
  Type.Literal('task.assigned'),
  Type.Literal('task.predecessor_done'),
  Type.Literal('transport.assigned'),
  Type.Literal('transport.cancelled'),
  Type.Literal('incident.assigned'),
  Type.Literal('incident.escalated'),
]);
export type NotificationKind = Static<typeof NotificationKind>;

/** What a notification points at and says; every field optional, by kind. */
export const NotificationPayload = Type.Object({
  actorId: Type.Optional(Uuid),
  actorName: Type.Optional(Type.String()),
  item: Type.Optional(CommentItem),
  commentId: Type.Optional(Uuid),
  contractId: Type.Optional(Uuid),
  step: Type.Optional(Type.String()),
  /** A transport run the notification is about (logistics). */
  runId: Type.Optional(Uuid),
  /** An incident the notification is about (incidents). */
  incidentId: Type.Optional(Uuid),
  /**
   * The first characters of a comment, mentions written as `@Name`; for a task the task's title, for a
   * transport run its route.
   */
  excerpt: Type.Optional(Type.String()),
});
export type NotificationPayload = Static<typeof NotificationPayload>;

export const Notification = Type.Object({
  id: Uuid,
  productionId: Uuid,
  kind: NotificationKind,
  payload: NotificationPayload,
  createdAt: Instant,
  readAt: Type.Optional(Instant),
});
export type Notification = Static<typeof Notification>;

export const NotificationsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    /** `nextCursor` of the previous page. */
    cursor: Type.Optional(Type.String({ pattern: '^\\d{1,19}$' })),
  },
  { additionalProperties: false },
);
export type NotificationsQuery = Static<typeof NotificationsQuery>;

export const NotificationsPage = Type.Object({
  /** Newest first. */
  items: Type.Array(Notification),
  nextCursor: Type.Optional(Type.String()),
  unread: Type.Integer({ minimum: 0 }),
});
export type NotificationsPage = Static<typeof NotificationsPage>;

export const MarkNotificationsReadBody = Type.Union([
  Type.Object(
    { ids: Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true }) },
    { additionalProperties: false },
  ),
  Type.Object({ all: Type.Literal(true) }, { additionalProperties: false }),
]);
export type MarkNotificationsReadBody = Static<typeof MarkNotificationsReadBody>;

export const NotificationsReadResult = Type.Object({ unread: Type.Integer({ minimum: 0 }) });
export type NotificationsReadResult = Static<typeof NotificationsReadResult>;
