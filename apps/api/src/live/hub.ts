import type { EventStore, Checkpoint, StoredEvent, Subscription } from '@panggung/event-store';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../schema/tables.ts';
import { productionOf, readHead } from './live-event.ts';

/** What the hub needs of a connected client. */
export interface HubListener {
  readonly productionIds: ReadonlySet<string>;
  onEvent(event: StoredEvent, productionId: string): void;
}

/**
 * One tail subscription per API process, fanned out in memory to every connected client. Live fan-out is
 * driven by the database (LISTEN/NOTIFY wakes the tail), so a client on one API node sees events appended
 * through any other.
 */
export class LiveHub {
  #listeners = new Set<HubListener>();
  #checkpoint: Checkpoint = { transactionId: 0n, position: 0n };
  #subscription: Subscription | undefined;
  #loop: Promise<void> | undefined;
  #stopped = false;

  constructor(
    private readonly store: EventStore<Database>,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Every event up to here has been handed to the listeners. */
  get checkpoint(): Checkpoint {
    return this.#checkpoint;
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  async start(): Promise<void> {
    this.#checkpoint = await readHead(this.store.db as never);
    this.#loop = this.#run();
  }

  add(listener: HubListener): void {
    this.#listeners.add(listener);
  }

  remove(listener: HubListener): void {
    this.#listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#subscription?.close();
    await this.#loop;
  }

  /** Reads the tail forever; a database failure pauses it, then it resumes from its checkpoint. */
  async #run(): Promise<void> {
    while (!this.#stopped) {
      this.#subscription = this.store.subscribe({ after: this.#checkpoint, batchSize: 1_000 });
      try {
        for await (const batch of this.#subscription) {
          for (const event of batch) {
            const productionId = productionOf(event);
            if (productionId)
              for (const listener of this.#listeners)
                if (listener.productionIds.has(productionId)) listener.onEvent(event, productionId);
            this.#checkpoint = event.checkpoint;
          }
        }
      } catch (error) {
        this.log.warn({ err: error }, 'live hub lost the event store; resuming shortly');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }
}
