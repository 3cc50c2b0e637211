import { workflowsPath } from '@panggung/workflows';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/tables.ts';

/** One kept history as replayed: `error` is undefined when the current code decided the same way. */
export interface WorkflowReplayResult {
  readonly workflowId: string;
  readonly runId: string;
  readonly workflowType: string;
  readonly error: Error | undefined;
}

export interface KeptHistory {
  readonly workflowId: string;
  readonly runId: string;
  readonly workflowType: string;
  readonly history: unknown;
}

/** Every kept history of a production, oldest first. */
export async function keptHistories(db: Kysely<Database>, productionId: string): Promise<KeptHistory[]> {
  const rows = await db
    .selectFrom('workflow_histories')
    .select(['workflow_id', 'run_id', 'workflow_type', 'history'])
    .where('production_id', '=', productionId)
    .orderBy('closed_at')
    .orderBy('workflow_id')
    .execute();
  return rows.map((row) => ({
    workflowId: row.workflow_id,
    runId: row.run_id,
    workflowType: row.workflow_type,
    history: row.history,
  }));
}

/**
 * Replays kept histories against the current workflow code (`Worker.runReplayHistories`): a result with an
 * error is a run the current code would decide differently (a non-determinism, or a failure on replay).
 * Pass a `workflowBundle` already built (tests share one); otherwise the workflows are bundled here.
 */
export async function replayKeptHistories(
  histories: readonly KeptHistory[],
  options: { workflowBundle?: WorkflowBundleWithSourceMap } = {},
): Promise<WorkflowReplayResult[]> {
  if (histories.length === 0) return [];
  const byReplayId = new Map(histories.map((kept) => [`${kept.workflowId}/${kept.runId}`, kept]));
  const replay = Worker.runReplayHistories(
    options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath },
    histories.map((kept) => ({ workflowId: `${kept.workflowId}/${kept.runId}`, history: kept.history })),
  );
  const results: WorkflowReplayResult[] = [];
  for await (const { workflowId, error } of replay) {
    const kept = byReplayId.get(workflowId);
    if (!kept) continue;
    results.push({
      workflowId: kept.workflowId,
      runId: kept.runId,
      workflowType: kept.workflowType,
      error: error === undefined ? undefined : error instanceof Error ? error : new Error(String(error)),
    });
  }
  return results;
}
