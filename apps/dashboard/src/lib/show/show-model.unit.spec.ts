import { describe, expect, it } from 'vitest';
import { CUE, at, runningShow } from './show.fixtures.ts';
import { awaitsAcknowledgement, departmentRows, showModel } from './show-model.ts';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('showModel', () => {
  it('shows the server’s figures at the instant they were computed', () => {
    const model = showModel(runningShow(), at('13:08:00'));
    expect(model).toMatchObject({
      status: 'running',
      cueNumber: 1,
      cueCount: 3,
      elapsedSeconds: 480,
      remainingSeconds: 120,
      overUnderSeconds: 0,
      held: false,
    });
    expect(model.current?.title).toBe('Video pembuka');
    expect(model.next?.title).toBe('Sambutan MC');
    expect(iso(model.projectedEndMs)).toBe('2027-03-14T13:40:00.000Z');
  });

  it('runs the clocks on between fetches; a cue within its time moves nothing', () => {
    const model = showModel(runningShow(), at('13:09:00'));
    expect(model.elapsedSeconds).toBe(540);
    expect(model.remainingSeconds).toBe(60);
    expect(model.overUnderSeconds).toBe(0);
    expect(iso(model.rows[1]!.projectedStartMs)).toBe('2027-03-14T13:10:00.000Z');
  });

  it('re-times what follows when the live cue runs over; a hard start’s slack absorbs it', () => {
    // 13:13: A is 3 minutes past its end. B (soft) moves 3 minutes; C (hard 13:30, 15 min slack) does not.
    const model = showModel(runningShow(), at('13:13:00'));
    expect(model.remainingSeconds).toBe(-180);
    expect(model.overUnderSeconds).toBe(180);
    expect(iso(model.rows[1]!.projectedStartMs)).toBe('2027-03-14T13:13:00.000Z');
    expect(iso(model.rows[2]!.projectedStartMs)).toBe('2027-03-14T13:30:00.000Z');
    expect(iso(model.projectedEndMs)).toBe('2027-03-14T13:40:00.000Z');
  });

  it('carries an overrun through soft starts to the projected end', () => {
    const model = showModel(runningShow({ cStart: 'soft' }), at('13:13:00'));
    expect(iso(model.rows[2]!.projectedStartMs)).toBe('2027-03-14T13:18:00.000Z');
    expect(iso(model.projectedEndMs)).toBe('2027-03-14T13:28:00.000Z');
  });

  it('stops the live cue’s clock on hold while the show falls behind', () => {
    const view = runningShow({ position: { status: 'held' }, live: { held: true } });
    const model = showModel(view, at('13:13:00'));
    expect(model).toMatchObject({ held: true, elapsedSeconds: 480, remainingSeconds: 120 });
    expect(model.overUnderSeconds).toBe(300);
    expect(iso(model.rows[1]!.projectedStartMs)).toBe('2027-03-14T13:15:00.000Z');
  });

  it('moves nothing before the first GO or after the end', () => {
    const ready = runningShow({ position: { status: 'ready', currentCueId: null, nextCueId: CUE.a } });
    const readyModel = showModel({ ...ready, timing: { ...ready.timing, live: null } }, at('13:20:00'));
    expect(readyModel).toMatchObject({ cueNumber: 0, current: undefined, elapsedSeconds: undefined });
    expect(readyModel.next?.cueId).toBe(CUE.a);
    expect(readyModel.overUnderSeconds).toBe(0);

    const base = runningShow({ position: { status: 'ended', currentCueId: null, nextCueId: null } });
    const ended = {
      ...base,
      timing: {
        ...base.timing,
        live: null,
        cues: base.timing.cues.map((cue) => ({ ...cue, status: 'done' as const })),
      },
    };
    const endedModel = showModel(ended, at('14:00:00'));
    expect(endedModel).toMatchObject({ cueNumber: 3, current: undefined, next: undefined });
    expect(iso(endedModel.projectedEndMs)).toBe('2027-03-14T13:40:00.000Z');
  });

  it('names the departments still to acknowledge a standby', () => {
    const view = runningShow({
      position: { standby: { cueId: CUE.b, departments: ['sound', 'lighting'], acknowledged: ['sound'] } },
    });
    const model = showModel(view, at('13:08:00'));
    expect(model.standby?.cue.title).toBe('Sambutan MC');
    expect(model.standby?.waiting).toEqual(['lighting']);
    expect(awaitsAcknowledgement(model, 'lighting')).toBe(true);
    expect(awaitsAcknowledgement(model, 'sound')).toBe(false);
    expect(awaitsAcknowledgement(showModel(runningShow(), at('13:08:00')), 'sound')).toBe(false);
  });

  it('keeps a department’s cues: those with a note for it', () => {
    const model = showModel(runningShow(), at('13:08:00'));
    expect(departmentRows(model.rows, 'sound').map((row) => row.cueId)).toEqual([CUE.b]);
    expect(departmentRows(model.rows, 'video')).toEqual([]);
  });
});
