import { describe, expect, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import { C, cueFields, day, rundownEvents, segA, segB } from './show.fixtures.ts';
import { decideRundown } from './rundown-decide.ts';
import { planRundown, showRunOf } from './rundown-plan.ts';
import { evolveRundown, initialRundownState, type RundownCommand, type RundownRecord } from './rundown.ts';

const spec = specification(decideRundown, evolveRundown, initialRundownState);
const metadata = { actor: 'person:ayu', now: '2027-03-14T21:30:00+07:00' };
const cmd = <T extends RundownCommand['type']>(
  type: T,
  data: Omit<Extract<RundownCommand, { type: T }>['data'], 'productionId' | 'showDay'>,
) => ({ type, data: { ...day, ...data }, metadata }) as RundownCommand;
const rundown = rundownEvents.reduce(evolveRundown, initialRundownState) as RundownRecord;
const newCue = 'c0000000-0000-4000-8000-000000000099';

describe('the planned rundown', () => {
  it('plans each cue after the one before, a hard start at its clock time past midnight (hand-computed)', () => {
    // 22:00 = 79 200 s; the hard 00:00 after 23:47 is the next day: 86 400 s.
    expect(planRundown(rundown).map((p) => [p.cue.cueId, p.startSeconds, p.endSeconds])).toEqual([
      [C[1], 79_200, 79_500],
      [C[2], 79_500, 80_100],
      [C[3], 80_100, 85_500],
      [C[4], 85_500, 85_620],
      [C[5], 86_400, 86_700],
      [C[6], 86_700, 87_600],
    ]);
  });
  it('freezes into a show run with instants in Asia/Jakarta (UTC+7)', () => {
    const run = showRunOf(rundown, metadata.now);
    expect(run).toMatchObject({
      rundownRevision: 9,
      plannedStart: '2027-03-14T15:00:00.000Z',
      plannedEnd: '2027-03-14T17:20:00.000Z',
    });
    expect(run.cues.map((c) => c.plannedStart)).toEqual([
      '2027-03-14T15:00:00.000Z',
      '2027-03-14T15:05:00.000Z',
      '2027-03-14T15:15:00.000Z',
      '2027-03-14T16:45:00.000Z',
      '2027-03-14T17:00:00.000Z',
      '2027-03-14T17:05:00.000Z',
    ]);
    expect(run.cues[0]).toMatchObject({
      segmentTitle: 'Pembukaan',
      group: 'Pre-show',
      notes: { video: 'Play VT 1' },
    });
  });
});

describe('editing the rundown', () => {
  it('creates one in Asia/Jakarta unless told otherwise', () =>
    spec
      .given([])
      .when(cmd('CreateRundown', { showStart: '22:00' }))
      .then([{ type: 'RundownCreated', data: { ...day, timeZone: 'Asia/Jakarta', showStart: '22:00' } }]));
  it('refuses a second rundown for the day', () =>
    spec
      .given(rundownEvents)
      .when(cmd('CreateRundown', { showStart: '20:00' }))
      .thenThrows('ILLEGAL_STATE', /already/, 'showDay'));
  it('refuses an unknown time zone', () =>
    spec
      .given([])
      .when(cmd('CreateRundown', { showStart: '20:00', timeZone: 'Mars/Olympus' }))
      .thenThrows('VALIDATION', /time zone/, 'timeZone'));
  it('adds a cue at a position in its segment', () =>
    spec
      .given(rundownEvents)
      .when(cmd('AddCue', { cueId: newCue, segmentId: segA, position: 1, ...cueFields[1], title: ' Doors ' }))
      .then([
        {
          type: 'CueAdded',
          data: { ...day, cueId: newCue, segmentId: segA, position: 1, ...cueFields[1], title: 'Doors' },
        },
      ]));
  it('refuses a hard start without its clock time, and a soft start with one', () => {
    spec
      .given(rundownEvents)
      .when(cmd('AddCue', { cueId: newCue, segmentId: segA, ...cueFields[1], startKind: 'hard' }))
      .thenThrows('VALIDATION', /clock time/, 'startsAt');
    spec
      .given(rundownEvents)
      .when(cmd('AddCue', { cueId: newCue, segmentId: segA, ...cueFields[1], startsAt: '22:00' }))
      .thenThrows('VALIDATION', /soft start/, 'startsAt');
  });
  it('refuses a hard start before the cue before it ends (the band set runs to 23:45)', () =>
    spec
      .given(rundownEvents)
      .when(cmd('ChangeCue', { cueId: C[5], ...cueFields[5], startsAt: '23:30' }))
      .thenThrows('VALIDATION', /starts hard at 23:30, before the cue before it ends at 23:47/, 'startsAt'));
  it('refuses a cue that would end more than a day after the show starts', () =>
    // 00:05 + 12 h closing + 12 h more ends 26 h 05 min after 22:00.
    spec
      .given([
        ...rundownEvents,
        {
          type: 'CueAdded',
          data: {
            ...day,
            cueId: newCue,
            segmentId: segB,
            position: 4,
            ...cueFields[6],
            durationSeconds: 43_200,
          },
        },
      ])
      .when(cmd('ChangeCue', { cueId: C[6], ...cueFields[6], durationSeconds: 43_200 }))
      .thenThrows('VALIDATION', /24 hours/, 'durationSeconds'));
  it('refuses a longer cue that pushes into a hard start', () =>
    spec
      .given(rundownEvents)
      .when(cmd('ChangeCue', { cueId: C[3], ...cueFields[3], durationSeconds: 6600 }))
      .thenThrows('VALIDATION', /Countdown/, 'startsAt'));
  it('moves a cue to another segment', () =>
    spec
      .given(rundownEvents)
      .when(cmd('MoveCue', { cueId: C[4], segmentId: segA, position: 0 }))
      .then([{ type: 'CueMoved', data: { ...day, cueId: C[4], segmentId: segA, position: 0 } }]));
  it('refuses a position past the end and an unknown segment', () => {
    spec
      .given(rundownEvents)
      .when(cmd('MoveCue', { cueId: C[4], segmentId: segA, position: 3 }))
      .thenThrows('VALIDATION', /between 0 and 2/, 'position');
    spec
      .given(rundownEvents)
      .when(cmd('AddCue', { cueId: newCue, segmentId: newCue, ...cueFields[1] }))
      .thenThrows('NOT_FOUND', /segment/, 'segmentId');
  });
  it('removes a segment with its cues', () => {
    const after = [
      ...rundownEvents,
      { type: 'SegmentRemoved' as const, data: { ...day, segmentId: segB } },
    ].reduce(evolveRundown, initialRundownState) as RundownRecord;
    expect(Object.keys(after.cues)).toEqual([C[1], C[2]]);
  });
  it('refuses edits once frozen', () =>
    spec
      .given([
        ...rundownEvents,
        { type: 'RundownFrozen', data: { ...day, revision: 9, frozenAt: metadata.now } },
      ])
      .when(cmd('RemoveCue', { cueId: C[1] }))
      .thenThrows('ILLEGAL_STATE', /frozen/, 'showDay'));
  it('freezes, naming the revision', () =>
    spec
      .given(rundownEvents)
      .when(cmd('FreezeRundown', {}))
      .then([{ type: 'RundownFrozen', data: { ...day, revision: 9, frozenAt: metadata.now } }]));
  it('refuses to freeze a rundown without cues, or before there is one', () => {
    spec
      .given(rundownEvents.slice(0, 3))
      .when(cmd('FreezeRundown', {}))
      .thenThrows('VALIDATION', /at least one cue/, 'cues');
    spec
      .given([])
      .when(cmd('FreezeRundown', {}))
      .thenThrows('NOT_FOUND', /no rundown/, 'showDay');
  });
});
