import type { LiveClientMessage, LiveEvent, LiveServerMessage } from '@panggung/contracts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import { compareCheckpoints, isAfter } from './checkpoint.ts';

/**
 * Where the connection stands. `connecting` (first time), `live` (subscribed), `reconnecting` (lost, and
 * trying again with back-off), `offline` (the browser has no network: waiting for it), and the ends that
 * need a person: `unauthenticated` (the session is over), `forbidden` (no access), `stopped` (closed by us).
 */
export type LiveStatus =
  'connecting' | 'live' | 'reconnecting' | 'offline' | 'unauthenticated' | 'forbidden' | 'stopped';

/** The close codes of the live stream (`LIVE_CLOSE` in @panggung/contracts; repeated as values, since the
 * dashboard imports only types from the contracts package and keeps TypeBox out of the browser bundle). */
export const CLOSE = { unauthenticated: 4401, forbidden: 4403, tooSlow: 4408 } as const;

export interface SocketHandlers {
  open(): void;
  message(data: string): void;
  close(code: number, reason: string): void;
}
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
/** Opens a websocket and reports to the handlers (a real one in the browser, a fake one in tests). */
export type OpenSocket = (url: string, handlers: SocketHandlers) => SocketLike;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LiveConnectionOptions {
  readonly url: string;
  readonly productionIds: readonly string[];
  readonly openSocket: OpenSocket;
  /** Each event once, in order. */
  readonly onEvent: (event: LiveEvent) => void;
  readonly onStatus?: (status: LiveStatus) => void;
  readonly timers?: Timers;
  readonly random?: () => number;
  readonly backoff?: BackoffOptions;
  /** With nothing heard for this long, ask the server (`ping`)… */
  readonly idleMs?: number;
  /** …and with no answer within this long, take the connection as dead and reconnect. */
  readonly pingTimeoutMs?: number;
  /** Whether the browser has a network when we start (`navigator.onLine`). */
  readonly online?: boolean;
}

const systemTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * A live-stream subscription that looks after itself: it subscribes, reconnects with back-off and jitter
 * when the connection drops, resumes from the last checkpoint it received (from an event, `subscribed` or
 * a heartbeat) so that nothing is missed, drops any event not after that checkpoint so that nothing comes
 * twice, pauses while the browser is offline, checks the line when the page becomes visible again, and
 * stops for good when the session is over (4401) or access is refused (4403).
 *
 * No Svelte and no DOM in here: the browser's signals come in through `networkChanged` and
 * `visibilityChanged`, the socket through `openSocket`, time through `timers`.
 */
export class LiveConnection {
  #status: LiveStatus = 'stopped';
  #checkpoint: string | undefined;
  #socket: SocketLike | undefined;
  /** Bumped whenever a socket is abandoned, so its late callbacks are ignored. */
  #generation = 0;
  #attempt = 0;
  #online: boolean;
  #running = false;
  #retryTimer: unknown;
  #idleTimer: unknown;
  #pingTimer: unknown;
  #pings = 0;
  readonly #timers: Timers;
  readonly #random: () => number;

  constructor(private readonly options: LiveConnectionOptions) {
    this.#timers = options.timers ?? systemTimers;
    this.#random = options.random ?? Math.random;
    this.#online = options.online ?? true;
  }

  get status(): LiveStatus {
    return this.#status;
  }

  /** The last checkpoint received: where a reconnect resumes. */
  get checkpoint(): string | undefined {
    return this.#checkpoint;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    if (this.#online) this.#connect('connecting');
    else this.#setStatus('offline');
  }

  stop(): void {
    this.#running = false;
    this.#abandonSocket(1000, 'done');
    this.#clearRetry();
    this.#setStatus('stopped');
  }

  /** The browser went offline or came back (`offline` / `online` events). */
  networkChanged(online: boolean): void {
    this.#online = online;
    if (!this.#running || this.#isFinal()) return;
    if (!online) {
      this.#abandonSocket(1000, 'offline');
      this.#clearRetry();
      this.#setStatus('offline');
    } else if (!this.#socket) {
      this.#attempt = 0;
      this.#clearRetry();
      this.#connect('reconnecting');
    }
  }

  /** The page was hidden or shown (`visibilitychange`). */
  visibilityChanged(visible: boolean): void {
    if (!visible || !this.#running || this.#isFinal() || !this.#online) return;
    if (this.#socket) {
      // After a laptop sleeps, a socket can look open and be dead: ask, and reconnect if nobody answers.
      if (this.#status === 'live') this.#ping();
    } else if (this.#retryTimer !== undefined) {
      // Someone is looking: do not make them wait out the back-off.
      this.#clearRetry();
      this.#attempt = 0;
      this.#connect('reconnecting');
    }
  }

  #isFinal(): boolean {
    return this.#status === 'unauthenticated' || this.#status === 'forbidden';
  }

  #connect(status: 'connecting' | 'reconnecting'): void {
    this.#retryTimer = undefined;
    this.#setStatus(status);
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    try {
      this.#socket = this.options.openSocket(this.options.url, {
        open: () => current() && this.#onOpen(),
        message: (data) => current() && this.#onMessage(data),
        close: (code) => current() && this.#onClose(code),
      });
    } catch {
      this.#socket = undefined;
      this.#onClose(1006);
    }
  }

  #onOpen(): void {
    const subscribe: LiveClientMessage = {
      type: 'subscribe',
      productionIds: [...this.options.productionIds],
      ...(this.#checkpoint ? { after: this.#checkpoint } : {}),
    };
    this.#socket?.send(JSON.stringify(subscribe));
    this.#heard();
  }

  #onMessage(data: string): void {
    let message: LiveServerMessage;
    try {
      message = JSON.parse(data) as LiveServerMessage;
    } catch {
      return;
    }
    this.#heard();
    switch (message.type) {
      case 'subscribed':
        this.#advance(message.checkpoint);
        this.#attempt = 0;
        this.#setStatus('live');
        break;
      case 'event':
        if (!isAfter(message.event.checkpoint, this.#checkpoint)) return; // seen already
        this.#checkpoint = message.event.checkpoint;
        this.options.onEvent(message.event);
        break;
      case 'heartbeat':
        this.#advance(message.checkpoint);
        break;
      case 'pong':
      case 'notification': // the top bar's own socket shows these (communication/notification-stream.ts)
      case 'error': // the close that follows says what to do
        break;
      default: {
        const never: never = message;
        void never;
      }
    }
  }

  #onClose(code: number): void {
    this.#socket = undefined;
    this.#clearLiveness();
    if (!this.#running) return;
    if (code === CLOSE.unauthenticated) return this.#end('unauthenticated');
    if (code === CLOSE.forbidden) return this.#end('forbidden');
    if (!this.#online) return this.#setStatus('offline');
    // Too slow: the server dropped us to protect itself; come back soon, from the checkpoint.
    if (code === CLOSE.tooSlow) this.#attempt = 0;
    this.#scheduleReconnect();
  }

  #end(status: 'unauthenticated' | 'forbidden'): void {
    this.#running = false;
    this.#clearRetry();
    this.#setStatus(status);
  }

  #scheduleReconnect(): void {
    this.#setStatus('reconnecting');
    const delay = backoffDelay(this.#attempt, this.#random, this.options.backoff ?? DEFAULT_BACKOFF);
    this.#attempt += 1;
    this.#retryTimer = this.#timers.setTimeout(() => this.#connect('reconnecting'), delay);
  }

  #advance(checkpoint: string): void {
    if (this.#checkpoint === undefined || compareCheckpoints(checkpoint, this.#checkpoint) > 0)
      this.#checkpoint = checkpoint;
  }

  /** Something arrived: the line is alive. Arm the idle check again. */
  #heard(): void {
    this.#clearLiveness();
    this.#idleTimer = this.#timers.setTimeout(() => this.#ping(), this.options.idleMs ?? 25_000);
  }

  #ping(): void {
    if (!this.#socket) return;
    if (this.#pingTimer !== undefined) return;
    this.#socket.send(JSON.stringify({ type: 'ping', id: `p${++this.#pings}` } satisfies LiveClientMessage));
    this.#pingTimer = this.#timers.setTimeout(() => {
      this.#pingTimer = undefined;
      // Nobody answered: give this socket up (its close may never come) and start again.
      this.#abandonSocket(4000, 'no answer');
      if (this.#running) this.#scheduleReconnect();
    }, this.options.pingTimeoutMs ?? 10_000);
  }

  #clearLiveness(): void {
    if (this.#idleTimer !== undefined) this.#timers.clearTimeout(this.#idleTimer);
    if (this.#pingTimer !== undefined) this.#timers.clearTimeout(this.#pingTimer);
    this.#idleTimer = undefined;
    this.#pingTimer = undefined;
  }

  #clearRetry(): void {
    if (this.#retryTimer !== undefined) this.#timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  #abandonSocket(code: number, reason: string): void {
    this.#generation += 1;
    this.#clearLiveness();
    const socket = this.#socket;
    this.#socket = undefined;
    try {
      socket?.close(code, reason);
    } catch {
      // already closed
    }
  }

  #setStatus(status: LiveStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    this.options.onStatus?.(status);
  }
}
