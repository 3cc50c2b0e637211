import { describe, expect, it } from 'vitest';
import { showModel } from './show-model.ts';
import { CUE, runningShow } from './show.fixtures.ts';
import {
  feedAction,
  feedDetail,
  feedKind,
  pauseReplay,
  playReplay,
  replayClock,
  replayFeed,
  replayFinished,
  replayPercent,
  replayPosition,
  replayShowView,
  replayTimeline,
  scrubber,
  seekReplay,
  setReplaySpeed,
  type RecordedEvent,
} from './replay.ts';

const { run, productionId, showDay } = runningShow();
const day = { productionId, showDay, departments: ['sound', 'lighting', 'video', 'stage'] as const };
const at = (hhmm: string) => `2027-03-14T${hhmm}:00.000Z`;
const ms = (hhmm: string) => Date.parse(at(hhmm));
const live = (hhmm: string, key: string) => ({ productionId, showDay, idempotencyKey: key, at: at(hhmm) });
/** Recorded a second after it happened, as the store does. */
const recorded = (type: string, data: { at: string; [field: string]: unknown }): RecordedEvent => ({
  type,
  data,
  recordedAt: new Date(Date.parse(data.at) + 1000).toISOString(),
});

/** A runs 13:00–13:12 (2 min over), B 13:12–13:20 with a 1 min hold, C 13:30–13:38; an incident at 13:05. */
const history: RecordedEvent[] = [
  recorded('CueStarted', { ...live('13:00', 'k2'), cueId: CUE.a, previousCueId: null }),
  recorded('ShowRunFrozen', { ...live('12:55', 'k1'), run }),
  { type: 'IncidentReported', data: { title: 'Mic 2 mati' }, recordedAt: at('13:05') },
  recorded('CueStarted', { ...live('13:12', 'k3'), cueId: CUE.b, previousCueId: CUE.a }),
  recorded('ShowHeld', { ...live('13:14', 'k4'), cueId: CUE.b }),
  recorded('ShowResumed', { ...live('13:15', 'k5'), cueId: CUE.b, heldSeconds: 60 }),
  { type: 'CrewCheckedIn', data: { name: 'Budi' }, recordedAt: at('13:16') },
  recorded('CueStarted', { ...live('13:30', 'k6'), cueId: CUE.c, previousCueId: CUE.b }),
  recorded('ShowEnded', { ...live('13:38', 'k7'), lastCueId: CUE.c }),
];
const { events, range } = replayTimeline(history);

describe('replayTimeline', () => {
  it('orders the events as they happened, live ones by their own instant, and spans them', () => {
    expect(events.map((e) => e.type)).toEqual([
      'ShowRunFrozen',
      'CueStarted',
      'IncidentReported',
      'CueStarted',
      'ShowHeld',
      'ShowResumed',
      'CrewCheckedIn',
      'CueStarted',
      'ShowEnded',
    ]);
    expect(range).toEqual({ startMs: ms('12:55'), endMs: ms('13:38') });
  });

  it('has no range without events', () => {
    expect(replayTimeline([]).range).toBeUndefined();
  });
});

describe('the replay clock', () => {
  const r = range!;
  const wall = 1_000_000;

  it('starts paused at the start and does not move until played', () => {
    const clock = replayClock(r, wall);
    expect(replayPosition(clock, wall + 60_000)).toBe(r.startMs);
  });

  it.each([1, 10, 60] as const)('moves %ix as fast as the wall clock while playing', (speed) => {
    const clock = playReplay(setReplaySpeed(replayClock(r, wall), speed, wall), wall);
    expect(replayPosition(clock, wall + 10_000)).toBe(r.startMs + 10_000 * speed);
  });

  it('keeps its position when paused or when the speed changes', () => {
    const playing = playReplay(replayClock(r, wall), wall);
    const faster = setReplaySpeed(playing, 60, wall + 5_000);
    expect(replayPosition(faster, wall + 5_000)).toBe(r.startMs + 5_000);
    const paused = pauseReplay(faster, wall + 6_000);
    expect(replayPosition(paused, wall + 100_000)).toBe(r.startMs + 5_000 + 60_000);
  });

  it('stops at the end, and plays again from the start', () => {
    const playing = playReplay(setReplaySpeed(replayClock(r, wall), 60, wall), wall);
    const late = wall + 3_600_000;
    expect(replayPosition(playing, late)).toBe(r.endMs);
    expect(replayFinished(playing, late)).toBe(true);
    expect(replayPercent(playing, late)).toBe(100);
    expect(replayPosition(playReplay(playing, late), late)).toBe(r.startMs);
  });

  it('has a scrubber whose top reaches the end, on whole seconds from the start', () => {
    expect(scrubber({ startMs: 1_000, endMs: 3_500 }, 2_000)).toEqual({ max: 4_000, value: 2_000 });
    expect(scrubber({ startMs: 1_000, endMs: 3_500 }, 3_500)).toEqual({ max: 4_000, value: 4_000 });
    expect(scrubber({ startMs: 1_000, endMs: 3_000 }, 3_000)).toEqual({ max: 3_000, value: 3_000 });
    expect(scrubber({ startMs: 1_000, endMs: 1_000 }, 1_000)).toEqual({ max: 1_000, value: 1_000 });
  });

  it('seeks within the range only', () => {
    const clock = replayClock(r, wall);
    expect(replayPosition(seekReplay(clock, ms('13:12'), wall), wall)).toBe(ms('13:12'));
    expect(replayPosition(seekReplay(clock, ms('23:00'), wall), wall)).toBe(r.endMs);
    expect(replayPosition(seekReplay(clock, 0, wall), wall)).toBe(r.startMs);
  });
});

describe('replayShowView', () => {
  it('is nothing before the run was frozen', () => {
    expect(replayShowView(events, ms('12:50'), day)).toBeUndefined();
  });

  it('feeds the live views the show as it stood: cue A running 2 minutes over at 13:12', () => {
    const view = replayShowView(events, ms('13:11'), day)!;
    const model = showModel(view, ms('13:11'));
    expect(model.current?.cueId).toBe(CUE.a);
    expect(model.elapsedSeconds).toBe(11 * 60);
    expect(model.remainingSeconds).toBe(-60);
    expect(model.overUnderSeconds).toBe(60);
  });

  it('shows the hold while it lasted', () => {
    const model = showModel(replayShowView(events, ms('13:14') + 30_000, day)!, ms('13:14') + 30_000);
    expect(model.current?.cueId).toBe(CUE.b);
    expect(model.held).toBe(true);
  });

  it('ends with every cue done and its actual start', () => {
    const model = showModel(replayShowView(events, ms('13:38'), day)!, ms('13:38'));
    expect(model.status).toBe('ended');
    expect(model.rows.map((row) => row.status)).toEqual(['done', 'done', 'done']);
    expect(model.rows.map((row) => row.actualStartMs)).toEqual([ms('13:00'), ms('13:12'), ms('13:30')]);
    expect(model.rows[0]?.overUnderSeconds).toBe(120);
  });
});

describe('replayFeed', () => {
  it('lists the incidents and check-ins so far, the latest first', () => {
    expect(replayFeed(events, ms('13:10')).map((e) => e.type)).toEqual(['IncidentReported']);
    expect(replayFeed(events, ms('13:20')).map((e) => e.type)).toEqual(['CrewCheckedIn', 'IncidentReported']);
  });
});

describe('feedKind', () => {
  it('names incidents, crew check-ins and vendor arrivals', () => {
    expect(['IncidentLogged', 'IncidentResolved', 'CrewCheckedIn', 'VendorArrived'].map(feedKind)).toEqual([
      'incident',
      'incident',
      'checkin',
      'arrival',
    ]);
  });
});

describe('a feed line’s words', () => {
  it('says what happened to an incident, and nothing for a check-in', () => {
    expect(['IncidentLogged', 'IncidentEscalated', 'CrewCheckedIn'].map(feedAction)).toEqual([
      'logged',
      'escalated',
      undefined,
    ]);
  });

  it('carries the incident’s description and place, or a note, as far as the data holds them', () => {
    const logged = { type: 'IncidentLogged', data: { description: 'Mic MC 2 putus', location: 'FOH' } };
    expect(feedDetail(logged)).toBe('Mic MC 2 putus (FOH)');
    expect(feedDetail({ type: 'IncidentLogged', data: { location: 'FOH' } })).toBe('FOH');
    expect(feedDetail({ type: 'IncidentResolved', data: { note: ' Kabel diganti ' } })).toBe('Kabel diganti');
    expect(feedDetail({ type: 'CrewCheckedIn', data: { personId: 'x' } })).toBeUndefined();
    expect(feedDetail({ type: 'IncidentLogged', data: null })).toBeUndefined();
  });
});
