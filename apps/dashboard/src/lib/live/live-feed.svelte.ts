import type { LiveEvent } from '@panggung/contracts';
import { liveUrl, openBrowserSocket } from './browser-socket.ts';
import { LiveConnection, type LiveStatus } from './live-connection.ts';

/** How many events the feed keeps on screen. */
const KEEP = 200;

export interface LiveFeedCallbacks {
  onEvent?(event: LiveEvent): void;
  onUnauthenticated?(): void;
}

/**
 * One production's live stream for the page (or several productions', for the approvals inbox): the connection's status and the events received, newest
 * first. Wires the browser's `online`/`offline` and `visibilitychange` into the connection.
 */
export class LiveFeed {
  status = $state<LiveStatus>('connecting');
  events = $state.raw<LiveEvent[]>([]);
  readonly #connection: LiveConnection;
  readonly #onOnline = () => this.#connection.networkChanged(true);
  readonly #onOffline = () => this.#connection.networkChanged(false);
  readonly #onVisibility = () => this.#connection.visibilityChanged(document.visibilityState === 'visible');

  constructor(productionIds: string | readonly string[], callbacks: LiveFeedCallbacks = {}) {
    this.#connection = new LiveConnection({
      url: liveUrl(location),
      productionIds: typeof productionIds === 'string' ? [productionIds] : [...productionIds],
      openSocket: openBrowserSocket,
      online: navigator.onLine,
      onEvent: (event) => {
        this.events = [event, ...this.events].slice(0, KEEP);
        callbacks.onEvent?.(event);
      },
      onStatus: (status) => {
        this.status = status;
        if (status === 'unauthenticated') callbacks.onUnauthenticated?.();
      },
    });
  }

  start(): void {
    addEventListener('online', this.#onOnline);
    addEventListener('offline', this.#onOffline);
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#connection.start();
  }

  stop(): void {
    removeEventListener('online', this.#onOnline);
    removeEventListener('offline', this.#onOffline);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#connection.stop();
  }
}
