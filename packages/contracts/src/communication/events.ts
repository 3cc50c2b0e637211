import { Type, type Static } from 'typebox';
import { Instant, Uuid } from '../common/common.ts';
import { CommentAudience, CommentItem } from './comments.ts';

/** Event payloads of the `comments-<productionId>` stream. Each carries its thread's audience for the live stream. */
const CommentRef = {
  productionId: Uuid,
  commentId: Uuid,
  item: CommentItem,
  authorId: Uuid,
  audience: CommentAudience,
};

export const CommentPosted = Type.Object({
  ...CommentRef,
  parentId: Type.Optional(Uuid),
  text: Type.String(),
  mentions: Type.Array(Uuid),
  postedAt: Instant,
});
export type CommentPosted = Static<typeof CommentPosted>;

export const CommentEdited = Type.Object({
  ...CommentRef,
  text: Type.String(),
  mentions: Type.Array(Uuid),
  /** Mentioned now but not before: only they are notified of the edit. */
  newMentions: Type.Array(Uuid),
  editedAt: Instant,
});
export type CommentEdited = Static<typeof CommentEdited>;

/** Soft delete: the comment keeps its place in the thread, its text is no longer shown. */
export const CommentDeleted = Type.Object({ ...CommentRef, deletedAt: Instant });
export type CommentDeleted = Static<typeof CommentDeleted>;

/** A person marked notifications read (stream `notifications-<personId>`): these ids, or all up to `upTo`. */
export const NotificationsRead = Type.Object({
  personId: Uuid,
  ids: Type.Optional(Type.Array(Uuid)),
  upTo: Type.Optional(Instant),
});
export type NotificationsRead = Static<typeof NotificationsRead>;
