import type { CommunicationEvents } from '@panggung/contracts';
import { canSeeThread, plainExcerpt } from '@panggung/domain';
import type { NotificationDraft, NotificationRules } from './rule.ts';

/**
 * Comments: a mention notifies the mentioned person (on posting, and on an edit only the newly
 * mentioned); a reply notifies the thread's participants (its root's author and everyone who replied),
 * except the author and those already notified of a mention. Nobody is notified of a thread they cannot see.
 */
export const commentRules: NotificationRules = {
  source: 'comments',
  eventTypes: new Set(['CommentPosted', 'CommentEdited']),
  async notify(event, lookups) {
    const data = event.data as unknown as
      CommunicationEvents.CommentPosted | CommunicationEvents.CommentEdited;
    const mentioned =
      event.type === 'CommentEdited'
        ? (data as CommunicationEvents.CommentEdited).newMentions
        : data.mentions;
    const parentId =
      event.type === 'CommentPosted' ? (data as CommunicationEvents.CommentPosted).parentId : undefined;
    const participants = parentId ? lookups.threads.authors(parentId) : [];
    const wanted = new Set([...mentioned, ...participants]);
    wanted.delete(data.authorId);
    if (wanted.size === 0) return [];
    // Roles now: somebody who left the production or lost the thread is not told about it.
    const people = await lookups.people(wanted);
    const members = await lookups.members(data.productionId);
    const mayRead = (personId: string) => {
      const person = people.get(personId);
      if (person?.orgAdmin) return true;
      // A member's roles count only with their person known (as a join of members and people would).
      const held = person ? members.filter((member) => member.personId === personId) : [];
      return canSeeThread(data.audience, {
        personId,
        partyId: held.length > 0 ? (person?.partyId ?? undefined) : undefined,
        roles: held.map((member) => member.role),
      });
    };
    const payload = {
      actorId: data.authorId,
      actorName: (await lookups.personName(data.authorId)) ?? '',
      item: data.item,
      commentId: data.commentId,
      excerpt: plainExcerpt(data.text),
    };
    const drafts: NotificationDraft[] = [];
    for (const personId of wanted) {
      if (!mayRead(personId)) continue;
      const kind = mentioned.includes(personId) ? 'comment.mention' : 'comment.reply';
      drafts.push({ personId, productionId: data.productionId, kind, payload });
    }
    return drafts;
  },
};
