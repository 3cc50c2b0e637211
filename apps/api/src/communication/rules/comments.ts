import type { CommunicationEvents, Role } from '@panggung/contracts';
import { canSeeThread, plainExcerpt } from '@panggung/domain';
import { sql } from 'kysely';
import { personName, type NotificationDraft, type NotificationRules } from './rule.ts';

/**
 * Comments: a mention notifies the mentioned person (on posting, and on an edit only the newly
 * mentioned); a reply notifies the thread's participants (its root's author and everyone who replied),
 * except the author and those already notified of a mention. Nobody is notified of a thread they cannot see.
 */
export const commentRules: NotificationRules = {
  source: 'comments',
  eventTypes: new Set(['CommentPosted', 'CommentEdited']),
  async notify(event, trx) {
    const data = event.data as unknown as
      CommunicationEvents.CommentPosted | CommunicationEvents.CommentEdited;
    const mentioned =
      event.type === 'CommentEdited'
        ? (data as CommunicationEvents.CommentEdited).newMentions
        : data.mentions;
    const parentId =
      event.type === 'CommentPosted' ? (data as CommunicationEvents.CommentPosted).parentId : undefined;
    let participants: string[] = [];
    if (parentId) {
      const rows = await trx
        .selectFrom('comments')
        .select('author_id')
        .distinct()
        .where((eb) => eb.or([eb('id', '=', parentId), eb('parent_id', '=', parentId)]))
        .execute();
      participants = rows.map((row) => row.author_id);
    }
    const wanted = new Set([...mentioned, ...participants]);
    wanted.delete(data.authorId);
    if (wanted.size === 0) return [];
    // Roles now: somebody who left the production or lost the thread is not told about it.
    const roles = await trx
      .selectFrom('production_members')
      .innerJoin('people', 'people.id', 'production_members.person_id')
      .select(['people.id', 'people.party_id', 'production_members.role'])
      .where('production_members.production_id', '=', data.productionId)
      .where('people.id', 'in', [...wanted])
      .execute();
    const admins = await trx
      .selectFrom('people')
      .select('id')
      .where('id', 'in', [...wanted])
      .where(sql<boolean>`'org_admin' = any(organisation_roles)`)
      .execute();
    const mayRead = (personId: string) => {
      if (admins.some((row) => row.id === personId)) return true;
      const held = roles.filter((row) => row.id === personId);
      return canSeeThread(data.audience, {
        personId,
        partyId: held[0]?.party_id ?? undefined,
        roles: held.map((row) => row.role as Role),
      });
    };
    const payload = {
      actorId: data.authorId,
      actorName: (await personName(trx, data.authorId)) ?? '',
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
