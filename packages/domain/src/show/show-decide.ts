import { SHOW_DEPARTMENTS, type ShowControlBody, type ShowDepartment } from '@panggung/contracts';
import { IllegalStateError, NotFoundError, ValidationError } from '../core/errors.ts';
import { assertNever, type CommandMetadata } from '../core/messages.ts';
import { ShowRefusedError, StaleShowCommandError, type ShowRefusal } from './errors.ts';
import { showPosition } from './position.ts';
import {
  cueIndex,
  nextPending,
  type RunningShow,
  type ShowCommand,
  type ShowEvent,
  type ShowState,
} from './show-run.ts';

/**
 * The run-of-show state machine. A live command resent with an idempotency key already acted on
 * returns no events; one issued against a live cue or version the show has moved on from is refused
 * with the current position (`StaleShowCommandError`), never applied to the wrong cue.
 */
export function decideShow(command: ShowCommand, state: ShowState): ShowEvent[] {
  const { productionId, showDay } = command.data;
  switch (command.type) {
    case 'FreezeShowRun': {
      const { idempotencyKey, run } = command.data;
      if (state.status !== 'none') {
        if (state.keys.get(idempotencyKey) === 'freeze') return [];
        throw new ShowRefusedError('already_frozen', 'The show run is already frozen', showPosition(state));
      }
      if (run.productionId !== productionId || run.showDay !== showDay)
        throw new ValidationError('The run belongs to another show day', 'run');
      const at = command.metadata.now;
      return [{ type: 'ShowRunFrozen', data: { productionId, showDay, idempotencyKey, at, run } }];
    }
    case 'ControlShow':
      if (state.status === 'none')
        throw new NotFoundError('The show has not started: no show run is frozen yet', 'showDay');
      return control(command.data.control, state, command.metadata, { productionId, showDay });
    default:
      return assertNever(command);
  }
}

function control(
  body: ShowControlBody,
  show: RunningShow,
  metadata: CommandMetadata,
  day: { productionId: string; showDay: string },
): ShowEvent[] {
  const refuse = (refusal: ShowRefusal, message: string, field?: string) =>
    new ShowRefusedError(refusal, message, showPosition(show), field);
  const seen = show.keys.get(body.idempotencyKey);
  if (seen === body.type) return [];
  if (seen !== undefined)
    throw refuse('key_reused', `This idempotency key was already used for "${seen}"`, 'idempotencyKey');
  if (show.status === 'ended') throw refuse('ended', 'The show has ended');
  const position = showPosition(show);
  if (
    body.expectedCueId !== position.currentCueId ||
    (body.expectedVersion !== undefined && body.expectedVersion !== show.version)
  )
    throw new StaleShowCommandError({ cueId: body.expectedCueId, version: body.expectedVersion }, position);

  const live = { ...day, idempotencyKey: body.idempotencyKey, at: metadata.now };
  const cueId = (index: number) => show.run.cues[index]?.cueId ?? '';
  const next = nextPending(show);
  const current = show.current;
  const pendingCue = (id: string, field: string): number => {
    const index = cueIndex(show, id);
    if (index < 0) throw new NotFoundError('This cue is not in the show run', field);
    if (show.cues[index]?.status !== 'pending')
      throw refuse(
        'cue_not_pending',
        `This cue is ${show.cues[index]?.status ?? 'gone'}: only a cue still to come can change`,
        field,
      );
    return index;
  };

  switch (body.type) {
    case 'stand_by': {
      if (next === null) throw refuse('no_next_cue', 'There is no cue left to stand by for');
      const notes = show.run.cues[next]?.notes ?? {};
      const noted = SHOW_DEPARTMENTS.filter((d) => (notes[d] ?? '').trim().length > 0);
      const departments = body.departments ?? (noted.length > 0 ? noted : [...SHOW_DEPARTMENTS]);
      return [{ type: 'CueStoodBy', data: { ...live, cueId: cueId(next), departments: [...departments] } }];
    }
    case 'acknowledge': {
      const standby = show.standby;
      if (!standby || standby.cueId !== body.cueId)
        throw refuse('no_standby', 'That cue is not on standby (any more)', 'cueId');
      if (!standby.departments.includes(body.department))
        throw new ValidationError(`${body.department} was not asked to stand by for this cue`, 'department');
      if (standby.acknowledged.includes(body.department)) return [];
      const department: ShowDepartment = body.department;
      return [{ type: 'StandbyAcknowledged', data: { ...live, cueId: body.cueId, department } }];
    }
    case 'go': {
      if (show.status === 'held') throw refuse('on_hold', 'The show is on hold: resume it first');
      if (next !== null)
        return [
          {
            type: 'CueStarted',
            data: { ...live, cueId: cueId(next), previousCueId: current === null ? null : cueId(current) },
          },
        ];
      if (current === null) throw refuse('no_next_cue', 'Every cue is skipped: there is nothing to GO');
      return [{ type: 'ShowEnded', data: { ...live, lastCueId: cueId(current) } }];
    }
    case 'hold':
      if (show.status === 'held') throw refuse('on_hold', 'The show is already on hold');
      if (current === null) throw refuse('not_live', 'No cue is live to hold');
      return [{ type: 'ShowHeld', data: { ...live, cueId: cueId(current) } }];
    case 'resume': {
      if (show.status !== 'held' || current === null || show.heldSinceMs === null)
        throw refuse('not_on_hold', 'The show is not on hold');
      const heldSeconds = (Date.parse(metadata.now) - show.heldSinceMs) / 1000;
      if (!(heldSeconds >= 0)) throw new ValidationError('The command is dated before the hold began', 'now');
      return [{ type: 'ShowResumed', data: { ...live, cueId: cueId(current), heldSeconds } }];
    }
    case 'skip':
      pendingCue(body.cueId, 'cueId');
      return [{ type: 'CueSkipped', data: { ...live, cueId: body.cueId } }];
    case 'back': {
      if (show.status === 'held') throw refuse('on_hold', 'The show is on hold: resume it first');
      const from = current === null ? undefined : show.cues[current];
      if (current === null || from?.startedAfter === undefined)
        throw refuse('no_previous_cue', 'No GO to take back: no cue is live');
      const back = from.startedAfter === null ? null : cueId(from.startedAfter);
      return [{ type: 'WentBack', data: { ...live, fromCueId: cueId(current), cueId: back } }];
    }
    case 'adjust_time': {
      if (!Number.isSafeInteger(body.seconds) || body.seconds === 0)
        throw new ValidationError('Add or remove whole seconds, not 0', 'seconds');
      let index: number;
      if (body.cueId === undefined || (current !== null && body.cueId === cueId(current))) {
        if (current === null) throw refuse('not_live', 'No cue is live: name the cue to change', 'cueId');
        index = current;
      } else index = pendingCue(body.cueId, 'cueId');
      const cue = show.cues[index];
      const planned = show.run.cues[index]?.durationSeconds ?? 0;
      if (!cue) throw new IllegalStateError('The show run has no such cue', 'cueId');
      const totalSeconds = cue.adjustSeconds + body.seconds;
      if (planned + totalSeconds < 0)
        throw new ValidationError(
          `The cue runs ${planned + cue.adjustSeconds} s: that is all you can remove`,
          'seconds',
        );
      return [
        {
          type: 'CueTimeAdjusted',
          data: { ...live, cueId: cueId(index), seconds: body.seconds, totalSeconds },
        },
      ];
    }
    case 'insert_delay': {
      if (!Number.isSafeInteger(body.seconds) || body.seconds < 1)
        throw new ValidationError('A delay is whole seconds, at least 1', 'seconds');
      const index = pendingCue(body.beforeCueId, 'beforeCueId');
      const totalSeconds = (show.cues[index]?.delaySeconds ?? 0) + body.seconds;
      return [
        {
          type: 'DelayInserted',
          data: { ...live, beforeCueId: body.beforeCueId, seconds: body.seconds, totalSeconds },
        },
      ];
    }
    default:
      return assertNever(body);
  }
}
