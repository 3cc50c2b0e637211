import { describe, expect, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import { ShowRefusedError, StaleShowCommandError } from './errors.ts';
import { showRunOf } from './rundown-plan.ts';
import { evolveRundown, initialRundownState, type RundownRecord } from './rundown.ts';
import { decideShow } from './show-decide.ts';
import { evolveShow, initialShowState, type ShowEvent } from './show-run.ts';
import { C, control, day, live, rundownEvents, showMetadata } from './show.fixtures.ts';

const rundown = rundownEvents.reduce(evolveRundown, initialRundownState) as RundownRecord;
const run = showRunOf(rundown, '2027-03-14T21:55:00+07:00');
const spec = specification(decideShow, evolveShow, initialShowState);

const frozen: ShowEvent = { type: 'ShowRunFrozen', data: { ...live('21:55', 'freeze-1'), run } };
const go1: ShowEvent = {
  type: 'CueStarted',
  data: { ...live('22:02', 'go-1'), cueId: C[1], previousCueId: null },
};
const go2: ShowEvent = {
  type: 'CueStarted',
  data: { ...live('22:07', 'go-2'), cueId: C[2], previousCueId: C[1] },
};
const held: ShowEvent = { type: 'ShowHeld', data: { ...live('22:10', 'hold-1'), cueId: C[2] } };
const skipped = (n: keyof typeof C): ShowEvent => ({
  type: 'CueSkipped',
  data: { ...live('22:01', `skip-${n}`), cueId: C[n] },
});
const standby: ShowEvent = {
  type: 'CueStoodBy',
  data: { ...live('22:06', 'sb-2'), cueId: C[2], departments: ['sound', 'lighting'] },
};

/** The refusal a command meets, to look at the current position it carries. */
function refusal(given: ShowEvent[], command: Parameters<typeof decideShow>[0]): ShowRefusedError {
  const state = given.reduce(evolveShow, initialShowState);
  try {
    decideShow(command, state);
  } catch (error) {
    if (error instanceof ShowRefusedError) return error;
    throw error;
  }
  throw new Error('the command should have been refused');
}

describe('freezing the show run', () => {
  it('opens the show stream with the frozen run', () =>
    spec
      .given([])
      .when({
        type: 'FreezeShowRun',
        data: { ...day, idempotencyKey: 'freeze-1', run },
        metadata: showMetadata('21:55'),
      })
      .then([frozen]));
  it('acts once for a resent freeze, and refuses another', () => {
    spec
      .given([frozen])
      .when({
        type: 'FreezeShowRun',
        data: { ...day, idempotencyKey: 'freeze-1', run },
        metadata: showMetadata('21:56'),
      })
      .then([]);
    spec
      .given([frozen])
      .when({
        type: 'FreezeShowRun',
        data: { ...day, idempotencyKey: 'freeze-2', run },
        metadata: showMetadata('21:56'),
      })
      .thenThrows('ILLEGAL_STATE', /already frozen/);
  });
  it('refuses a run of another show day', () =>
    spec
      .given([])
      .when({
        type: 'FreezeShowRun',
        data: { ...day, showDay: '2027-03-15', idempotencyKey: 'freeze-1', run },
        metadata: showMetadata('21:55'),
      })
      .thenThrows('VALIDATION', /another show day/, 'run'));
  it('refuses live commands before the run is frozen', () =>
    spec
      .given([])
      .when(control('22:00', 'go', null, {}))
      .thenThrows('NOT_FOUND', /not started/, 'showDay'));
});

describe('standby', () => {
  it('stands by the next cue for the departments with notes on it', () =>
    spec
      .given([frozen, go1])
      .when(control('22:06', 'stand_by', C[1], { idempotencyKey: 'sb-2' }))
      .then([standby]));
  it('stands by all four departments for a cue without notes, or those named', () => {
    spec
      .given([frozen, go1, go2])
      .when(control('22:14', 'stand_by', C[2], { idempotencyKey: 'sb-3' }))
      .then([
        {
          type: 'CueStoodBy',
          data: {
            ...live('22:14', 'sb-3'),
            cueId: C[3],
            departments: ['sound', 'lighting', 'video', 'stage'],
          },
        },
      ]);
    spec
      .given([frozen, go1, go2])
      .when(control('22:14', 'stand_by', C[2], { idempotencyKey: 'sb-3', departments: ['stage'] }))
      .then([
        { type: 'CueStoodBy', data: { ...live('22:14', 'sb-3'), cueId: C[3], departments: ['stage'] } },
      ]);
  });
  it('records a department’s acknowledgement once', () => {
    const ack: ShowEvent = {
      type: 'StandbyAcknowledged',
      data: { ...live('22:06:10', 'ack-s'), cueId: C[2], department: 'sound' },
    };
    spec
      .given([frozen, go1, standby])
      .when(
        control('22:06:10', 'acknowledge', C[1], {
          idempotencyKey: 'ack-s',
          cueId: C[2],
          department: 'sound',
        }),
      )
      .then([ack]);
    spec
      .given([frozen, go1, standby, ack])
      .when(control('22:06:20', 'acknowledge', C[1], { cueId: C[2], department: 'sound' }))
      .then([]);
  });
  it('refuses an acknowledgement for a cue not on standby, and from a department not asked', () => {
    spec
      .given([frozen, go1, standby])
      .when(control('22:06:10', 'acknowledge', C[1], { cueId: C[3], department: 'sound' }))
      .thenThrows('ILLEGAL_STATE', /not on standby/, 'cueId');
    spec
      .given([frozen, go1, standby])
      .when(control('22:06:10', 'acknowledge', C[1], { cueId: C[2], department: 'video' }))
      .thenThrows('VALIDATION', /video was not asked/, 'department');
  });
  it('clears the standby when its cue goes', () => {
    const state = [frozen, go1, standby, go2].reduce(evolveShow, initialShowState);
    expect(state.status !== 'none' && state.standby).toBeNull();
  });
});

describe('GO', () => {
  it('starts the first cue', () =>
    spec
      .given([frozen])
      .when(control('22:02', 'go', null, { idempotencyKey: 'go-1' }))
      .then([go1]));
  it('starts the next cue, ending the live one', () =>
    spec
      .given([frozen, go1])
      .when(control('22:07', 'go', C[1], { idempotencyKey: 'go-2' }))
      .then([go2]));
  it('passes over skipped cues', () =>
    spec
      .given([frozen, go1, go2, skipped(3), skipped(4)])
      .when(control('22:20', 'go', C[2], { idempotencyKey: 'go-5' }))
      .then([{ type: 'CueStarted', data: { ...live('22:20', 'go-5'), cueId: C[5], previousCueId: C[2] } }]));
  it('ends the show on the last cue', () =>
    spec
      .given([frozen, go1, go2, skipped(3), skipped(4), skipped(5), skipped(6)])
      .when(control('22:20', 'go', C[2], { idempotencyKey: 'go-end' }))
      .then([{ type: 'ShowEnded', data: { ...live('22:20', 'go-end'), lastCueId: C[2] } }]));
  it('acts once when resent with the same key after a network drop', () =>
    spec
      .given([frozen, go1, go2])
      .when(control('22:07:01', 'go', C[1], { idempotencyKey: 'go-2' }))
      .then([]));
});

describe('late and stale commands', () => {
  it('refuses a GO issued when the cue before was live, with the current position', () => {
    const error = refusal(
      [frozen, go1, go2],
      control('22:07:01', 'go', C[1], { idempotencyKey: 'go-2-again' }),
    );
    expect(error).toBeInstanceOf(StaleShowCommandError);
    expect(error).toMatchObject({ code: 'ILLEGAL_STATE', refusal: 'stale', field: 'expectedCueId' });
    expect(error.current).toEqual({
      status: 'running',
      version: 3,
      currentCueId: C[2],
      nextCueId: C[3],
      standby: null,
    });
  });
  it('refuses a command issued against an older version of the run', () =>
    spec
      .given([frozen, go1, standby])
      .when(control('22:06:30', 'skip', C[1], { cueId: C[4], expectedVersion: 2 }))
      .thenThrows('ILLEGAL_STATE', /moved on.*version 3/, 'expectedVersion'));
  it('refuses a key reused for another command', () =>
    spec
      .given([frozen, go1])
      .when(control('22:03', 'hold', C[1], { idempotencyKey: 'go-1' }))
      .thenThrows('ILLEGAL_STATE', /already used for "go"/, 'idempotencyKey'));
  it('refuses anything but a resend once the show has ended', () => {
    const ended: ShowEvent = { type: 'ShowEnded', data: { ...live('00:32:30', 'go-end'), lastCueId: C[6] } };
    spec
      .given([frozen, go1, ended])
      .when(control('00:33', 'go', null, {}))
      .thenThrows('ILLEGAL_STATE', /ended/);
    spec
      .given([frozen, go1, ended])
      .when(control('00:33', 'go', C[6], { idempotencyKey: 'go-end' }))
      .then([]);
  });
});

describe('hold and resume', () => {
  it('holds the live cue and resumes it, saying how long it was held', () => {
    spec
      .given([frozen, go1, go2])
      .when(control('22:10', 'hold', C[2], { idempotencyKey: 'hold-1' }))
      .then([held]);
    spec
      .given([frozen, go1, go2, held])
      .when(control('22:14', 'resume', C[2], { idempotencyKey: 'resume-1' }))
      .then([{ type: 'ShowResumed', data: { ...live('22:14', 'resume-1'), cueId: C[2], heldSeconds: 240 } }]);
  });
  it('refuses GO, BACK and a second hold while held; resume when not held; hold before the first GO', () => {
    spec
      .given([frozen, go1, go2, held])
      .when(control('22:11', 'go', C[2], {}))
      .thenThrows('ILLEGAL_STATE', /on hold: resume/);
    spec
      .given([frozen, go1, go2, held])
      .when(control('22:11', 'back', C[2], {}))
      .thenThrows('ILLEGAL_STATE', /on hold: resume/);
    spec
      .given([frozen, go1, go2, held])
      .when(control('22:11', 'hold', C[2], {}))
      .thenThrows('ILLEGAL_STATE', /already on hold/);
    spec
      .given([frozen, go1])
      .when(control('22:03', 'resume', C[1], {}))
      .thenThrows('ILLEGAL_STATE', /not on hold/);
    spec
      .given([frozen])
      .when(control('21:58', 'hold', null, {}))
      .thenThrows('ILLEGAL_STATE', /No cue is live/);
  });
});

describe('skip, back, time and delays', () => {
  it('skips a cue still to come, and refuses one that ran or is live', () => {
    spec
      .given([frozen, go1])
      .when(control('22:01', 'skip', C[1], { idempotencyKey: 'skip-4', cueId: C[4] }))
      .then([skipped(4)]);
    spec
      .given([frozen, go1, go2])
      .when(control('22:08', 'skip', C[2], { cueId: C[1] }))
      .thenThrows('ILLEGAL_STATE', /is done/, 'cueId');
    spec
      .given([frozen, go1])
      .when(control('22:03', 'skip', C[1], { cueId: C[1] }))
      .thenThrows('ILLEGAL_STATE', /is live/, 'cueId');
    spec
      .given([frozen, go1])
      .when(control('22:03', 'skip', C[1], { cueId: day.productionId }))
      .thenThrows('NOT_FOUND', /not in the show run/, 'cueId');
  });
  it('refuses GO and standby when every cue left is skipped', () => {
    const allSkipped = ([1, 2, 3, 4, 5, 6] as const).map(skipped);
    spec
      .given([frozen, ...allSkipped])
      .when(control('22:00', 'go', null, {}))
      .thenThrows('ILLEGAL_STATE', /nothing to GO/);
    spec
      .given([frozen, ...allSkipped])
      .when(control('22:00', 'stand_by', null, {}))
      .thenThrows('ILLEGAL_STATE', /no cue left/);
  });
  it('takes back the last GO: the cue before is live again', () => {
    spec
      .given([frozen, go1, go2])
      .when(control('22:07:05', 'back', C[2], { idempotencyKey: 'back-1' }))
      .then([{ type: 'WentBack', data: { ...live('22:07:05', 'back-1'), fromCueId: C[2], cueId: C[1] } }]);
    spec
      .given([frozen, go1])
      .when(control('22:02:05', 'back', C[1], { idempotencyKey: 'back-0' }))
      .then([{ type: 'WentBack', data: { ...live('22:02:05', 'back-0'), fromCueId: C[1], cueId: null } }]);
    spec
      .given([frozen])
      .when(control('21:59', 'back', null, {}))
      .thenThrows('ILLEGAL_STATE', /No GO to take back/);
  });
  it('adds and removes time on the live cue or one to come, never below zero', () => {
    spec
      .given([frozen, go1])
      .when(control('22:03', 'adjust_time', C[1], { idempotencyKey: 'add-1', seconds: 60 }))
      .then([
        {
          type: 'CueTimeAdjusted',
          data: { ...live('22:03', 'add-1'), cueId: C[1], seconds: 60, totalSeconds: 60 },
        },
      ]);
    spec
      .given([frozen, go1])
      .when(control('22:03', 'adjust_time', C[1], { idempotencyKey: 'cut-3', cueId: C[3], seconds: -600 }))
      .then([
        {
          type: 'CueTimeAdjusted',
          data: { ...live('22:03', 'cut-3'), cueId: C[3], seconds: -600, totalSeconds: -600 },
        },
      ]);
    spec
      .given([frozen, go1])
      .when(control('22:03', 'adjust_time', C[1], { seconds: -301 }))
      .thenThrows('VALIDATION', /runs 300 s/, 'seconds');
    spec
      .given([frozen, go1])
      .when(control('22:03', 'adjust_time', C[1], { seconds: 0 }))
      .thenThrows('VALIDATION', /not 0/, 'seconds');
    spec
      .given([frozen])
      .when(control('21:58', 'adjust_time', null, { seconds: 60 }))
      .thenThrows('ILLEGAL_STATE', /name the cue/, 'cueId');
  });
  it('inserts a delay before a cue to come, adding up', () => {
    const delay: ShowEvent = {
      type: 'DelayInserted',
      data: { ...live('22:20', 'delay-1'), beforeCueId: C[5], seconds: 300, totalSeconds: 300 },
    };
    spec
      .given([frozen, go1])
      .when(
        control('22:20', 'insert_delay', C[1], {
          idempotencyKey: 'delay-1',
          beforeCueId: C[5],
          seconds: 300,
        }),
      )
      .then([delay]);
    spec
      .given([frozen, go1, delay])
      .when(
        control('22:21', 'insert_delay', C[1], {
          idempotencyKey: 'delay-2',
          beforeCueId: C[5],
          seconds: 300,
        }),
      )
      .then([
        {
          type: 'DelayInserted',
          data: { ...live('22:21', 'delay-2'), beforeCueId: C[5], seconds: 300, totalSeconds: 600 },
        },
      ]);
    spec
      .given([frozen, go1])
      .when(control('22:20', 'insert_delay', C[1], { beforeCueId: C[1], seconds: 300 }))
      .thenThrows('ILLEGAL_STATE', /is live/, 'beforeCueId');
    spec
      .given([frozen, go1])
      .when(control('22:20', 'insert_delay', C[1], { beforeCueId: C[5], seconds: 0 }))
      .thenThrows('VALIDATION', /at least 1/, 'seconds');
  });
});
