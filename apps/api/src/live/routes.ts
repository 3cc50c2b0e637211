import { LIVE_CLOSE } from '@panggung/contracts';
import type { FastifyInstance } from 'fastify';
import type { ApiConfig } from '../config.ts';
import { NotificationHub } from '../communication/notification-hub.ts';
import { LiveHub } from './hub.ts';
import { LiveClient } from './live-client.ts';

/** `GET /api/live`: the live stream over a websocket (protocol in @panggung/contracts live/messages.ts). */
export async function liveRoutes(app: FastifyInstance, options: { config: ApiConfig }): Promise<void> {
  const hub = new LiveHub(app.store, app.log);
  await hub.start();
  // Notifications travel on the same socket, filed by the signed-in person: nobody else's reach it.
  const notifications = new NotificationHub(app.store, app.log);
  await notifications.start();
  const clients = new Set<LiveClient>();
  app.addHook('preClose', async () => {
    for (const client of clients) client.dispose();
    await hub.stop();
    await notifications.stop();
  });

  app.get(
    '/api/live',
    {
      websocket: true,
      schema: {
        description:
          'Websocket. Send {"type":"subscribe","productionIds":[...],"after":"<checkpoint>"}; receive what was missed, then live events.',
        tags: ['live'],
      },
    },
    async (socket, request) => {
      // Hold what the client sends while we look up its session, or the first subscribe would be lost.
      const early: Array<{ text: string; isBinary: boolean }> = [];
      const hold = (raw: Buffer, isBinary: boolean) => early.push({ text: raw.toString(), isBinary });
      socket.on('message', hold);
      const viewer = await app.identify(request).catch(() => undefined);
      socket.off('message', hold);
      if (!viewer) {
        socket.send(JSON.stringify({ type: 'error', code: 'UNAUTHENTICATED', message: 'Sign in first.' }));
        socket.close(LIVE_CLOSE.unauthenticated, 'unauthenticated');
        return;
      }
      const client = new LiveClient(
        socket,
        viewer,
        hub,
        app.store,
        {
          heartbeatMs: options.config.heartbeatMs,
          maxBufferedBytes: options.config.liveMaxBufferedBytes,
        },
        early,
      );
      clients.add(client);
      notifications.add(viewer.personId, client);
      socket.on('close', () => {
        clients.delete(client);
        notifications.remove(viewer.personId, client);
      });
    },
  );
}
