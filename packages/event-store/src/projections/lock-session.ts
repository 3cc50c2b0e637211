import pg from 'pg';

/** An advisory lock held through a {@link LockSession}. */
export interface LockLease {
  readonly key: string;
  /** Aborts when the lock is lost: the session's connection broke, or the session was closed. */
  readonly signal: AbortSignal;
  /** Gives the lock back (idempotent; a lost lock is already gone with its connection). */
  release(): Promise<void>;
}

/**
 * One dedicated connection, outside the pool, on which every projection runner of a store takes and gives
 * back its PostgreSQL advisory lock (session-level), so that N runners hold one connection instead of N.
 * Queries run one at a time on it, in order (pg 8 deprecates concurrent queries on one client). If the connection breaks, PostgreSQL has
 * released every lock it held: each lease's `signal` aborts and its runner stands by; the next `tryLock`
 * connects again. A runner that had not yet noticed the loss is still harmless, since its batch
 * transaction only moves the checkpoint from where the batch started (the fence in `Projector`).
 *
 * @example
 * const locks = new LockSession(url, 'panggung-api locks');
 * const lease = await locks.tryLock('projection:budget');
 * if (lease) try { await work(lease.signal); } finally { await lease.release(); }
 * await locks.close();
 */
export class LockSession {
  #client: pg.Client | undefined;
  #connecting: Promise<pg.Client> | undefined;
  readonly #held = new Map<string, AbortController>();
  #closed = false;
  /** The tail of the query line: one query at a time on the connection, in the order they were asked. */
  #line: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly connectionString: string,
    private readonly applicationName = 'panggung locks',
    private readonly onError: (error: Error) => void = () => {},
  ) {}

  /** The backend process id of the session's connection, while connected. */
  get pid(): number | undefined {
    return (this.#client as unknown as { processID?: number } | undefined)?.processID;
  }

  /** Keys of the locks held now. */
  get held(): string[] {
    return [...this.#held.keys()];
  }

  /**
   * Takes the lock named `key` if nobody holds it, in any process; resolves to undefined when someone
   * does, including another runner of this session (PostgreSQL's advisory locks are re-entrant within
   * one session, so the session itself must refuse a second holder). Rejects if it cannot connect.
   */
  async tryLock(key: string): Promise<LockLease | undefined> {
    if (this.#closed || this.#held.has(key)) return undefined;
    // Reserved before the first await, so two runners of one key in this process cannot both get it.
    const controller = new AbortController();
    this.#held.set(key, controller);
    const forget = (): void => {
      if (this.#held.get(key) === controller) this.#held.delete(key);
    };
    try {
      const client = await this.#connection();
      const { rows } = await this.#query<{ locked: boolean }>(
        client,
        'select pg_try_advisory_lock(hashtextextended($1, 0)) as locked',
        key,
      );
      if (!rows[0]?.locked || controller.signal.aborted) {
        forget();
        return undefined;
      }
      let released = false;
      return {
        key,
        signal: controller.signal,
        release: async () => {
          if (released) return;
          released = true;
          const stillHeld = !controller.signal.aborted && this.#client === client;
          forget();
          if (stillHeld)
            await this.#query(client, 'select pg_advisory_unlock(hashtextextended($1, 0))', key).catch(
              // The connection broke meanwhile: the lock went with it.
              () => {},
            );
        },
      };
    } catch (error) {
      forget();
      throw error;
    }
  }

  /** Gives back every lock and closes the connection; later `tryLock`s get nothing. */
  async close(): Promise<void> {
    this.#closed = true;
    const client = this.#client;
    this.#client = undefined;
    this.#loseAll();
    await client?.end().catch(() => {});
  }

  #query<R extends pg.QueryResultRow>(
    client: pg.Client,
    text: string,
    key: string,
  ): Promise<pg.QueryResult<R>> {
    const result = this.#line.then(() => client.query<R>(text, [key]));
    this.#line = result.catch(() => {});
    return result;
  }

  #connection(): Promise<pg.Client> {
    if (this.#client) return Promise.resolve(this.#client);
    this.#connecting ??= this.#connect().finally(() => (this.#connecting = undefined));
    return this.#connecting;
  }

  async #connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: this.applicationName,
      keepAlive: true,
    });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, new Error('lock session connection ended')));
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (this.#closed) {
      await client.end().catch(() => {});
      throw new Error('lock session closed');
    }
    this.#client = client;
    return client;
  }

  #lost(client: pg.Client, error: Error): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    this.#loseAll();
    client.end().catch(() => {});
    if (!this.#closed) this.onError(error);
  }

  #loseAll(): void {
    const controllers = [...this.#held.values()];
    this.#held.clear();
    for (const controller of controllers) controller.abort();
  }
}
