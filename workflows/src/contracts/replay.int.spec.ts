import fs from 'node:fs/promises';
import path from 'node:path';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { quietTemporalRuntime, testWorkflowBundle } from '../testing/index.ts';

/**
 * Replays the checked-in histories of the contract approval workflow (`histories/*.json`, recorded by
 * `pnpm run record-histories`) against the current code: a change that would break approvals in flight
 * fails here.
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

describe('contractApprovalWorkflow histories', () => {
  it('replay against the current code without a determinism error', async () => {
    quietTemporalRuntime();
    const recorded = await histories();
    expect(recorded.map((entry) => entry.workflowId)).toEqual([
      'contract-reminded-sent-back.json',
      'contract-signed.json',
    ]);
    const results = [];
    const replay = Worker.runReplayHistories({ workflowBundle: await testWorkflowBundle() }, recorded);
    for await (const result of replay) results.push(result);
    expect(results.map(({ workflowId, error }) => ({ workflowId, error }))).toEqual(
      recorded.map(({ workflowId }) => ({ workflowId, error: undefined })),
    );
  });

  it('fail to replay against a copy that waits before the chain starts', async () => {
    quietTemporalRuntime();
    const [, signed] = await histories();
    const replay = Worker.runReplayHistory(
      { workflowsPath: path.join(import.meta.dirname, 'fixtures/delayed-workflow.ts') },
      signed!.history,
    );
    await expect(replay).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
