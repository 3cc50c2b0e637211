import { createHash } from 'node:crypto';
import type { CommunicationEvents } from '@panggung/contracts';
import { COMMENT_EVENT_TYPES } from '@panggung/domain';
import type { Projection, StoredEvent } from '@panggung/event-store';
import { sql, type Insertable, type Transaction } from 'kysely';
import type { Database } from '../schema/tables.ts';
import { NOTIFICATION_RULES, NOTIFYING_EVENT_TYPES } from './rules/index.ts';
import { RuleLookups, type CommentThreads } from './rules/lookups.ts';
import type { CommentsTable, NotificationsTable } from './tables.ts';

/** A notification's id from its cause, so a replay makes the same notifications (and no duplicates). */
export function notificationId(eventId: string, personId: string, kind: string): string {
  const hex = createHash('sha1').update(`${eventId}:${personId}:${kind}`).digest('hex');
  // Shaped as a version-5 UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Comment threads and every person's notifications, in one projection so the rules read the comments
 * read model at exactly the event they handle. Read marks are events too (`notifications-<personId>`),
 * so a rebuild keeps what was read.
 */
export const communicationProjection: Projection<Database> = {
  name: 'communication',
  dependsOn: ['productions', 'organisations'], // the rules read the roster (members, admins) and names
  handles: (event) =>
    COMMENT_EVENT_TYPES.has(event.type) ||
    event.type === 'NotificationsRead' ||
    NOTIFYING_EVENT_TYPES.has(event.type),
  async apply(trx, events) {
    // The batch is folded in memory and written with a few multi-row statements (not a few queries per
    // event): a rebuild over a long history is bound by round trips otherwise (bench/RESULTS.md, audit).
    const comments = await CommentBatch.read(trx, events);
    const lookups = new RuleLookups(trx, events, comments);
    const notifications = new NotificationBatch(trx);
    for (const event of events) {
      if (COMMENT_EVENT_TYPES.has(event.type) && event.streamId.startsWith('comments-'))
        comments.apply(event);
      if (event.type === 'NotificationsRead' && event.streamId.startsWith('notifications-')) {
        // A read mark covers the notifications made before it, in this batch too.
        await notifications.flush();
        await applyRead(trx, event);
      }
      for (const rules of NOTIFICATION_RULES) {
        if (!rules.eventTypes.has(event.type)) continue;
        const drafts = await rules.notify(event, lookups);
        for (const draft of drafts)
          notifications.add({
            id: notificationId(event.id, draft.personId, draft.kind),
            person_id: draft.personId,
            production_id: draft.productionId,
            kind: draft.kind,
            payload: JSON.stringify(draft.payload),
            source_event_id: event.id,
            created_at: event.metadata.recordedAt,
          });
      }
    }
    await comments.flush();
    await notifications.flush();
  },
  async reset(trx) {
    await trx.deleteFrom('notifications').execute();
    await trx.deleteFrom('comments').execute();
  },
};

/** Rows per multi-row statement: well under PostgreSQL's 65,535 parameters for these tables. */
const CHUNK = 2_000;

/** The notifications a batch makes, inserted in their order (their `seq` is the feed's). */
class NotificationBatch {
  #rows: Insertable<NotificationsTable>[] = [];
  constructor(private readonly trx: Transaction<Database>) {}

  add(row: Insertable<NotificationsTable>): void {
    this.#rows.push(row);
  }

  async flush(): Promise<void> {
    const rows = this.#rows;
    this.#rows = [];
    // One array per column (`unnest`), in their order: far fewer parameters than a multi-row `values`.
    for (let at = 0; at < rows.length; at += CHUNK) {
      const chunk = rows.slice(at, at + CHUNK);
      const column = <K extends keyof Insertable<NotificationsTable>>(key: K) => chunk.map((row) => row[key]);
      await sql`
        insert into notifications (id, person_id, production_id, kind, payload, source_event_id, created_at)
        select id, person_id, production_id, kind, payload, source_event_id, created_at
        from unnest(
          ${column('id')}::uuid[], ${column('person_id')}::uuid[], ${column('production_id')}::uuid[],
          ${column('kind')}::text[], ${column('payload')}::jsonb[], ${column('source_event_id')}::uuid[],
          ${column('created_at')}::timestamptz[]
        ) with ordinality as n (id, person_id, production_id, kind, payload, source_event_id, created_at, at)
        order by at
        on conflict (id) do nothing
      `.execute(this.trx);
    }
  }
}

/** What edits and deletions set on a comment that was in the table before the batch. */
interface CommentPatch {
  text: string;
  mentions: readonly string[];
  audience?: string;
  edited_at?: string;
  deleted_at?: string;
}

/**
 * A batch's comment events folded in memory: comments posted in it are inserted at the end with their
 * edits and deletions applied, those posted before get one update each. The notification rules see the
 * threads as the table would stand at each event (`authors`): the rows before the batch, read at once for
 * every thread the batch replies to, and the comments posted earlier in the batch.
 */
class CommentBatch implements CommentThreads {
  /** Posted in this batch (the first post of an id wins, as `on conflict do nothing` had it). */
  readonly #posted = new Map<string, Insertable<CommentsTable>>();
  readonly #patches = new Map<string, CommentPatch>();

  private constructor(
    private readonly trx: Transaction<Database>,
    /** Comments from before the batch that the batch posts again or replies to, or replies to those. */
    private readonly before: readonly { id: string; parent_id: string | null; author_id: string }[],
  ) {}

  static async read(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<CommentBatch> {
    const ids = new Set<string>();
    const parents = new Set<string>();
    for (const event of events) {
      if (event.type !== 'CommentPosted' || !event.streamId.startsWith('comments-')) continue;
      const data = event.data as unknown as CommunicationEvents.CommentPosted;
      ids.add(data.commentId);
      if (data.parentId) parents.add(data.parentId);
    }
    if (ids.size === 0) return new CommentBatch(trx, []);
    const rows = await trx
      .selectFrom('comments')
      .select(['id', 'parent_id', 'author_id'])
      .where((eb) =>
        eb.or([
          eb('id', 'in', [...ids, ...parents]),
          ...(parents.size > 0 ? [eb('parent_id', 'in', [...parents])] : []),
        ]),
      )
      .execute();
    return new CommentBatch(trx, rows);
  }

  authors(parentId: string): readonly string[] {
    const authors = new Set<string>();
    for (const row of this.before)
      if (row.id === parentId || row.parent_id === parentId) authors.add(row.author_id);
    for (const row of this.#posted.values())
      if (row.id === parentId || row.parent_id === parentId) authors.add(row.author_id);
    return [...authors];
  }

  apply(event: StoredEvent): void {
    switch (event.type) {
      case 'CommentPosted': {
        const data = event.data as unknown as CommunicationEvents.CommentPosted;
        if (this.#posted.has(data.commentId) || this.before.some((row) => row.id === data.commentId)) return;
        this.#posted.set(data.commentId, {
          id: data.commentId,
          production_id: data.productionId,
          item_kind: data.item.kind,
          item_id: data.item.id,
          parent_id: data.parentId ?? null,
          author_id: data.authorId,
          text: data.text,
          mentions: data.mentions,
          audience: JSON.stringify(data.audience),
          created_at: data.postedAt,
          edited_at: null,
          deleted_at: null,
        });
        return;
      }
      case 'CommentEdited': {
        const data = event.data as unknown as CommunicationEvents.CommentEdited;
        const change = {
          text: data.text,
          mentions: data.mentions,
          audience: JSON.stringify(data.audience),
          edited_at: data.editedAt,
        };
        this.#change(data.commentId, change);
        return;
      }
      case 'CommentDeleted': {
        const data = event.data as unknown as CommunicationEvents.CommentDeleted;
        this.#change(data.commentId, { text: '', mentions: [], deleted_at: data.deletedAt });
        return;
      }
    }
  }

  #change(commentId: string, change: CommentPatch): void {
    const posted = this.#posted.get(commentId);
    if (posted) Object.assign(posted, change);
    else this.#patches.set(commentId, { ...this.#patches.get(commentId), ...change });
  }

  /** The updates first: they are of rows from before the batch, never of the ones it inserts. */
  async flush(): Promise<void> {
    const patches = [...this.#patches];
    for (let at = 0; at < patches.length; at += CHUNK) {
      const values = patches
        .slice(at, at + CHUNK)
        .map(
          ([id, p]) =>
            sql`(${id}::uuid, ${p.text}::text, ${p.mentions}::uuid[], ${p.audience ?? null}::jsonb, ${p.edited_at ?? null}::timestamptz, ${p.deleted_at ?? null}::timestamptz)`,
        );
      await sql`
        update comments set
          text = p.text,
          mentions = p.mentions,
          audience = coalesce(p.audience, comments.audience),
          edited_at = coalesce(p.edited_at, comments.edited_at),
          deleted_at = coalesce(p.deleted_at, comments.deleted_at)
        from (values ${sql.join(values)}) as p (id, text, mentions, audience, edited_at, deleted_at)
        where comments.id = p.id
      `.execute(this.trx);
    }
    const rows = [...this.#posted.values()];
    for (let at = 0; at < rows.length; at += CHUNK) {
      const chunk = rows.slice(at, at + CHUNK);
      const column = <K extends keyof Insertable<CommentsTable>>(key: K) => chunk.map((row) => row[key]);
      // Each row's mentions as an array literal of uuids (`unnest` would flatten an array of arrays).
      const mentions = chunk.map((row) => `{${row.mentions.join(',')}}`);
      await sql`
        insert into comments (id, production_id, item_kind, item_id, parent_id, author_id, text, mentions,
          audience, created_at, edited_at, deleted_at)
        select id, production_id, item_kind, item_id, parent_id, author_id, text, mentions::uuid[],
          audience, created_at, edited_at, deleted_at
        from unnest(
          ${column('id')}::uuid[], ${column('production_id')}::uuid[], ${column('item_kind')}::text[],
          ${column('item_id')}::uuid[], ${column('parent_id')}::uuid[], ${column('author_id')}::uuid[],
          ${column('text')}::text[], ${mentions}::text[], ${column('audience')}::jsonb[],
          ${column('created_at')}::timestamptz[], ${column('edited_at')}::timestamptz[],
          ${column('deleted_at')}::timestamptz[]
        ) as c (id, production_id, item_kind, item_id, parent_id, author_id, text, mentions, audience,
          created_at, edited_at, deleted_at)
        on conflict (id) do nothing
      `.execute(this.trx);
    }
  }
}

async function applyRead(trx: Transaction<Database>, event: StoredEvent): Promise<void> {
  const data = event.data as unknown as CommunicationEvents.NotificationsRead;
  let query = trx
    .updateTable('notifications')
    .set({ read_at: event.metadata.recordedAt })
    .where('person_id', '=', data.personId)
    .where('read_at', 'is', null);
  if (data.ids)
    query = query.where(
      'id',
      'in',
      data.ids.length > 0 ? data.ids : ['00000000-0000-0000-0000-000000000000'],
    );
  else if (data.upTo) query = query.where('created_at', '<=', new Date(data.upTo));
  await query.execute();
}
