import type { ShowPosition } from '@panggung/contracts';
import { nextPending, type RunningShow } from './show-run.ts';

/** Where the show stands: live cue, next cue, standby and version. */
export function showPosition(show: RunningShow): ShowPosition {
  const next = nextPending(show);
  const cueId = (index: number | null) => (index === null ? null : (show.run.cues[index]?.cueId ?? null));
  return {
    status: show.status,
    version: show.version,
    currentCueId: cueId(show.current),
    nextCueId: show.status === 'ended' ? null : cueId(next),
    standby: show.standby
      ? {
          cueId: show.standby.cueId,
          departments: [...show.standby.departments],
          acknowledged: [...show.standby.acknowledged],
        }
      : null,
  };
}
