import fs from 'node:fs/promises';
import path from 'node:path';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { quietTemporalRuntime, testWorkflowBundle } from '../testing/index.ts';

/**
 * Replays the checked-in histories (`histories/*.json`, recorded by `pnpm run record-histories`) against
 * the current workflow code: a change that would break running productions fails here.
 */
const historiesDir = path.join(import.meta.dirname, 'histories');

async function histories() {
  const files = (await fs.readdir(historiesDir)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => ({
      workflowId: file,
      history: JSON.parse(await fs.readFile(path.join(historiesDir, file), 'utf8')) as unknown,
    })),
  );
}

describe('productionWorkflow histories', () => {
  it('replay against the current code without a determinism error', async () => {
    quietTemporalRuntime();
    const recorded = await histories();
    expect(recorded.map((entry) => entry.workflowId)).toEqual([
      'production-closed-at-start.json',
      'production-closed.json',
    ]);
    const results = [];
    const replay = Worker.runReplayHistories({ workflowBundle: await testWorkflowBundle() }, recorded);
    for await (const result of replay) results.push(result);
    expect(results.map(({ workflowId, error }) => ({ workflowId, error }))).toEqual(
      recorded.map(({ workflowId }) => ({ workflowId, error: undefined })),
    );
  });

  it('fail to replay against a reordered copy of the workflow', async () => {
    quietTemporalRuntime();
    const [, closed] = await histories();
    const replay = Worker.runReplayHistory(
      { workflowsPath: path.join(import.meta.dirname, 'fixtures/reordered-workflow.ts') },
      closed!.history,
    );
    await expect(replay).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
