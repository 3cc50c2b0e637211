import type { CommentAudience, CommentItem, CommunicationEvents, Role } from '@panggung/contracts';
import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../core/errors.ts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';
import { mentionedIn } from './mentions.ts';
import { canSeeThread } from './visibility.ts';

/** One stream per production holds every comment thread of its items. */
export const commentsStream = (productionId: string): string => `comments-${productionId}`;

export const COMMENT_TEXT_MAX = 4000;

/** Who writes: roles in the production and, for vendors and clients, their company. */
export interface CommentAuthor {
  readonly personId: string;
  readonly roles: readonly Role[];
  readonly partyId?: string | undefined;
}

/** A production member as mention checks see them: may they see the thread? */
export interface MentionableMember {
  readonly personId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly partyId?: string | undefined;
}

interface Writing {
  readonly productionId: string;
  readonly commentId: string;
  readonly author: CommentAuthor;
  /** The thread's audience now (the API derives it from the item). */
  readonly audience: CommentAudience;
}

export type CommentCommand =
  | Command<
      'PostComment',
      Writing & {
        readonly item: CommentItem;
        readonly parentId?: string | undefined;
        readonly text: string;
        readonly mentions?: readonly string[] | undefined;
        readonly members: readonly MentionableMember[];
      }
    >
  | Command<
      'EditComment',
      Writing & {
        readonly text: string;
        readonly mentions?: readonly string[] | undefined;
        readonly members: readonly MentionableMember[];
      }
    >
  | Command<'DeleteComment', Writing>;

export type CommentEvent =
  | DomainEvent<'CommentPosted', CommunicationEvents.CommentPosted>
  | DomainEvent<'CommentEdited', CommunicationEvents.CommentEdited>
  | DomainEvent<'CommentDeleted', CommunicationEvents.CommentDeleted>;

export const COMMENT_EVENT_TYPES: ReadonlySet<string> = new Set<CommentEvent['type']>([
  'CommentPosted',
  'CommentEdited',
  'CommentDeleted',
]);

export interface CommentRecord {
  readonly item: CommentItem;
  readonly authorId: string;
  readonly parentId: string | undefined;
  readonly text: string;
  readonly mentions: readonly string[];
  readonly deleted: boolean;
}

export interface CommentsState {
  readonly comments: ReadonlyMap<string, CommentRecord>;
}

export const initialCommentsState: CommentsState = { comments: new Map() };

export function evolveComments(state: CommentsState, event: CommentEvent): CommentsState {
  const comments = new Map(state.comments);
  const current = comments.get(event.data.commentId);
  switch (event.type) {
    case 'CommentPosted': {
      const { item, authorId, parentId, text, mentions } = event.data;
      comments.set(event.data.commentId, { item, authorId, parentId, text, mentions, deleted: false });
      break;
    }
    case 'CommentEdited':
      if (current)
        comments.set(event.data.commentId, {
          ...current,
          text: event.data.text,
          mentions: event.data.mentions,
        });
      break;
    case 'CommentDeleted':
      if (current) comments.set(event.data.commentId, { ...current, text: '', mentions: [], deleted: true });
      break;
    default:
      return assertNever(event);
  }
  return { comments };
}

/** Plain text: trimmed, 1–4000 characters, no control characters but line breaks and tabs. */
function checkedText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new ValidationError('A comment needs some text', 'text');
  if (trimmed.length > COMMENT_TEXT_MAX)
    throw new ValidationError(`A comment is at most ${COMMENT_TEXT_MAX} characters`, 'text');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(trimmed))
    throw new ValidationError('A comment is plain text: no control characters', 'text');
  return trimmed;
}

/** Mentions from the text and the `mentions` field, each a member who can see the thread. */
function checkedMentions(
  text: string,
  extra: readonly string[] | undefined,
  members: readonly MentionableMember[],
  audience: CommentAudience,
): string[] {
  const ids = [...new Set([...mentionedIn(text), ...(extra ?? []).map((id) => id.toLowerCase())])];
  for (const id of ids) {
    const member = members.find((m) => m.personId.toLowerCase() === id);
    if (!member)
      throw new ValidationError(`Mentioned person ${id} is not a member of this production`, 'mentions');
    if (!canSeeThread(audience, member))
      throw new ValidationError(
        `${member.name} (${id}) cannot see this thread, so cannot be mentioned`,
        'mentions',
      );
  }
  return ids.map((id) => members.find((m) => m.personId.toLowerCase() === id)?.personId ?? id);
}

function mayWrite(author: CommentAuthor, audience: CommentAudience): void {
  if (!canSeeThread(audience, author))
    throw new ForbiddenError('Your roles in this production do not allow taking part in this thread');
}

function ownComment(state: CommentsState, commentId: string, author: CommentAuthor, verb: string) {
  const comment = state.comments.get(commentId);
  if (!comment) throw new NotFoundError(`Comment ${commentId} was not found`, 'commentId');
  if (comment.authorId !== author.personId)
    throw new ForbiddenError(`Only its author may ${verb} a comment`, 'commentId');
  if (comment.deleted) throw new IllegalStateError('This comment was deleted', 'commentId');
  return comment;
}

/**
 * Posting, editing and deleting comments. Refusals: empty, too long or non-plain text (400), a mention of
 * a non-member or of somebody who cannot see the thread (400), a thread the author may not take part in
 * (403), another person's comment (403), a missing comment or parent (404), a deleted one (409).
 */
export function decideComments(command: CommentCommand, state: CommentsState): CommentEvent[] {
  const { productionId, commentId, author, audience } = command.data;
  const at = command.metadata.now;
  mayWrite(author, audience);
  switch (command.type) {
    case 'PostComment': {
      const { item, parentId: askedParent, members } = command.data;
      if (state.comments.has(commentId))
        throw new IllegalStateError(`Comment ${commentId} already exists`, 'commentId');
      const text = checkedText(command.data.text);
      let parentId: string | undefined;
      if (askedParent !== undefined) {
        const parent = state.comments.get(askedParent);
        if (!parent) throw new NotFoundError(`Comment ${askedParent} was not found`, 'parentId');
        if (parent.item.kind !== item.kind || parent.item.id !== item.id)
          throw new ValidationError('A reply belongs to the thread of the comment it answers', 'parentId');
        if (parent.deleted) throw new IllegalStateError('Cannot reply to a deleted comment', 'parentId');
        // Threads are one level deep: a reply to a reply joins its root.
        parentId = parent.parentId ?? askedParent;
      }
      const mentions = checkedMentions(text, command.data.mentions, members, audience);
      return [
        {
          type: 'CommentPosted',
          data: {
            productionId,
            commentId,
            item: { kind: item.kind, id: item.id },
            authorId: author.personId,
            audience,
            ...(parentId ? { parentId } : {}),
            text,
            mentions,
            postedAt: at,
          },
        },
      ];
    }
    case 'EditComment': {
      const comment = ownComment(state, commentId, author, 'edit');
      const text = checkedText(command.data.text);
      const mentions = checkedMentions(text, command.data.mentions, command.data.members, audience);
      const same = (a: readonly string[], b: readonly string[]) =>
        a.length === b.length && a.every((id) => b.includes(id));
      if (text === comment.text && same(mentions, comment.mentions)) return [];
      return [
        {
          type: 'CommentEdited',
          data: {
            productionId,
            commentId,
            item: comment.item,
            authorId: author.personId,
            audience,
            text,
            mentions,
            newMentions: mentions.filter((id) => !comment.mentions.includes(id)),
            editedAt: at,
          },
        },
      ];
    }
    case 'DeleteComment': {
      const comment = ownComment(state, commentId, author, 'delete');
      return [
        {
          type: 'CommentDeleted',
          data: {
            productionId,
            commentId,
            item: comment.item,
            authorId: author.personId,
            audience,
            deletedAt: at,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

/** The people taking part in a comment's thread root: its author and everyone who replied to it. */
export function threadParticipants(state: CommentsState, rootId: string): string[] {
  const people = new Set<string>();
  for (const [id, comment] of state.comments)
    if (id === rootId || comment.parentId === rootId) people.add(comment.authorId);
  return [...people];
}
