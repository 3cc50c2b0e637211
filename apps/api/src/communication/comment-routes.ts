import { randomUUID } from 'node:crypto';
import {
  Comment,
  CommentParams,
  CommentThread,
  EditCommentBody,
  PostCommentBody,
  ThreadParams,
  type CommentItem,
} from '@panggung/contracts';
import {
  COMMENT_EVENT_TYPES,
  commentsStream,
  decideComments,
  evolveComments,
  initialCommentsState,
  NotFoundError,
  canSeeThread,
  type CommentCommand,
  type CommentEvent,
  type CommentsState,
} from '@panggung/domain';
import { ConcurrencyError } from '@panggung/event-store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { handleCommand, type Decider } from '../commands/handle-command.ts';
import { commandMetadata, commandOptions, errors } from '../contracts/access.ts';
import { peopleNames } from '../contracts/contract-queries.ts';
import { productionPeople } from './members.ts';
import { toComment } from './queries.ts';
import { threadFor, type ThreadAccess } from './thread-access.ts';

const comments: Decider<CommentCommand, CommentEvent, CommentsState> = {
  decide: decideComments,
  evolve: evolveComments,
  initial: initialCommentsState,
  eventTypes: COMMENT_EVENT_TYPES,
};

/** Comment threads on production items: read, post, reply, edit and delete one's own. */
export async function commentRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  async function commentView(id: string): Promise<Comment> {
    const row = await app.store.db
      .selectFrom('comments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const names = await peopleNames(app.store.db, [row.author_id, ...row.mentions]);
    return toComment(row, names);
  }

  /** One production stream holds every thread: concurrent posts retry on the version they lost to. */
  async function run(
    request: FastifyRequest,
    productionId: string,
    command: Omit<CommentCommand, 'metadata'>,
  ) {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await handleCommand(
          app.store,
          commentsStream(productionId),
          comments,
          { ...command, metadata: commandMetadata(request) } as CommentCommand,
          commandOptions(request, productionId),
        );
        await app.projections.waitFor(result.checkpoint);
        return result;
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= 5) throw error;
      }
    }
  }

  const author = (request: FastifyRequest, access: ThreadAccess) => ({
    personId: request.viewer.personId,
    roles: access.roles,
    partyId: request.viewer.partyId,
  });

  /** The comment and its thread, if the viewer may take part in it (else 404/403 as for the thread). */
  async function commentFor(request: FastifyRequest, productionId: string, commentId: string) {
    const row = await app.store.db
      .selectFrom('comments')
      .select(['item_kind', 'item_id'])
      .where('id', '=', commentId)
      .where('production_id', '=', productionId)
      .executeTakeFirst();
    const access = row
      ? await threadFor(app, request.viewer, productionId, {
          kind: row.item_kind,
          id: row.item_id,
        } as CommentItem)
      : undefined;
    if (!row || !access) throw new NotFoundError(`Comment ${commentId} was not found`, 'commentId');
    return access;
  }

  app.get(
    '/api/productions/:id/comments/:kind/:itemId',
    {
      schema: {
        tags: ['communication'],
        summary: 'The comment thread on one item, oldest first, with the members who can be mentioned',
        params: ThreadParams,
        response: { 200: CommentThread, ...errors },
      },
    },
    async (request) => {
      const { id, kind, itemId } = request.params as ThreadParams;
      const item = { kind, id: itemId };
      const access = await threadFor(app, request.viewer, id, item);
      const [rows, people] = await Promise.all([
        app.store.db
          .selectFrom('comments')
          .selectAll()
          .where('production_id', '=', id)
          .where('item_kind', '=', kind)
          .where('item_id', '=', itemId)
          .orderBy('created_at')
          .orderBy('id')
          .execute(),
        productionPeople(app.store.db, access.production),
      ]);
      const names = new Map(people.map((person) => [person.personId, person.name]));
      const missing = rows
        .flatMap((row) => [row.author_id, ...row.mentions])
        .filter((pid) => !names.has(pid));
      for (const [pid, name] of await peopleNames(app.store.db, missing)) names.set(pid, name);
      return {
        productionId: id,
        item,
        comments: rows.map((row) => toComment(row, names)),
        members: people
          .filter((person) => canSeeThread(access.audience, person))
          .map((person) => ({ id: person.personId, name: person.name })),
      };
    },
  );

  app.post(
    '/api/productions/:id/comments/:kind/:itemId',
    {
      schema: {
        tags: ['communication'],
        summary: 'Post a comment (or a reply) on an item; mentions notify the people mentioned',
        params: ThreadParams,
        body: PostCommentBody,
        response: { 201: Comment, ...errors },
      },
    },
    async (request, reply) => {
      const { id, kind, itemId } = request.params as ThreadParams;
      const body = request.body as PostCommentBody;
      const access = await threadFor(app, request.viewer, id, { kind, id: itemId });
      const commentId = randomUUID();
      await run(request, id, {
        type: 'PostComment',
        data: {
          productionId: id,
          commentId,
          author: author(request, access),
          audience: access.audience,
          item: { kind, id: itemId },
          text: body.text,
          parentId: body.parentId,
          mentions: body.mentions,
          members: await productionPeople(app.store.db, access.production),
        },
      });
      return reply.status(201).send(await commentView(commentId));
    },
  );

  app.patch(
    '/api/productions/:id/comments/:commentId',
    {
      schema: {
        tags: ['communication'],
        summary: 'Edit one’s own comment (people newly mentioned are notified)',
        params: CommentParams,
        body: EditCommentBody,
        response: { 200: Comment, ...errors },
      },
    },
    async (request) => {
      const { id, commentId } = request.params as CommentParams;
      const body = request.body as EditCommentBody;
      const access = await commentFor(request, id, commentId);
      await run(request, id, {
        type: 'EditComment',
        data: {
          productionId: id,
          commentId,
          author: author(request, access),
          audience: access.audience,
          text: body.text,
          mentions: body.mentions,
          members: await productionPeople(app.store.db, access.production),
        },
      });
      return commentView(commentId);
    },
  );

  app.delete(
    '/api/productions/:id/comments/:commentId',
    {
      schema: {
        tags: ['communication'],
        summary: 'Delete one’s own comment (it keeps its place; its text is no longer shown)',
        params: CommentParams,
        response: { 200: Comment, ...errors },
      },
    },
    async (request) => {
      const { id, commentId } = request.params as CommentParams;
      const access = await commentFor(request, id, commentId);
      await run(request, id, {
        type: 'DeleteComment',
        data: { productionId: id, commentId, author: author(request, access), audience: access.audience },
      });
      return commentView(commentId);
    },
  );
}
