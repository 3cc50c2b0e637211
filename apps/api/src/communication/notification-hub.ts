import type { Notification } from '@panggung/contracts';
import {
  compareCheckpoints,
  type Checkpoint,
  type EventStore,
  type StoredEvent,
  type Subscription,
} from '@panggung/event-store';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import { readHead } from '../live/live-event.ts';
import type { Database } from '../schema/tables.ts';
import { communicationProjection } from './projection.ts';
import { toNotification } from './queries.ts';
import { NOTIFYING_EVENT_TYPES } from './rules/index.ts';

/** What the hub needs of a connected person's socket. */
export interface NotificationListener {
  notify(notification: Notification): void;
}

/**
 * Sends each new notification to its person's open sockets, and to nobody else: listeners are filed by
 * the person id of their signed-in session, and a notification goes only to the listeners filed under
 * its `person_id`. Like the live hub it follows the event store's tail; for each batch with events the
 * rules turn into notifications, it waits for the communication projection to take the batch, then
 * reads the notifications those very events caused (never older ones, so a rebuild resends nothing).
 */
export class NotificationHub {
  #listeners = new Map<string, Set<NotificationListener>>();
  #subscription: Subscription | undefined;
  #loop: Promise<void> | undefined;
  #stopped = false;

  constructor(
    private readonly store: EventStore<Database>,
    private readonly log: FastifyBaseLogger,
  ) {}

  async start(): Promise<void> {
    const head = await readHead(this.store.db as never);
    this.#loop = this.#run(head);
  }

  add(personId: string, listener: NotificationListener): void {
    const set = this.#listeners.get(personId) ?? new Set();
    set.add(listener);
    this.#listeners.set(personId, set);
  }

  remove(personId: string, listener: NotificationListener): void {
    const set = this.#listeners.get(personId);
    set?.delete(listener);
    if (set?.size === 0) this.#listeners.delete(personId);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#subscription?.close();
    await this.#loop;
  }

  async #run(from: Checkpoint): Promise<void> {
    let checkpoint = from;
    while (!this.#stopped) {
      this.#subscription = this.store.subscribe({ after: checkpoint, batchSize: 1_000 });
      try {
        for await (const batch of this.#subscription) {
          const last = batch.at(-1);
          if (!last) continue;
          await this.#dispatch(batch);
          checkpoint = last.checkpoint;
        }
      } catch (error) {
        this.log.warn({ err: error }, 'notification hub lost the event store; resuming shortly');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  async #dispatch(batch: readonly StoredEvent[]): Promise<void> {
    if (this.#listeners.size === 0) return;
    const causes = batch.filter((event) => NOTIFYING_EVENT_TYPES.has(event.type));
    const last = causes.at(-1);
    if (!last) return;
    if (!(await this.#projected(last.checkpoint))) return;
    const people = [...this.#listeners.keys()];
    if (people.length === 0) return;
    const rows = await this.store.db
      .selectFrom('notifications')
      .selectAll()
      .where(
        'source_event_id',
        'in',
        causes.map((event) => event.id),
      )
      .where('person_id', 'in', people)
      .orderBy('seq')
      .execute();
    for (const row of rows)
      for (const listener of this.#listeners.get(row.person_id) ?? []) listener.notify(toNotification(row));
  }

  /** Waits (up to 10 s) until the communication projection has applied events up to `target`. */
  async #projected(target: Checkpoint): Promise<boolean> {
    const deadline = Date.now() + 10_000;
    let pause = 2;
    while (!this.#stopped) {
      const { rows } = await sql<{ transaction_id: string; position: string }>`
        select transaction_id::text as transaction_id, position::text as position
        from projection_checkpoints where name = ${communicationProjection.name}
      `.execute(this.store.db);
      const row = rows[0];
      if (
        row &&
        compareCheckpoints(
          { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) },
          target,
        ) >= 0
      )
        return true;
      if (Date.now() > deadline) {
        this.log.warn('notification hub: the communication projection is behind; live notifications skipped');
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 50);
    }
    return false;
  }
}
