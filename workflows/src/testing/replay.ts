import fs from 'node:fs/promises';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { testWorkflowBundle } from './index.ts';

export interface RecordedHistory {
  /** The file's name, used as the replay's workflow id. */
  readonly workflowId: string;
  readonly history: unknown;
}

/** The checked-in histories of one folder (`*.json`, written by `pnpm run record-histories`), by name. */
export async function readHistories(dir: string): Promise<RecordedHistory[]> {
  const files = (await fs.readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => ({
      workflowId: file,
      history: JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as unknown,
    })),
  );
}

/** Replays every history against the current workflow code; each result's `error` is undefined when it held. */
export async function replayAgainstCurrentCode(
  recorded: readonly RecordedHistory[],
): Promise<Array<{ workflowId: string; error: unknown }>> {
  const results: Array<{ workflowId: string; error: unknown }> = [];
  const replay = Worker.runReplayHistories({ workflowBundle: await testWorkflowBundle() }, recorded);
  for await (const { workflowId, error } of replay) results.push({ workflowId, error });
  return results;
}
