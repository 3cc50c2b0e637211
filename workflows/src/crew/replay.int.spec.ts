import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quietTemporalRuntime } from '../testing/index.ts';
import { readHistories, replayAgainstCurrentCode } from '../testing/replay.ts';

/**
 * Replays the checked-in histories of the call acknowledgement workflow (recorded from its worker
 * integration test: reminded then escalated then acknowledged; superseded) against the current code, so
 * a change that would break call sheets in flight fails here.
 */
const historiesDir = path.join(import.meta.dirname, 'histories');

describe('callAcknowledgementWorkflow histories', () => {
  it('replay against the current code without a determinism error', async () => {
    quietTemporalRuntime();
    const recorded = await readHistories(historiesDir);
    expect(recorded.map((entry) => entry.workflowId)).toEqual([
      'call-sheet-reminded-escalated.json',
      'call-sheet-superseded.json',
    ]);
    expect(await replayAgainstCurrentCode(recorded)).toEqual(
      recorded.map(({ workflowId }) => ({ workflowId, error: undefined })),
    );
  });
});
