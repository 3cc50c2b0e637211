import { sql, type Kysely, type Transaction } from 'kysely';
import { compareCheckpoints, START } from '../checkpoint.ts';
import type { Checkpoint } from '../types.ts';
import { readAll } from '../read/read-all.ts';
import type { Notifier } from '../subscribe/notifier.ts';
import { ProjectionDependencyError } from './dependencies.ts';
import type { LockSession } from './lock-session.ts';
import type { Projection } from './projection.ts';
import type { RunnerGroup } from './runner-group.ts';

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
  readonly #dependsOn: readonly string[];
  /** Why the runner stopped by itself (a dependency it cannot wait for). */
  #failure: ProjectionDependencyError | undefined;
  /** The dependencies that held back the last batch (empty when none did). */
  #waitingFor: readonly string[] = [];

  constructor(
    private readonly db: Kysely<DB>,
    private readonly notifier: Notifier,
    private readonly locks: LockSession,
    private readonly group: RunnerGroup,
    readonly projection: Projection<DB>,
    private readonly options: ProjectorOptions = {},
  ) {
    this.#batchSize = options.batchSize ?? 500;
    this.#pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.#dependsOn = [...new Set(projection.dependsOn ?? [])];
    group.add(projection);
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

  /** The dependencies (`Projection.dependsOn`) that held back its last batch: it waits for them. */
  get waitingFor(): readonly string[] {
    return this.#waitingFor;
  }

  /**
   * Resolves once this runner has applied everything committed before the call (and is active).
   * Useful in tests and after a rebuild. A projection with dependencies catches up once they have.
   * Rejects with the {@link ProjectionDependencyError} that stopped the runner, if one did.
   */
  async caughtUp(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.#failure) throw this.#failure;
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
    const waiting = this.#waitingFor.length > 0 ? ` (waiting for ${this.#waitingFor.join(', ')})` : '';
    throw new Error(`Projection ${this.projection.name} did not catch up within ${timeoutMs} ms${waiting}`);
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
    let checked = false;
    while (!this.#stopping) {
      try {
        if (!checked) await this.#checkDependencies();
        checked = true;
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
        if (error instanceof ProjectionDependencyError) {
          // Waiting would be forever: stop, and say why (`caughtUp` rejects with it too).
          this.#failure = error;
          this.#state = 'stopped';
          this.options.onError?.(error);
          this.#notifyProgress();
          return;
        }
        if (!this.#stopping) this.#state = 'standby';
        this.options.onError?.(error);
      }
      if (!this.#stopping) await this.#pause(this.#pollIntervalMs);
    }
  }

  /**
   * Every dependency must be run by a runner of this store (started before or after this one) or have a
   * checkpoint (a runner somewhere ran it), and none may lead back to this projection.
   */
  async #checkDependencies(): Promise<void> {
    const name = this.projection.name;
    if (this.#dependsOn.includes(name))
      throw new ProjectionDependencyError(name, [name], `Projection ${name} depends on itself.`);
    const unknown = this.#dependsOn.filter((dependency) => !this.group.get(dependency));
    if (unknown.length > 0) {
      const { rows } = await sql<{ name: string }>`
        select name from projection_checkpoints where name in (${sql.join(unknown)})
      `.execute(this.db);
      const missing = unknown.filter((dependency) => !rows.some((row) => row.name === dependency));
      if (missing.length > 0)
        throw new ProjectionDependencyError(
          name,
          missing,
          `Projection ${name} depends on ${missing.map((m) => `"${m}"`).join(', ')}, which no runner ` +
            `projects (not started by this store, and no checkpoint): it would wait forever.`,
        );
    }
    // A cycle through this projection, among the ones this store runs.
    const path = [name];
    const leadsBack = (dependencies: readonly string[]): boolean =>
      dependencies.some((dependency) => {
        if (dependency === name) return true;
        if (path.includes(dependency)) return false;
        path.push(dependency);
        if (leadsBack(this.group.get(dependency)?.dependsOn ?? [])) return true;
        path.pop();
        return false;
      });
    if (leadsBack(this.#dependsOn)) {
      const cycle = [...path, name];
      throw new ProjectionDependencyError(
        name,
        cycle,
        `Projections depend on each other in a cycle: ${cycle.join(' → ')}.`,
      );
    }
  }

  /** Applies batches until stopped or the lock is lost, each on a pooled connection borrowed for it. */
  async #applyWhileHeld(lockLost: AbortSignal): Promise<void> {
    const done = AbortSignal.any([this.#abort.signal, lockLost]);
    let dependencyPollMs = 5;
    while (!done.aborted) {
      const seen = this.notifier.generation;
      const seenMoves = this.group.moves(this.#dependsOn);
      const batch = await this.db.connection().execute((connection) => this.#applyBatch(connection, done));
      this.#notifyProgress();
      if (batch === 'applied') this.group.moved(this.projection.name);
      // Nothing to apply: wait for an append, or look again soon if committed events were held back.
      if (batch === 'idle' || batch === 'held back')
        await this.notifier.waitForChange(seen, batch === 'held back' ? 5 : this.#pollIntervalMs, done);
      // Only events its dependencies have not applied yet: wait until one of them moves. A runner of
      // this store says so at once; one in another process is seen by looking again, with back-off.
      if (batch === 'waiting') {
        await this.group.waitForMove(this.#dependsOn, seenMoves, dependencyPollMs, done);
        dependencyPollMs = Math.min(dependencyPollMs * 2, this.#pollIntervalMs);
      } else dependencyPollMs = 5;
    }
  }

  /**
   * One batch: reads past the checkpoint, up to the lowest checkpoint of its dependencies, then applies
   * it and moves the checkpoint in one fenced transaction.
   */
  async #applyBatch(
    connection: Kysely<DB>,
    done: AbortSignal,
  ): Promise<'idle' | 'held back' | 'waiting' | 'applied' | 'refused'> {
    const { from, limit } = await this.#checkpoints(connection);
    this.#checkpoint = from;
    // Read outside the write transaction: an open transaction with an id would hold back every reader.
    // When its dependencies are no further than this projection, one event tells whether it must wait.
    const blocked = limit !== undefined && compareCheckpoints(limit.checkpoint, from) <= 0;
    const read = await readAll(connection as Kysely<unknown>, from, blocked ? 1 : this.#batchSize);
    const { heldBack } = read;
    let { events, checkpoint } = read;
    if (limit && events.length > 0 && compareCheckpoints(events.at(-1)!.checkpoint, limit.checkpoint) > 0) {
      // Events are in commit order: the ones the dependencies have applied come first.
      events = events.filter((event) => compareCheckpoints(event.checkpoint, limit.checkpoint) <= 0);
      this.#waitingFor = limit.behind;
      if (events.length === 0) return 'waiting';
      checkpoint = events.at(-1)!.checkpoint;
    } else this.#waitingFor = [];
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

  /**
   * This projection's stored checkpoint and, if it has dependencies, the lowest of theirs (one missing
   * counts as the start) with the dependencies at it, read together.
   */
  async #checkpoints(
    connection: Kysely<DB>,
  ): Promise<{ from: Checkpoint; limit?: { checkpoint: Checkpoint; behind: string[] } }> {
    if (this.#dependsOn.length === 0) return { from: await this.#storedCheckpoint(connection) };
    const names = [this.projection.name, ...this.#dependsOn];
    const { rows } = await sql<{ name: string; transaction_id: string; position: string }>`
      select name, transaction_id::text as transaction_id, position::text as position
      from projection_checkpoints where name in (${sql.join(names)})
    `.execute(connection);
    const stored = new Map(
      rows.map((row) => [
        row.name,
        { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) },
      ]),
    );
    let lowest: Checkpoint | undefined;
    let behind: string[] = [];
    for (const name of this.#dependsOn) {
      const checkpoint = stored.get(name) ?? START;
      const order = lowest === undefined ? -1 : compareCheckpoints(checkpoint, lowest);
      if (order < 0) [lowest, behind] = [checkpoint, [name]];
      else if (order === 0) behind.push(name);
    }
    return { from: stored.get(this.projection.name) ?? START, limit: { checkpoint: lowest!, behind } };
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
