import {
  MarkNotificationsReadBody,
  NotificationsPage,
  NotificationsQuery,
  NotificationsReadResult,
} from '@panggung/contracts';
import {
  decideNotifications,
  evolveNotifications,
  initialNotificationsState,
  NOTIFICATION_EVENT_TYPES,
  notificationsStream,
  type NotificationCommand,
  type NotificationEvent,
  type NotificationsState,
} from '@panggung/domain';
import type { FastifyInstance } from 'fastify';
import { handleCommand, type Decider } from '../commands/handle-command.ts';
import { commandMetadata, commandOptions, errors } from '../contracts/access.ts';
import { toNotification } from './queries.ts';

const notifications: Decider<NotificationCommand, NotificationEvent, NotificationsState> = {
  decide: decideNotifications,
  evolve: evolveNotifications,
  initial: initialNotificationsState,
  eventTypes: NOTIFICATION_EVENT_TYPES,
};

/** The signed-in person's own notifications: nobody can ask for anybody else's. */
export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  const unread = async (personId: string) =>
    Number(
      (
        await app.store.db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll<string>().as('count'))
          .where('person_id', '=', personId)
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).count,
    );

  app.get(
    '/api/me/notifications',
    {
      schema: {
        tags: ['communication'],
        summary: 'My notifications, newest first, a page at a time, with how many are unread',
        querystring: NotificationsQuery,
        response: { 200: NotificationsPage, ...errors },
      },
    },
    async (request) => {
      const { limit = 20, cursor } = request.query as NotificationsQuery;
      const personId = request.viewer.personId;
      let query = app.store.db
        .selectFrom('notifications')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('seq', 'desc')
        .limit(limit + 1);
      if (cursor) query = query.where('seq', '<', cursor);
      const [rows, count] = await Promise.all([query.execute(), unread(personId)]);
      const page = rows.slice(0, limit);
      const next = rows.length > limit ? page.at(-1)?.seq : undefined;
      return {
        items: page.map(toNotification),
        ...(next ? { nextCursor: String(next) } : {}),
        unread: count,
      };
    },
  );

  app.post(
    '/api/me/notifications/read',
    {
      schema: {
        tags: ['communication'],
        summary: 'Mark my notifications read: these ids, or all',
        body: MarkNotificationsReadBody,
        response: { 200: NotificationsReadResult, ...errors },
      },
    },
    async (request) => {
      const body = request.body as MarkNotificationsReadBody;
      const personId = request.viewer.personId;
      const result = await handleCommand(
        app.store,
        notificationsStream(personId),
        notifications,
        {
          type: 'MarkNotificationsRead',
          data: { personId, ...('all' in body ? { all: true } : { ids: body.ids }) },
          metadata: commandMetadata(request),
        },
        commandOptions(request),
      );
      await app.projections.waitFor(result.checkpoint);
      return { unread: await unread(personId) };
    },
  );
}
