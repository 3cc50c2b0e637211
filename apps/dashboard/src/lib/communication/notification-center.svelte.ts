import type { Notification } from '@panggung/contracts';
import { liveUrl, openBrowserSocket } from '../live/browser-socket.ts';
import { getNotifications, markNotificationsRead } from './communication-api.ts';
import { NotificationStream } from './notification-stream.ts';
import { markedRead, mergeNotifications } from './notifications.ts';

/** The signed-in person's notifications for the top bar: the first page, more on demand, and live ones. */
export class NotificationCenter {
  items = $state.raw<Notification[]>([]);
  unread = $state(0);
  status = $state<'loading' | 'ready' | 'error'>('loading');
  nextCursor = $state<string>();
  readonly #stream: NotificationStream;

  constructor(private readonly onError: (error: unknown) => void = () => {}) {
    this.#stream = new NotificationStream({
      url: liveUrl(location),
      openSocket: openBrowserSocket,
      onNotification: (notification) => {
        const known = this.items.some((n) => n.id === notification.id);
        this.items = mergeNotifications(this.items, [notification]);
        if (!known && !notification.readAt) this.unread += 1;
      },
      onReconnected: () => void this.load(),
    });
  }

  start(): void {
    void this.load();
    this.#stream.start();
  }

  stop(): void {
    this.#stream.stop();
  }

  async load(): Promise<void> {
    try {
      const page = await getNotifications();
      this.items = mergeNotifications([], page.items);
      this.unread = page.unread;
      this.nextCursor = page.nextCursor;
      this.status = 'ready';
    } catch (error) {
      this.status = 'error';
      this.onError(error);
    }
  }

  async more(): Promise<void> {
    if (!this.nextCursor) return;
    const page = await getNotifications(this.nextCursor);
    this.items = mergeNotifications(this.items, page.items);
    this.nextCursor = page.nextCursor;
  }

  async markRead(ids: readonly string[] | 'all'): Promise<void> {
    const result = await markNotificationsRead(ids === 'all' ? { all: true } : { ids: [...ids] });
    this.items = markedRead(this.items, ids, new Date().toISOString());
    this.unread = result.unread;
  }
}
