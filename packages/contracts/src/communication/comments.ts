import { Type, type Static } from 'typebox';
import { Instant, Uuid } from '../common/common.ts';
import { NamedRef } from '../contracts/views.ts';

/** Production items a comment thread can hang on. `production` is the production's own discussion. */
export const CommentItemKind = Type.Union([
  Type.Literal('production'),
  Type.Literal('contract'),
  Type.Literal('task'),
  Type.Literal('call'),
  Type.Literal('cue'),
]);
export type CommentItemKind = Static<typeof CommentItemKind>;
export const COMMENT_ITEM_KINDS: readonly CommentItemKind[] = [
  'production',
  'contract',
  'task',
  'call',
  'cue',
];

/** The item a thread is about: `{ kind: 'contract', id: <contractId> }`; the production thread's id is the production's. */
export const CommentItem = Type.Object({ kind: CommentItemKind, id: Uuid }, { additionalProperties: false });
export type CommentItem = Static<typeof CommentItem>;

/**
 * Who outside the crew may see a thread, decided when a comment is written: a vendor's own contract names
 * its `vendorId`; `client` is true for the production thread and contracts that reached the client's step.
 * Internal roles always see every thread.
 */
export const CommentAudience = Type.Object({ vendorId: Type.Optional(Uuid), client: Type.Boolean() });
export type CommentAudience = Static<typeof CommentAudience>;

/** Plain text, never rendered as markdown or HTML; `@[Name](personId)` marks a mention. */
export const CommentText = Type.String({ minLength: 1, maxLength: 4000 });

const Mentions = Type.Array(Uuid, { maxItems: 50, uniqueItems: true });

export const ThreadParams = Type.Object(
  { id: Uuid, kind: CommentItemKind, itemId: Uuid },
  { additionalProperties: false },
);
export type ThreadParams = Static<typeof ThreadParams>;

export const CommentParams = Type.Object({ id: Uuid, commentId: Uuid }, { additionalProperties: false });
export type CommentParams = Static<typeof CommentParams>;

export const PostCommentBody = Type.Object(
  {
    text: CommentText,
    /** Reply to this comment (a reply to a reply joins the same thread root). */
    parentId: Type.Optional(Uuid),
    /** People to mention besides those written `@[Name](personId)` in the text. */
    mentions: Type.Optional(Mentions),
  },
  { additionalProperties: false },
);
export type PostCommentBody = Static<typeof PostCommentBody>;

export const EditCommentBody = Type.Object(
  { text: CommentText, mentions: Type.Optional(Mentions) },
  { additionalProperties: false },
);
export type EditCommentBody = Static<typeof EditCommentBody>;

/** One comment as a thread shows it; a deleted comment keeps its place but not its text. */
export const Comment = Type.Object({
  id: Uuid,
  productionId: Uuid,
  item: CommentItem,
  parentId: Type.Optional(Uuid),
  author: NamedRef,
  text: Type.Optional(Type.String()),
  mentions: Type.Array(NamedRef),
  deleted: Type.Boolean(),
  createdAt: Instant,
  editedAt: Type.Optional(Instant),
});
export type Comment = Static<typeof Comment>;

export const CommentThread = Type.Object({
  productionId: Uuid,
  item: CommentItem,
  /** Oldest first; replies carry `parentId`. */
  comments: Type.Array(Comment),
  /** Who can be mentioned here: the production's members who can see this thread. */
  members: Type.Array(NamedRef),
});
export type CommentThread = Static<typeof CommentThread>;
