import type { Kysely } from 'kysely';
import type { Checkpoint, StoredEvent } from '../types.ts';
import { readAll } from '../read/read-all.ts';
import type { Notifier } from './notifier.ts';

export interface SubscribeOptions {
  /** Deliver events after this checkpoint (default: from the very beginning). */
  readonly after?: Checkpoint;
  /** Events per batch (default 500). */
  readonly batchSize?: number;
  /** The slow fallback poll that covers a lost notification (default 2,000 ms). */
  readonly pollIntervalMs?: number;
  /** Stops the subscription. */
  readonly signal?: AbortSignal;
}

/**
 * Catch-up, then live: yields batches of events in commit order after the checkpoint, forever (until
 * closed). Back-pressure is natural: the next batch is read only when the consumer asks for it.
 *
 * @example
 * const subscription = store.subscribe({ after: savedCheckpoint });
 * for await (const batch of subscription) { for (const event of batch) handle(event); }
 */
export class Subscription implements AsyncIterableIterator<StoredEvent[]> {
  #checkpoint: Checkpoint;
  #closed = false;
  readonly #abort = new AbortController();
  readonly #batchSize: number;
  readonly #pollIntervalMs: number;

  constructor(
    private readonly db: Kysely<unknown>,
    private readonly notifier: Notifier,
    options: SubscribeOptions = {},
  ) {
    this.#checkpoint = options.after ?? { transactionId: 0n, position: 0n };
    this.#batchSize = options.batchSize ?? 500;
    this.#pollIntervalMs = options.pollIntervalMs ?? 2_000;
    options.signal?.addEventListener('abort', () => this.close(), { once: true });
  }

  /** The checkpoint of the last event handed out. */
  get checkpoint(): Checkpoint {
    return this.#checkpoint;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<StoredEvent[]>> {
    let retryMs = 1;
    while (!this.#closed) {
      const seen = this.notifier.generation;
      const { events, checkpoint, heldBack } = await readAll(this.db, this.#checkpoint, this.#batchSize);
      if (this.#closed) break;
      if (events.length > 0) {
        this.#checkpoint = checkpoint;
        return { done: false, value: events };
      }
      if (heldBack) {
        // Committed events wait behind an older open transaction, which may not notify when it ends.
        await this.notifier.waitForChange(seen, retryMs, this.#abort.signal);
        retryMs = Math.min(retryMs * 2, this.#pollIntervalMs);
      } else {
        retryMs = 1;
        await this.notifier.waitForChange(seen, this.#pollIntervalMs, this.#abort.signal);
      }
    }
    return { done: true, value: undefined };
  }

  async return(): Promise<IteratorResult<StoredEvent[]>> {
    this.close();
    return { done: true, value: undefined };
  }

  close(): void {
    this.#closed = true;
    this.#abort.abort();
  }
}
