import path from 'node:path';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { quietTemporalRuntime } from '../testing/index.ts';
import { readHistories, replayAgainstCurrentCode } from '../testing/replay.ts';

/**
 * Replays the checked-in histories of the contract approval workflow (`histories/*.json`, recorded by
 * `pnpm run record-histories`) against the current code: a change that would break approvals in flight
 * fails here.
 */
const historiesDir = path.join(import.meta.dirname, 'histories');

describe('contractApprovalWorkflow histories', () => {
  it('replay against the current code without a determinism error', async () => {
    quietTemporalRuntime();
    const recorded = await readHistories(historiesDir);
    expect(recorded.map((entry) => entry.workflowId)).toEqual([
      'contract-reminded-sent-back.json',
      'contract-signed.json',
    ]);
    expect(await replayAgainstCurrentCode(recorded)).toEqual(
      recorded.map(({ workflowId }) => ({ workflowId, error: undefined })),
    );
  });

  it('fail to replay against a copy that waits before the chain starts', async () => {
    quietTemporalRuntime();
    const [, signed] = await readHistories(historiesDir);
    const replay = Worker.runReplayHistory(
      { workflowsPath: path.join(import.meta.dirname, 'fixtures/delayed-workflow.ts') },
      signed!.history,
    );
    await expect(replay).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
