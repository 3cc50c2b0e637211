import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { WorkflowNotFoundError, type Client, type WorkflowExecutionDescription } from '@temporalio/client';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema/tables.ts';
import type { TemporalService } from '../services/temporal.ts';

export interface WorkflowHistoryKeeperOptions {
  /** How often it looks for histories that are due (default 1,000 ms). */
  readonly pollIntervalMs?: number;
  /** Histories claimed per pass (default 10). */
  readonly batchSize?: number;
  /** How long a claim holds before another keeper may take the history over (default 5 minutes). */
  readonly leaseMs?: number;
  /** The wait before looking again at a workflow still running; doubles each time (default 500 ms). */
  readonly retryBaseMs?: number;
  /** The longest such wait (default 15 minutes). */
  readonly retryMaxMs?: number;
  /** Called when a pass fails or Temporal cannot be reached; the keeper carries on. */
  readonly onError?: (error: unknown) => void;
}

/** What one pass did with each history it claimed. */
export type KeeperOutcome = 'kept' | 'running' | 'missing' | 'failed';

interface Claimed {
  workflow_id: string;
  attempts: number;
}

type Fetched =
  | { readonly running: true }
  | {
      readonly running: false;
      readonly description: WorkflowExecutionDescription;
      readonly json: string;
      readonly events: number;
    };

/**
 * Fetches the Temporal history of each queued finished workflow (`workflow_histories`, status `pending`)
 * and keeps it with the production, so it outlives Temporal's retention and can be replayed later.
 *
 * No transaction is ever open while it talks to Temporal (an open transaction would hold back every
 * reader of the event store): a pass claims due rows in one short statement (`for update skip locked`
 * plus a lease, so several API processes share the work and a crashed one's claims expire), then
 * describes each workflow and fetches its history with no database work in flight, then settles the row
 * in another short statement. A workflow still running is looked at again later, with a doubling wait;
 * one Temporal does not know (past its retention, or never started) is marked `missing`.
 *
 * @example
 * const keeper = new WorkflowHistoryKeeper(app.store.db, app.temporal).start();
 * await keeper.stop(); // on close: an in-flight Temporal call is aborted and its claim released
 */
export class WorkflowHistoryKeeper {
  readonly #abort = new AbortController();
  #loop: Promise<void> | undefined;
  readonly #pollIntervalMs: number;
  readonly #batchSize: number;
  readonly #leaseMs: number;
  readonly #retryBaseMs: number;
  readonly #retryMaxMs: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly temporal: Pick<TemporalService, 'client'>,
    private readonly options: WorkflowHistoryKeeperOptions = {},
  ) {
    this.#pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.#batchSize = options.batchSize ?? 10;
    this.#leaseMs = options.leaseMs ?? 5 * 60_000;
    this.#retryBaseMs = options.retryBaseMs ?? 500;
    this.#retryMaxMs = options.retryMaxMs ?? 15 * 60_000;
  }

  start(): this {
    this.#loop ??= this.#run();
    return this;
  }

  /** Stops after the history in hand (its Temporal call is aborted and the claim released). */
  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#loop;
  }

  /** One pass: claims the histories that are due and settles each. Returns what became of them. */
  async runOnce(): Promise<Map<string, KeeperOutcome>> {
    const outcomes = new Map<string, KeeperOutcome>();
    const claimed = await this.#claim();
    for (const row of claimed) {
      if (this.#abort.signal.aborted) {
        await this.#release(row.workflow_id);
        continue;
      }
      outcomes.set(row.workflow_id, await this.#settle(row));
    }
    return outcomes;
  }

  async #run(): Promise<void> {
    while (!this.#abort.signal.aborted) {
      let claimed = 0;
      try {
        claimed = (await this.runOnce()).size;
      } catch (error) {
        if (!this.#abort.signal.aborted) this.options.onError?.(error);
      }
      // A full batch suggests more are due: look again at once.
      if (claimed < this.#batchSize) await this.#pause(this.#pollIntervalMs);
    }
  }

  /** One autocommitted statement: the claim is visible (and the row lock gone) before Temporal is asked. */
  async #claim(): Promise<Claimed[]> {
    const { rows } = await sql<Claimed>`
      update workflow_histories
      set claimed_until = now() + ${this.#leaseMs} * interval '1 millisecond', attempts = attempts + 1
      where workflow_id in (
        select workflow_id from workflow_histories
        where status = 'pending' and next_attempt_at <= now()
          and (claimed_until is null or claimed_until < now())
        order by next_attempt_at
        limit ${this.#batchSize}
        for update skip locked
      )
      returning workflow_id, attempts
    `.execute(this.db);
    return rows;
  }

  async #settle(row: Claimed): Promise<KeeperOutcome> {
    let fetched: Fetched;
    // A signal per look: the SDK adds a listener per request to the signal it is given and never removes
    // it, so the keeper's long-lived one would collect them.
    const call = new AbortController();
    const abort = () => call.abort();
    this.#abort.signal.addEventListener('abort', abort, { once: true });
    try {
      const client = await this.temporal.client();
      fetched = await client.withAbortSignal(call.signal, () => fetchIfClosed(client, row.workflow_id));
    } catch (error) {
      if (this.#abort.signal.aborted) {
        await this.#release(row.workflow_id);
        return 'failed';
      }
      if (error instanceof WorkflowNotFoundError) {
        await this.db
          .updateTable('workflow_histories')
          .set({ status: 'missing', claimed_until: null, last_error: 'Temporal has no such workflow' })
          .where('workflow_id', '=', row.workflow_id)
          .execute();
        return 'missing';
      }
      this.options.onError?.(error);
      await this.#retryLater(row, error instanceof Error ? error.message : String(error));
      return 'failed';
    } finally {
      this.#abort.signal.removeEventListener('abort', abort);
    }
    if (fetched.running) {
      await this.#retryLater(row, null);
      return 'running';
    }
    const { description } = fetched;
    await this.db
      .updateTable('workflow_histories')
      .set({
        status: 'kept',
        run_id: description.runId,
        workflow_type: description.type,
        closed_at: (description.closeTime ?? new Date()).toISOString(),
        event_count: fetched.events,
        history: fetched.json,
        kept_at: new Date().toISOString(),
        claimed_until: null,
        last_error: null,
      })
      .where('workflow_id', '=', row.workflow_id)
      .execute();
    return 'kept';
  }

  async #retryLater(row: Claimed, error: string | null): Promise<void> {
    const waitMs = Math.min(this.#retryBaseMs * 2 ** Math.min(row.attempts - 1, 30), this.#retryMaxMs);
    await this.db
      .updateTable('workflow_histories')
      .set({
        next_attempt_at: new Date(Date.now() + waitMs).toISOString(),
        claimed_until: null,
        last_error: error,
      })
      .where('workflow_id', '=', row.workflow_id)
      .execute();
  }

  /** Gives a claim back untried (the keeper is stopping), so the next start takes it at once. */
  async #release(workflowId: string): Promise<void> {
    await this.db
      .updateTable('workflow_histories')
      .set((eb) => ({ claimed_until: null, attempts: eb('attempts', '-', 1) }))
      .where('workflow_id', '=', workflowId)
      .execute()
      .catch(() => {});
  }

  #pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#abort.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#abort.signal.addEventListener('abort', done, { once: true });
    });
  }
}

/** The latest run's history, as Temporal's JSON, once it has closed; nothing while it still runs. */
async function fetchIfClosed(client: Client, workflowId: string): Promise<Fetched> {
  const description = await client.workflow.getHandle(workflowId).describe();
  if (!description.closeTime) return { running: true };
  const history = await client.workflow.getHandle(workflowId, description.runId).fetchHistory();
  return { running: false, description, json: historyToJSON(history), events: history.events?.length ?? 0 };
}
