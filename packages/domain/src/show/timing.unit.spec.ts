import { describe, expect, it } from 'vitest';
import { showRunOf } from './rundown-plan.ts';
import { evolveRundown, initialRundownState, type RundownRecord } from './rundown.ts';
import { evolveShow, initialShowState, type RunningShow, type ShowEvent } from './show-run.ts';
import { C, live, rundownEvents, wib } from './show.fixtures.ts';
import { showTiming } from './timing.ts';

/*
 * A show from 22:00 WIB past midnight (see show.fixtures.ts), computed by hand. WIB is UTC+7, so
 * 22:00 WIB is 15:00Z and 00:20 WIB on the 15th is 17:20Z on the 14th. Planned end 00:20 (17:20Z).
 *
 * 22:02 GO C1 (2 min late) · 22:07 GO C2 · 22:10 HOLD · 22:14 RESUME (held 4 min) · 22:14:30 +60 s on C2
 * 22:18 GO C3 · 22:20 delay 10 min before C5 (hard 00:00) · 22:30 skip C4 · 00:12 GO C5 · 00:17 GO C6
 * 00:32:30 GO: the show ends.
 */
const run = showRunOf(
  rundownEvents.reduce(evolveRundown, initialRundownState) as RundownRecord,
  wib('21:55'),
);
const e = {
  frozen: { type: 'ShowRunFrozen', data: { ...live('21:55', 'k0'), run } },
  go1: { type: 'CueStarted', data: { ...live('22:02', 'k1'), cueId: C[1], previousCueId: null } },
  go2: { type: 'CueStarted', data: { ...live('22:07', 'k2'), cueId: C[2], previousCueId: C[1] } },
  hold: { type: 'ShowHeld', data: { ...live('22:10', 'k3'), cueId: C[2] } },
  resume: { type: 'ShowResumed', data: { ...live('22:14', 'k4'), cueId: C[2], heldSeconds: 240 } },
  add: {
    type: 'CueTimeAdjusted',
    data: { ...live('22:14:30', 'k5'), cueId: C[2], seconds: 60, totalSeconds: 60 },
  },
  go3: { type: 'CueStarted', data: { ...live('22:18', 'k6'), cueId: C[3], previousCueId: C[2] } },
  delay: {
    type: 'DelayInserted',
    data: { ...live('22:20', 'k7'), beforeCueId: C[5], seconds: 600, totalSeconds: 600 },
  },
  skip4: { type: 'CueSkipped', data: { ...live('22:30', 'k8'), cueId: C[4] } },
  go5: { type: 'CueStarted', data: { ...live('00:12', 'k9'), cueId: C[5], previousCueId: C[3] } },
  go6: { type: 'CueStarted', data: { ...live('00:17', 'k10'), cueId: C[6], previousCueId: C[5] } },
  end: { type: 'ShowEnded', data: { ...live('00:32:30', 'k11'), lastCueId: C[6] } },
  back: { type: 'WentBack', data: { ...live('22:07:05', 'k12'), fromCueId: C[2], cueId: C[1] } },
} satisfies Record<string, ShowEvent>;

const timingAt = (time: string, events: ShowEvent[]) =>
  showTiming(events.reduce(evolveShow, initialShowState) as RunningShow, Date.parse(wib(time)));
const z = (hhmmss: string) => `2027-03-14T${hhmmss}.000Z`;
const projected = (timing: ReturnType<typeof showTiming>) =>
  timing.cues.map((c) => [c.status, c.projectedStart ?? null, c.projectedEnd ?? null]);

describe('timing before the first GO', () => {
  it('starts the show no earlier than planned, and no earlier than now', () => {
    expect(timingAt('21:58', [e.frozen])).toMatchObject({
      overUnderSeconds: 0,
      projectedEnd: z('17:20:00'),
      live: null,
    });
    const late = timingAt('22:01', [e.frozen]);
    expect(late.overUnderSeconds).toBe(60);
    // The minute is absorbed by the quarter hour before the hard 00:00.
    expect(projected(late)).toEqual([
      ['pending', z('15:01:00'), z('15:06:00')],
      ['pending', z('15:06:00'), z('15:16:00')],
      ['pending', z('15:16:00'), z('16:46:00')],
      ['pending', z('16:46:00'), z('16:48:00')],
      ['pending', z('17:00:00'), z('17:05:00')],
      ['pending', z('17:05:00'), z('17:20:00')],
    ]);
  });
});

describe('timing while the show runs', () => {
  it('22:03, C1 live since 22:02: 2 min over, re-timed, the end still 00:20', () => {
    const timing = timingAt('22:03', [e.frozen, e.go1]);
    expect(timing.live).toEqual({ cueId: C[1], elapsedSeconds: 60, remainingSeconds: 240, held: false });
    expect(timing.overUnderSeconds).toBe(120);
    expect(timing.projectedEnd).toBe(z('17:20:00'));
    expect(projected(timing)).toEqual([
      ['live', z('15:02:00'), z('15:07:00')],
      ['pending', z('15:07:00'), z('15:17:00')],
      ['pending', z('15:17:00'), z('16:47:00')],
      ['pending', z('16:47:00'), z('16:49:00')],
      ['pending', z('17:00:00'), z('17:05:00')],
      ['pending', z('17:05:00'), z('17:20:00')],
    ]);
  });

  it('22:12, held since 22:10: the clock stopped at 3 min into C2, everything after slides', () => {
    const timing = timingAt('22:12', [e.frozen, e.go1, e.go2, e.hold]);
    expect(timing.position.status).toBe('held');
    expect(timing.live).toEqual({ cueId: C[2], elapsedSeconds: 180, remainingSeconds: 420, held: true });
    expect(timing.overUnderSeconds).toBe(240); // C2 now ends 22:19, planned 22:15
    expect(timing.cues[0]).toMatchObject({ actualSeconds: 300, overUnderSeconds: 0 });
    expect(projected(timing).slice(1)).toEqual([
      ['live', z('15:07:00'), z('15:19:00')],
      ['pending', z('15:19:00'), z('16:49:00')],
      ['pending', z('16:49:00'), z('16:51:00')],
      ['pending', z('17:00:00'), z('17:05:00')],
      ['pending', z('17:05:00'), z('17:20:00')],
    ]);
  });

  it('22:16, resumed at 22:14 with a minute added: the 4 min held do not count, the minute does', () => {
    const timing = timingAt('22:16', [e.frozen, e.go1, e.go2, e.hold, e.resume, e.add]);
    // 9 min since GO less 4 min held = 300 s; 600 + 60 − 300 = 360 s left: C2 ends 22:22, planned 22:15.
    expect(timing.live).toEqual({ cueId: C[2], elapsedSeconds: 300, remainingSeconds: 360, held: false });
    expect(timing.overUnderSeconds).toBe(420);
    expect(timing.cues[2]?.projectedStart).toBe(z('15:22:00'));
  });

  const toC3 = [e.frozen, e.go1, e.go2, e.hold, e.resume, e.add, e.go3, e.delay, e.skip4];

  it('23:00, band live since 22:18 with C4 skipped and a 10-min delay before the hard 00:00', () => {
    const timing = timingAt('23:00', toC3);
    expect(timing.cues[1]).toMatchObject({ adjustSeconds: 60, actualSeconds: 660, overUnderSeconds: 60 });
    expect(timing.live).toEqual({ cueId: C[3], elapsedSeconds: 2520, remainingSeconds: 2880, held: false });
    expect(timing.overUnderSeconds).toBe(180); // ends 23:48, planned 23:45
    expect(projected(timing).slice(2)).toEqual([
      ['live', z('15:18:00'), z('16:48:00')],
      ['skipped', null, null],
      ['pending', z('17:10:00'), z('17:15:00')],
      ['pending', z('17:15:00'), z('17:30:00')],
    ]);
    expect(timing.cues[4]).toMatchObject({ delaySeconds: 600, hardStartMissedBySeconds: 600 });
    expect(timing.projectedEnd).toBe(z('17:30:00'));
  });

  it('00:02 past midnight, the band 14 min over: the hard start slips, the show ends 00:32', () => {
    const timing = timingAt('00:02', toC3);
    expect(timing.live).toEqual({ cueId: C[3], elapsedSeconds: 6240, remainingSeconds: -840, held: false });
    expect(timing.overUnderSeconds).toBe(1020);
    expect(projected(timing).slice(4)).toEqual([
      ['pending', z('17:12:00'), z('17:17:00')],
      ['pending', z('17:17:00'), z('17:32:00')],
    ]);
    expect(timing.cues[4]?.hardStartMissedBySeconds).toBe(720);
    expect(timing.projectedEnd).toBe(z('17:32:00'));
  });

  it('after the show: planned against actual for every cue, 12 min 30 s over', () => {
    const timing = timingAt('00:40', [...toC3, e.go5, e.go6, e.end]);
    expect(timing.position).toMatchObject({
      status: 'ended',
      currentCueId: null,
      nextCueId: null,
      version: 12,
    });
    expect(timing.live).toBeNull();
    expect(timing.projectedEnd).toBe(z('17:32:30'));
    expect(timing.overUnderSeconds).toBe(750);
    expect(
      timing.cues.map((c) => [
        c.status,
        c.actualStart ?? null,
        c.actualSeconds ?? null,
        c.overUnderSeconds ?? null,
      ]),
    ).toEqual([
      ['done', z('15:02:00'), 300, 0],
      ['done', z('15:07:00'), 660, 60],
      ['done', z('15:18:00'), 6840, 1440],
      ['skipped', null, null, null],
      ['done', z('17:12:00'), 300, 0],
      ['done', z('17:17:00'), 930, 30],
    ]);
  });

  it('BACK at 22:07:05: C1 runs on from its own GO at 22:02, C2 waits again', () => {
    const timing = timingAt('22:08', [e.frozen, e.go1, e.go2, e.back]);
    expect(timing.live).toEqual({ cueId: C[1], elapsedSeconds: 360, remainingSeconds: -60, held: false });
    expect(timing.overUnderSeconds).toBe(180);
    expect(timing.cues[1]).toMatchObject({ status: 'pending', projectedStart: z('15:08:00') });
    expect(timing.cues[1]?.actualStart).toBeUndefined();
  });
});
