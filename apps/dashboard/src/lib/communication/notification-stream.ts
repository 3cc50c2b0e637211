import type { LiveServerMessage, Notification } from '@panggung/contracts';
import { backoffDelay, DEFAULT_BACKOFF } from '../live/backoff.ts';
import { CLOSE, type OpenSocket, type SocketLike, type Timers } from '../live/live-connection.ts';

export interface NotificationStreamOptions {
  readonly url: string;
  readonly openSocket: OpenSocket;
  readonly onNotification: (notification: Notification) => void;
  /** After a reconnect: what arrived while away was not sent, so load the feed again. */
  readonly onReconnected: () => void;
  readonly onUnauthenticated?: () => void;
  readonly timers?: Timers;
  readonly random?: () => number;
}

/**
 * The signed-in person's notifications over the live websocket. The server files every socket under the
 * person of its session and sends `notification` messages there only, without any subscription; this
 * keeps one such socket open for the top bar, reconnecting with back-off, and stops when the session ends.
 */
export class NotificationStream {
  #socket: SocketLike | undefined;
  #running = false;
  #attempt = 0;
  #generation = 0;
  #retry: unknown;
  #opened = false;
  readonly #timers: Timers;

  constructor(private readonly options: NotificationStreamOptions) {
    this.#timers = options.timers ?? {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
    };
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#connect();
  }

  stop(): void {
    this.#running = false;
    this.#generation++;
    if (this.#retry !== undefined) this.#timers.clearTimeout(this.#retry);
    this.#retry = undefined;
    const socket = this.#socket;
    this.#socket = undefined;
    try {
      socket?.close(1000, 'done');
    } catch {
      // already closed
    }
  }

  #connect(): void {
    this.#retry = undefined;
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    try {
      this.#socket = this.options.openSocket(this.options.url, {
        open: () => {
          if (!current()) return;
          if (this.#opened) this.options.onReconnected();
          this.#opened = true;
          this.#attempt = 0;
        },
        message: (data) => current() && this.#message(data),
        close: (code) => current() && this.#closed(code),
      });
    } catch {
      this.#closed(1006);
    }
  }

  #message(data: string): void {
    let message: LiveServerMessage;
    try {
      message = JSON.parse(data) as LiveServerMessage;
    } catch {
      return;
    }
    if (message.type === 'notification') this.options.onNotification(message.notification);
  }

  #closed(code: number): void {
    this.#socket = undefined;
    if (!this.#running) return;
    if (code === CLOSE.unauthenticated) {
      this.#running = false;
      this.options.onUnauthenticated?.();
      return;
    }
    const delay = backoffDelay(this.#attempt++, this.options.random ?? Math.random, DEFAULT_BACKOFF);
    this.#retry = this.#timers.setTimeout(() => this.#connect(), delay);
  }
}
