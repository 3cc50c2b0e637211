import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quietTemporalRuntime } from '../testing/index.ts';
import { readHistories, replayAgainstCurrentCode } from '../testing/replay.ts';

/**
 * Replays the checked-in histories of the incident escalation workflow (escalated; settled by the signal)
 * against the current code, so a change that would break incidents in flight fails here.
 */
const historiesDir = path.join(import.meta.dirname, 'histories');

describe('incidentEscalationWorkflow histories', () => {
  it('replay against the current code without a determinism error', async () => {
    quietTemporalRuntime();
    const recorded = await readHistories(historiesDir);
    expect(recorded.map((entry) => entry.workflowId)).toEqual([
      'incident-escalated.json',
      'incident-settled.json',
    ]);
    expect(await replayAgainstCurrentCode(recorded)).toEqual(
      recorded.map(({ workflowId }) => ({ workflowId, error: undefined })),
    );
  });
});
