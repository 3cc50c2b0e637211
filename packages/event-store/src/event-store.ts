import type { Kysely } from 'kysely';
import { append } from './append/append.ts';
import { createDatabase, type DatabaseOptions } from './db.ts';
import type { Projection } from './projections/projection.ts';
import { LockSession } from './projections/lock-session.ts';
import { Projector, resetProjection, type ProjectorOptions } from './projections/projector.ts';
import { RunnerGroup } from './projections/runner-group.ts';
import { readAll, type ReadAllResult } from './read/read-all.ts';
import { readProduction, type ReadProductionOptions } from './read/read-production.ts';
import { readStream, streamVersion, type ReadStreamOptions } from './read/read-stream.ts';
import { migrateToLatest } from './schema/migrations.ts';
import type { EventStoreTables } from './schema/tables.ts';
import { Notifier } from './subscribe/notifier.ts';
import { Subscription, type SubscribeOptions } from './subscribe/subscription.ts';
import type {
  AppendOptions,
  AppendResult,
  Checkpoint,
  ExpectedVersion,
  NewEvent,
  StoredEvent,
} from './types.ts';
import { verify, type VerifyOptions } from './verify/verify.ts';
import type { VerifyReport } from './verify/chain-verifier.ts';
import {
  productionHistory,
  verifyProduction,
  type LinkedEvent,
  type VerifyProductionOptions,
} from './verify/production-history.ts';

export interface EventStoreOptions extends DatabaseOptions {
  /** The clock that stamps `recordedAt` when an event's metadata has none. */
  readonly now?: () => Date;
  /** Where listener reconnects and projector failures are reported. */
  readonly onError?: (error: unknown) => void;
}

/**
 * The Panggung event store on PostgreSQL.
 *
 * @example
 * const store = createEventStore({ connectionString: process.env.DATABASE_URL! });
 * await store.migrate();
 * const result = await store.append('contract-42', 'no_stream', [
 *   { type: 'ContractDrafted', data: { amount: 12_500_000, currency: 'IDR' } },
 * ], { metadata: { actor: 'person:ayu' } });
 * for await (const batch of store.subscribe({ after: START })) console.log(batch);
 */
export class EventStore<Extra = object> {
  readonly db: Kysely<EventStoreTables & Extra>;
  readonly notifier: Notifier;
  readonly #now: () => Date;
  readonly #onError: (error: unknown) => void;
  readonly #options: EventStoreOptions;
  #locks: LockSession | undefined;
  readonly #runners = new RunnerGroup();

  constructor(options: EventStoreOptions) {
    this.#options = options;
    this.db = createDatabase<Extra>(options);
    this.#now = options.now ?? (() => new Date());
    this.#onError = options.onError ?? (() => {});
    this.notifier = new Notifier(options.connectionString, (error) => this.#onError(error));
  }

  /** Creates or upgrades the store's tables; safe to call from several processes at once. */
  migrate(): Promise<string[]> {
    return migrateToLatest(this.db as Kysely<unknown>);
  }

  async append(
    streamId: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    const result = await append(this.#untyped, streamId, expected, events, options, this.#now);
    if (!result.duplicate) this.#wakeReaders();
    return result;
  }

  /**
   * Wakes every reader after a committed append (DESIGN.md decision 4: a wake-up, never data). This
   * process's readers at once; other processes' through one NOTIFY sent after the commit, outside the
   * appending transaction: a NOTIFY inside it would hold PostgreSQL's global notify lock until its commit
   * is flushed and so serialise all appends. The NOTIFY goes out on the notifier's own connection, so it
   * never waits in line with appends; one lost to a crash between the commit and the NOTIFY is covered by
   * the readers' fallback poll.
   */
  #wakeReaders(): void {
    this.notifier.wake();
    this.notifier.notifyOthers();
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return readStream(this.#untyped, streamId, options);
  }

  streamVersion(streamId: string): Promise<bigint> {
    return streamVersion(this.#untyped, streamId);
  }

  readAll(after: Checkpoint, limit?: number): Promise<ReadAllResult> {
    return readAll(this.#untyped, after, limit);
  }

  /** One production's events (by `data.productionId`), in commit order, a page at a time. */
  readProduction(productionId: string, options?: ReadProductionOptions): Promise<ReadAllResult> {
    return readProduction(this.#untyped, productionId, options);
  }

  /** Catch-up then live, in commit order. Starts the shared listener on first use. */
  subscribe(options?: SubscribeOptions): Subscription {
    void this.notifier.start().catch((error: unknown) => this.#onError(error));
    return new Subscription(this.#untyped, this.notifier, options);
  }

  verify(options?: VerifyOptions): Promise<VerifyReport> {
    return verify(this.#untyped, options);
  }

  /** Every stream's chain in one production's history, as its export is verified, plus the stream heads. */
  verifyProduction(productionId: string, options?: VerifyProductionOptions): Promise<VerifyReport> {
    return verifyProduction(this.#untyped, productionId, options);
  }

  /** A production's full history with each event's previous hash: the lines of its export. */
  productionHistory(productionId: string): AsyncGenerator<LinkedEvent> {
    return productionHistory(this.#untyped, productionId);
  }

  /**
   * Starts a runner for the projection (one active across all processes). Every runner of this store
   * takes its advisory lock on one shared connection, its lock session (application name
   * `<applicationName> locks`), and borrows a pooled connection only for each batch. A projection with
   * `dependsOn` applies an event only after its dependencies have; each must be projected by this store
   * (started before or after it) or have a checkpoint, else the runner stops with a
   * `ProjectionDependencyError` (reported to `onError`, and by `caughtUp`).
   */
  project(
    projection: Projection<EventStoreTables & Extra>,
    options?: ProjectorOptions,
  ): Projector<EventStoreTables & Extra> {
    void this.notifier.start().catch((error: unknown) => this.#onError(error));
    this.#locks ??= new LockSession(
      this.#options.connectionString,
      `${this.#options.applicationName ?? 'panggung'} locks`,
      (error) => this.#onError(error),
    );
    return new Projector(this.db, this.notifier, this.#locks, this.#runners, projection, {
      onError: this.#onError,
      ...options,
    }).start();
  }

  /** Empties the projection and rewinds it to the first event; its runner replays everything. */
  resetProjection(projection: Projection<EventStoreTables & Extra>): Promise<void> {
    return resetProjection(this.db, projection);
  }

  /** Closes the store's connections; a projection runner still running stands by until stopped. */
  async close(): Promise<void> {
    await this.#locks?.close();
    await this.notifier.close();
    await this.db.destroy();
  }

  get #untyped(): Kysely<unknown> {
    return this.db as Kysely<unknown>;
  }
}

export function createEventStore<Extra = object>(options: EventStoreOptions): EventStore<Extra> {
  return new EventStore<Extra>(options);
}
