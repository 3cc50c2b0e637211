import { Type, type Static } from 'typebox';
import { Department } from '../access/roles.ts';
import { Amount, Instant, Uuid } from '../common/common.ts';
import { CalendarDate } from '../contracts/contracts.ts';
import { ProductionStatus } from '../productions/productions.ts';
import { VendorCategory } from '../vendors/vendors.ts';
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
  /** Crew: a call of yours on a day is published for the first time (acknowledge it). */
  Type.Literal('call.published'),
  /** Crew: your published call changed; acknowledge it again. */
  Type.Literal('call.reacknowledge'),
  /** Crew: your call on a day was taken off its republished sheet. */
  Type.Literal('call.removed'),
  Type.Literal('call.reminder'),
  /** Crew, for managers: calls still unacknowledged at the escalation deadline (`personIds`). */
  Type.Literal('call.escalated'),
  Type.Literal('milestone.reminder'),
  /** A manager forced a phase gate (`phase` entered, `excerpt` the reason). */
  Type.Literal('phase.forced'),
  Type.Literal('settlement.opened'),
  Type.Literal('budget.committed_over_estimate'),
  Type.Literal('budget.actual_over_estimate'),
  Type.Literal('budget.overrun_approved'),
  Type.Literal('checklist.reopened'),
  Type.Literal('rehearsal.issue_recorded'),
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
  /** The Jakarta day of a call sheet (crew). */
  day: Type.Optional(CalendarDate),
  /** The people a notification names, e.g. whose calls were escalated. */
  personIds: Type.Optional(Type.Array(Uuid)),
  /** A milestone's due time (phases). */
  dueAt: Type.Optional(Instant),
  /** The phase a forced gate entered. */
  phase: Type.Optional(ProductionStatus),
  /** The budget category (budget). */
  category: Type.Optional(VendorCategory),
  /** A budget figure: the committed or actual amount over its estimate, or what a settlement has to pay. */
  amount: Type.Optional(Amount),
  estimate: Type.Optional(Amount),
  /** The department a technical notification is about. */
  department: Type.Optional(Department),
  /** A rehearsal issue (technical). */
  issueId: Type.Optional(Uuid),
  /** An incident the notification is about (incidents). */
  incidentId: Type.Optional(Uuid),
  /**
   * The first characters of a comment, mentions written as `@Name`; for a task the task's title, for a
   * transport run its route; the names of escalated people; a forced gate's or an approved overrun's
   * reason; a rehearsal issue's description.
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
