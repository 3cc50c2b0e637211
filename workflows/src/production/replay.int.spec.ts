import path from 'node:path';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { quietTemporalRuntime } from '../testing/index.ts';
import { readHistories, replayAgainstCurrentCode } from '../testing/replay.ts';

/**
 * Replays the checked-in histories (`histories/*.json`, recorded by `pnpm run record-histories`) against
 * the current workflow code: a change that would break running productions fails here.
 */
const historiesDir = path.join(import.meta.dirname, 'histories');

describe('productionWorkflow histories', () => {
  it('replay against the current code without a determinism error', async () => {
    quietTemporalRuntime();
    const recorded = await readHistories(historiesDir);
    expect(recorded.map((entry) => entry.workflowId)).toEqual([
      'production-closed-at-start.json',
      'production-closed.json',
      'production-phases.json',
    ]);
    expect(await replayAgainstCurrentCode(recorded)).toEqual(
      recorded.map(({ workflowId }) => ({ workflowId, error: undefined })),
    );
  });

  it('fail to replay against a reordered copy of the workflow', async () => {
    quietTemporalRuntime();
    const [, closed] = await readHistories(historiesDir);
    const replay = Worker.runReplayHistory(
      { workflowsPath: path.join(import.meta.dirname, 'fixtures/reordered-workflow.ts') },
      closed!.history,
    );
    await expect(replay).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
