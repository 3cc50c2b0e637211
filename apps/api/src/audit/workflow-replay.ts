import { workflowsPath } from '@panggung/workflows';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema/tables.ts';

/** A kept history, as replayed: Temporal's JSON for one run. */
export interface KeptHistory {
  readonly productionId: string;
  readonly workflowId: string;
  readonly runId: string;
  readonly workflowType: string;
  readonly history: unknown;
}

/** One kept history as replayed: `error` is undefined when the current code decided the same way. */
export interface WorkflowReplayResult {
  readonly workflowId: string;
  readonly runId: string;
  readonly workflowType: string;
  readonly error: Error | undefined;
}

/** Which workflow code to replay against: the current code (the default), or another (tests). */
export type ReplayCode =
  { readonly workflowBundle: WorkflowBundleWithSourceMap } | { readonly workflowsPath: string };

const PAGE = 50;

/**
 * The kept histories of one production, or of every production, oldest workflow id first. Read page by
 * page (keyset on the workflow id), so replaying a whole database never holds every history in memory.
 */
export async function* keptHistories(
  db: Kysely<Database>,
  productionId?: string,
): AsyncGenerator<KeptHistory> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('workflow_histories')
      .select([
        'production_id',
        'workflow_id',
        'run_id',
        'workflow_type',
        sql<string>`history::text`.as('history'),
      ])
      .where('status', '=', 'kept')
      .where('workflow_id', '>', after)
      .$if(productionId !== undefined, (qb) => qb.where('production_id', '=', productionId!))
      .orderBy('workflow_id')
      .limit(PAGE)
      .execute();
    for (const row of rows)
      yield {
        productionId: row.production_id,
        workflowId: row.workflow_id,
        runId: row.run_id ?? '',
        workflowType: row.workflow_type ?? '',
        history: JSON.parse(row.history) as unknown,
      };
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.workflow_id;
  }
}

/**
 * Replays kept histories against workflow code (`Worker.runReplayHistories`, one replay worker for all):
 * a result with an error is a run that code would decide differently (a `DeterminismViolationError`), or
 * that failed on replay (a `ReplayError`). The current code is bundled here unless a bundle is given.
 *
 * @example
 * for await (const result of replayKeptHistories(keptHistories(db, productionId)))
 *   console.log(result.workflowId, result.error ? 'FAILED' : 'OK');
 */
export async function* replayKeptHistories(
  histories: AsyncIterable<KeptHistory> | Iterable<KeptHistory>,
  code: ReplayCode = { workflowsPath },
): AsyncGenerator<WorkflowReplayResult> {
  const replaying = new Map<string, KeptHistory>();
  async function* inputs() {
    for await (const kept of histories) {
      replaying.set(kept.workflowId, kept);
      yield { workflowId: kept.workflowId, history: kept.history };
    }
  }
  for await (const { workflowId, error } of Worker.runReplayHistories(code, inputs())) {
    const kept = replaying.get(workflowId);
    replaying.delete(workflowId);
    yield {
      workflowId,
      runId: kept?.runId ?? '',
      workflowType: kept?.workflowType ?? '',
      error: error === undefined ? undefined : error instanceof Error ? error : new Error(String(error)),
    };
  }
}
