/**
 * A person's live feed: a real websocket on `/api/live` (bearer auth) subscribed to one production,
 * live from now. Every event is stamped with `performance.now()` as it arrives (in the socket's message
 * handler, before anything else), and can be awaited by `<type>:<contractId>:<step>`, also after it
 * arrived.
 */
import type { LiveEvent, LiveServerMessage } from '@panggung/contracts';
import WebSocket from 'ws';

export interface Arrival {
  readonly event: LiveEvent;
  /** performance.now() when the message arrived. */
  readonly at: number;
}

/** `ApprovalStepApproved:<contractId>:manager_review`; without a step for events that have none. */
export function eventKey(type: string, contractId: string, step?: string): string {
  return `${type}:${contractId}:${step ?? ''}`;
}

export class LiveFeed {
  readonly #seen = new Map<string, Arrival>();
  readonly #waiters = new Map<string, Array<(arrival: Arrival) => void>>();
  readonly #listeners = new Set<(arrival: Arrival) => void>();
  #closedWith: string | undefined;
  #onClose: Array<(reason: string) => void> = [];
  events = 0;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const at = performance.now();
      const message = JSON.parse(raw.toString()) as LiveServerMessage;
      if (message.type !== 'event') return;
      this.events++;
      const { event } = message;
      const data = event.data as { contractId?: string; step?: string };
      if (data.contractId) {
        const key = eventKey(event.type, data.contractId, data.step);
        const arrival = { event, at };
        if (!this.#seen.has(key)) this.#seen.set(key, arrival);
        for (const wake of this.#waiters.get(key) ?? []) wake(arrival);
        this.#waiters.delete(key);
        for (const listener of this.#listeners) listener(arrival);
      }
    });
    socket.on('close', (code, reason) => {
      this.#closedWith = `closed ${code} ${reason.toString()}`;
      for (const fail of this.#onClose.splice(0)) fail(this.#closedWith);
    });
  }

  /** Connects, subscribes to the production live from now, and resolves once `subscribed` came back. */
  static async open(baseUrl: string, token: string, productionId: string): Promise<LiveFeed> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/live`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const subscribed = new Promise<void>((resolve, reject) => {
      const onMessage = (raw: WebSocket.RawData) => {
        const message = JSON.parse(raw.toString()) as LiveServerMessage;
        if (message.type === 'subscribed') {
          socket.off('message', onMessage);
          resolve();
        } else if (message.type === 'error') reject(new Error(`live: ${message.code} ${message.message}`));
      };
      socket.on('message', onMessage);
    });
    const feed = new LiveFeed(socket);
    socket.send(JSON.stringify({ type: 'subscribe', productionIds: [productionId] }));
    await subscribed;
    return feed;
  }

  /** Resolves when the event arrives (at once if it already has); rejects after `timeoutMs` or on close. */
  waitFor(key: string, timeoutMs = 30_000): Promise<Arrival> {
    const seen = this.#seen.get(key);
    if (seen) return Promise.resolve(seen);
    if (this.#closedWith) return Promise.reject(new Error(`live feed ${this.#closedWith}`));
    return new Promise<Arrival>((resolve, reject) => {
      const fail = (why: string) => {
        clearTimeout(timer);
        reject(new Error(`waiting for ${key}: live feed ${why}`));
      };
      const timer = setTimeout(() => {
        this.#onClose = this.#onClose.filter((f) => f !== fail);
        reject(new Error(`${key} did not arrive on the live feed within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#onClose.push(fail);
      const waiters = this.#waiters.get(key) ?? [];
      waiters.push((arrival) => {
        clearTimeout(timer);
        this.#onClose = this.#onClose.filter((f) => f !== fail);
        resolve(arrival);
      });
      this.#waiters.set(key, waiters);
    });
  }

  /** Calls `listener` for every contract event from now on; returns the unsubscribe. */
  onEvent(listener: (arrival: Arrival) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get closedWith(): string | undefined {
    return this.#closedWith;
  }

  close(): void {
    this.socket.close();
  }
}
