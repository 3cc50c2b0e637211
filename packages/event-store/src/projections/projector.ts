import { sql, type Kysely, type Transaction } from 'kysely';
import type { Checkpoint } from '../types.ts';
import { readAll } from '../read/read-all.ts';
import type { Notifier } from '../subscribe/notifier.ts';
import type { LockSession } from './lock-session.ts';
import type { Projection } from './projection.ts';

export interface ProjectorOptions {
  /** Events per transaction (default 500). */
  readonly batchSize?: number;
  /** Fallback poll, and how often a standby runner tries to take over (default 1,000 ms). */
  readonly pollIntervalMs?: number;
  /** Called when a batch fails; the runner retries it after a pause. */
  readonly onError?: (error: unknown) => void;
}

export type ProjectorState = 'starting' | 'standby' | 'active' | 'stopped';

/**
 * Runs one projection: reads events after its checkpoint, applies them and stores the new checkpoint in
 * the same transaction. Only one runner per projection is active across all processes: it holds a
 * PostgreSQL advisory lock through the store's {@link LockSession} (one connection for all its runners),
 * and every checkpoint move is also fenced by the checkpoint it started from, so a runner that lost the
 * lock can never apply a batch twice. A batch borrows a pooled connection and gives it back after.
 */
export class Projector<DB = unknown> {
  #state: ProjectorState = 'starting';
  #stopping = false;
  readonly #abort = new AbortController();
  #loop: Promise<void> | undefined;
  #checkpoint: Checkpoint = { transactionId: 0n, position: 0n };
  #progressWaiters: Array<() => void> = [];
  readonly #batchSize: number;
  readonly #pollIntervalMs: number;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly notifier: Notifier,
    private readonly locks: LockSession,
    readonly projection: Projection<DB>,
    private readonly options: ProjectorOptions = {},
  ) {
    this.#batchSize = options.batchSize ?? 500;
    this.#pollIntervalMs = options.pollIntervalMs ?? 1_000;
  }

  get state(): ProjectorState {
    return this.#state;
  }

  /** The last checkpoint this runner committed or read. */
  get checkpoint(): Checkpoint {
    return this.#checkpoint;
  }

  start(): this {
    this.#loop ??= this.#run();
    return this;
  }

  /**
   * Resolves once this runner has applied everything committed before the call (and is active).
   * Useful in tests and after a rebuild.
   */
  async caughtUp(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { events, heldBack } = await readAll(
        this.db as Kysely<unknown>,
        await this.#storedCheckpoint(),
        1,
      );
      if (events.length === 0 && !heldBack && this.#state === 'active') return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.#progressWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    throw new Error(`Projection ${this.projection.name} did not catch up within ${timeoutMs} ms`);
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    this.#abort.abort();
    await this.#loop;
    this.#state = 'stopped';
  }

  async #run(): Promise<void> {
    // Only when missing: a bare `on conflict do nothing` would wait for a batch in flight on the row.
    await sql`
      insert into projection_checkpoints (name)
      select ${this.projection.name} where not exists (select from projection_checkpoints where name = ${this.projection.name})
      on conflict do nothing
    `.execute(this.db);
    while (!this.#stopping) {
      try {
        const lease = await this.locks.tryLock(`projection:${this.projection.name}`);
        if (lease) {
          try {
            this.#state = 'active';
            await this.#applyWhileHeld(lease.signal);
          } finally {
            await lease.release();
          }
        }
        if (!this.#stopping) this.#state = 'standby';
      } catch (error) {
        if (!this.#stopping) this.#state = 'standby';
        this.options.onError?.(error);
      }
      if (!this.#stopping) await this.#pause(this.#pollIntervalMs);
    }
  }

  /** Applies batches until stopped or the lock is lost, each on a pooled connection borrowed for it. */
  async #applyWhileHeld(lockLost: AbortSignal): Promise<void> {
    const done = AbortSignal.any([this.#abort.signal, lockLost]);
    while (!done.aborted) {
      const seen = this.notifier.generation;
      const batch = await this.db.connection().execute((connection) => this.#applyBatch(connection, done));
      this.#notifyProgress();
      // Nothing to apply: wait for an append, or look again soon if committed events were held back.
      if (batch === 'idle' || batch === 'held back')
        await this.notifier.waitForChange(seen, batch === 'held back' ? 5 : this.#pollIntervalMs, done);
    }
  }

  /** One batch: reads past the checkpoint, then applies and moves the checkpoint in one fenced transaction. */
  async #applyBatch(
    connection: Kysely<DB>,
    done: AbortSignal,
  ): Promise<'idle' | 'held back' | 'applied' | 'refused'> {
    const from = await this.#storedCheckpoint(connection);
    // Read outside the write transaction: an open transaction with an id would hold back every reader.
    const { events, checkpoint, heldBack } = await readAll(
      connection as Kysely<unknown>,
      from,
      this.#batchSize,
    );
    this.#checkpoint = from;
    if (events.length === 0) return heldBack ? 'held back' : 'idle';
    // Stopping, or the lock is gone: leave the batch to whoever holds the lock now.
    if (done.aborted) return 'refused';
    const applied = await connection.transaction().execute(async (trx) => {
      // Fencing: move the checkpoint only from where this batch started, or apply nothing. This is what
      // keeps a runner that lost its lock without noticing yet from applying a batch twice.
      const moved = await sql`
        update projection_checkpoints
        set transaction_id = ${checkpoint.transactionId.toString()}::xid8, position = ${checkpoint.position.toString()},
            updated_at = now()
        where name = ${this.projection.name}
          and transaction_id = ${from.transactionId.toString()}::xid8 and position = ${from.position.toString()}
      `.execute(trx);
      if (Number(moved.numAffectedRows ?? 0n) !== 1) return false;
      await this.projection.apply(trx as Transaction<DB>, events);
      return true;
    });
    if (!applied) return 'refused';
    this.#checkpoint = checkpoint;
    return 'applied';
  }

  async #storedCheckpoint(connection: Kysely<DB> = this.db): Promise<Checkpoint> {
    const { rows } = await sql<{ transaction_id: string; position: string }>`
      select transaction_id::text as transaction_id, position from projection_checkpoints where name = ${this.projection.name}
    `.execute(connection);
    const row = rows[0];
    return row
      ? { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) }
      : { transactionId: 0n, position: 0n };
  }

  #notifyProgress(): void {
    const waiters = this.#progressWaiters;
    this.#progressWaiters = [];
    for (const waiter of waiters) waiter();
  }

  #pause(ms: number): Promise<void> {
    const signal = this.#abort.signal;
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

/**
 * Rebuilds a projection from zero: empties its tables and rewinds its checkpoint in one transaction.
 * The active runner (in this or another process) then replays every event; a batch it had in flight is
 * refused by the checkpoint fence.
 */
export async function resetProjection<DB>(db: Kysely<DB>, projection: Projection<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`
      insert into projection_checkpoints (name) values (${projection.name})
      on conflict (name) do update set transaction_id = '0', position = 0, updated_at = now()
    `.execute(trx);
    await projection.reset(trx);
  });
}
