import type { LiveServerMessage } from '@panggung/contracts';
import WebSocket from 'ws';

/** A real websocket client of `/api/live` for tests: collects messages and waits for the ones it needs. */
export class LiveSocket {
  readonly messages: LiveServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;
  #waiters: Array<() => void> = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      this.messages.push(JSON.parse(raw.toString()) as LiveServerMessage);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    this.opened = new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  static connect(baseUrl: string, token?: string): LiveSocket {
    return new LiveSocket(
      new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/live`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }),
    );
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Events received so far, by type (heartbeats and other messages left out). */
  events(): Array<Extract<LiveServerMessage, { type: 'event' }>['event']> {
    return this.messages.flatMap((m) => (m.type === 'event' ? [m.event] : []));
  }

  /** Resolves when a message matching `predicate` has arrived (counting those already here). */
  async waitFor<T extends LiveServerMessage>(
    predicate: (m: LiveServerMessage) => m is T,
    timeoutMs?: number,
  ): Promise<T>;
  async waitFor(predicate: (m: LiveServerMessage) => boolean, timeoutMs?: number): Promise<LiveServerMessage>;
  async waitFor(
    predicate: (m: LiveServerMessage) => boolean,
    timeoutMs = 10_000,
  ): Promise<LiveServerMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `No matching live message within ${timeoutMs} ms; got ${JSON.stringify(this.messages.slice(-5))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}
