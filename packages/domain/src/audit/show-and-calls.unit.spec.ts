import { describe, expect, it } from 'vitest';
import { C, productionId, showDay } from '../show/show.fixtures.ts';
import { eko, run, showEvents as events } from './audit.fixtures.ts';
import { changesBetween } from './changes.ts';
import { productionAt } from './time-travel.ts';

describe('the crew calls and the run of show at a past position', () => {
  it('shows who still owed an acknowledgement, and who had given it', () => {
    const published = productionAt(productionId, events.slice(0, 1)).crew.callSheets;
    expect(published).toMatchObject([{ day: showDay, version: 1, pending: [eko], acknowledged: [] }]);
    const acknowledged = productionAt(productionId, events.slice(0, 2)).crew.callSheets;
    expect(acknowledged).toMatchObject([{ pending: [], acknowledged: [eko] }]);
  });

  it('shows the show day ready before the first GO, then running on its first cue', () => {
    expect(productionAt(productionId, events.slice(0, 3)).shows).toEqual([
      { showDay, position: expect.objectContaining({ status: 'ready', currentCueId: null }) },
    ]);
    const running = productionAt(productionId, events).shows[0]?.position;
    expect(running).toMatchObject({ status: 'running', currentCueId: run.cues[0]!.cueId });
    expect(run.cues.map((cue) => cue.cueId)).toContain(C[1]);
  });

  it('names the cue that went and an actor that is no person', () => {
    const changes = changesBetween(events, { lang: 'en', names: new Map() });
    expect(changes.at(-1)?.summary).toBe(`GO: ${run.cues[0]!.title} (${showDay})`);
    expect(changes.every((change) => change.actorName === null)).toBe(true);
  });
});
