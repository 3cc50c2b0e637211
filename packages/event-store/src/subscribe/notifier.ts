import pg from 'pg';

export const NOTIFY_CHANNEL = 'panggung_events';

/**
 * One LISTEN connection per process that wakes every live reader when events are appended
 * (DESIGN.md decision 4: a wake-up, never data). It reconnects on its own and wakes everyone after a
 * reconnect, since notifications sent while it was away are lost.
 */
export class Notifier {
  #client: pg.Client | undefined;
  #generation = 0;
  #waiters = new Set<() => void>();
  #closed = false;
  #connecting: Promise<void> | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  #connected = false;
  #sending = false;
  #sendAgain = false;

  constructor(
    private readonly connectionString: string,
    private readonly onError: (error: Error) => void = () => {},
  ) {}

  /** Increases on every wake-up: read it before a read, and `waitForChange` after it. */
  get generation(): number {
    return this.#generation;
  }

  get connected(): boolean {
    return this.#connected;
  }

  /** Connects the listener (idempotent). Resolves once LISTEN is in place, or rejects on the first failure. */
  start(): Promise<void> {
    this.#connecting ??= this.#connect();
    return this.#connecting;
  }

  /** Resolves when the generation moves past `seen`, or after `timeoutMs` (the fallback poll). */
  waitForChange(seen: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.#generation !== seen || this.#closed || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.#waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /**
   * Tells every process's readers that events were committed: one NOTIFY on this connection, in its own
   * transaction committed without waiting for a disk flush (it changes nothing durable). Coalesced: one in
   * flight, one more queued at most, however many appends finish meanwhile.
   */
  notifyOthers(): void {
    if (this.#sending) {
      this.#sendAgain = true;
      return;
    }
    this.#sending = true;
    void (async () => {
      try {
        await this.start();
        do {
          this.#sendAgain = false;
          await this.#client?.query(
            `select set_config('synchronous_commit', 'off', true), pg_notify($1, '')`,
            [NOTIFY_CHANNEL],
          );
        } while (this.#sendAgain && !this.#closed);
      } catch (error) {
        this.onError(error as Error);
      } finally {
        this.#sending = false;
      }
    })();
  }

  /** Wakes every waiter now (also used after a reconnect and in tests). */
  wake(): void {
    this.#generation++;
    for (const waiter of [...this.#waiters]) waiter();
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retryTimer);
    this.wake();
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }

  /** Kills the listening connection as a network failure would (for tests of the reconnect). */
  async simulateConnectionLoss(): Promise<void> {
    const client = this.#client;
    if (!client) return;
    const pid = (client as unknown as { processID: number }).processID;
    const killer = new pg.Client({ connectionString: this.connectionString });
    await killer.connect();
    try {
      await killer.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await killer.end();
    }
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true });
    client.on('notification', () => this.wake());
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, new Error('listener connection ended')));
    this.#client = client;
    await client.connect();
    await client.query(`listen ${NOTIFY_CHANNEL}`);
    this.#connected = true;
    // Whatever was appended before LISTEN took hold notified nobody: let readers look once.
    this.wake();
  }

  #lost(client: pg.Client, error: Error, delayMs = 250): void {
    if (this.#client !== client || this.#closed) return;
    this.#client = undefined;
    this.#connected = false;
    this.onError(error);
    client.end().catch(() => {});
    this.#retryTimer = setTimeout(() => {
      // #connect wakes readers: anything appended while we were away notified nobody.
      this.#connect().catch((retryError: unknown) => {
        const next = this.#client;
        if (next) this.#lost(next, retryError as Error, Math.min(delayMs * 2, 5_000));
      });
    }, delayMs);
  }
}
