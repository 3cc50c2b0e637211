import type { CueFields } from '@panggung/contracts';
import { IllegalStateError, NotFoundError, ValidationError } from '../core/errors.ts';
import { assertNever } from '../core/messages.ts';
import { DEFAULT_TIME_ZONE } from '../productions/production.ts';
import {
  evolveRundown,
  type RundownCommand,
  type RundownEvent,
  type RundownRecord,
  type RundownState,
} from './rundown.ts';
import { planRundown, showRunOf } from './rundown-plan.ts';
import { secondsOfDay, zoneOffsetMs } from './time-of-day.ts';

function checkedFields(fields: CueFields): CueFields {
  const title = fields.title.trim();
  if (title.length === 0) throw new ValidationError('A cue needs a title', 'title');
  if (
    !Number.isSafeInteger(fields.durationSeconds) ||
    fields.durationSeconds < 0 ||
    fields.durationSeconds > 43_200
  )
    throw new ValidationError('A cue runs whole seconds, from 0 up to 12 hours', 'durationSeconds');
  if (fields.startKind === 'hard' && fields.startsAt === undefined)
    throw new ValidationError('A hard start needs its clock time', 'startsAt');
  if (fields.startKind === 'soft' && fields.startsAt !== undefined)
    throw new ValidationError('A soft start follows the cue before it: it has no clock time', 'startsAt');
  if (fields.startsAt !== undefined) secondsOfDay(fields.startsAt);
  return { ...fields, title };
}

function editable(state: RundownState): RundownRecord {
  if (state.status === 'none') throw new NotFoundError('This show day has no rundown yet', 'showDay');
  if (state.status === 'frozen')
    throw new IllegalStateError('The show has started: its rundown is frozen into the show run', 'showDay');
  return state;
}

function position(requested: number | undefined, length: number): number {
  if (requested === undefined) return length;
  if (!Number.isSafeInteger(requested) || requested < 0 || requested > length)
    throw new ValidationError(`The position is between 0 and ${length}`, 'position');
  return requested;
}

/** The edit, when the rundown it leaves still plans (hard starts in order, within a day). */
function planned(state: RundownRecord, events: RundownEvent[]): RundownEvent[] {
  planRundown(events.reduce<RundownState>(evolveRundown, state) as RundownRecord);
  return events;
}

/**
 * Editing a show day's rundown before the show. Every edit leaves a rundown that plans: hard starts in
 * running order (a show may run past midnight), at most a day long.
 */
export function decideRundown(command: RundownCommand, state: RundownState): RundownEvent[] {
  const { productionId, showDay } = command.data;
  const day = { productionId, showDay };
  switch (command.type) {
    case 'CreateRundown': {
      if (state.status !== 'none')
        throw new IllegalStateError('This show day already has a rundown', 'showDay');
      const timeZone = command.data.timeZone ?? DEFAULT_TIME_ZONE;
      zoneOffsetMs(timeZone, 0);
      secondsOfDay(command.data.showStart, 'showStart');
      return [{ type: 'RundownCreated', data: { ...day, timeZone, showStart: command.data.showStart } }];
    }
    case 'ChangeShowStart': {
      const rundown = editable(state);
      secondsOfDay(command.data.showStart, 'showStart');
      if (rundown.showStart === command.data.showStart) return [];
      return planned(rundown, [
        { type: 'ShowStartChanged', data: { ...day, showStart: command.data.showStart } },
      ]);
    }
    case 'AddSegment': {
      const rundown = editable(state);
      const { segmentId, group } = command.data;
      if (rundown.segments.some((s) => s.segmentId === segmentId))
        throw new IllegalStateError('This segment is already in the rundown', 'segmentId');
      const title = command.data.title.trim();
      if (title.length === 0) throw new ValidationError('A segment needs a title', 'title');
      const at = position(command.data.position, rundown.segments.length);
      const grouped = group?.trim() ? { group: group.trim() } : {};
      return [{ type: 'SegmentAdded', data: { ...day, segmentId, title, ...grouped, position: at } }];
    }
    case 'RemoveSegment': {
      const rundown = editable(state);
      if (!rundown.segments.some((s) => s.segmentId === command.data.segmentId))
        throw new NotFoundError('This segment is not in the rundown', 'segmentId');
      return planned(rundown, [
        { type: 'SegmentRemoved', data: { ...day, segmentId: command.data.segmentId } },
      ]);
    }
    case 'AddCue': {
      const rundown = editable(state);
      const { cueId, segmentId } = command.data;
      if (rundown.cues[cueId]) throw new IllegalStateError('This cue is already in the rundown', 'cueId');
      const segment = rundown.segments.find((s) => s.segmentId === segmentId);
      if (!segment) throw new NotFoundError('This segment is not in the rundown', 'segmentId');
      const at = position(command.data.position, segment.cueIds.length);
      const fields = checkedFields(command.data);
      return planned(rundown, [
        { type: 'CueAdded', data: { ...day, cueId, segmentId, position: at, ...fields } },
      ]);
    }
    case 'ChangeCue': {
      const rundown = editable(state);
      const cue = rundown.cues[command.data.cueId];
      if (!cue) throw new NotFoundError('This cue is not in the rundown', 'cueId');
      const fields = checkedFields(command.data);
      return planned(rundown, [{ type: 'CueChanged', data: { ...day, cueId: cue.cueId, ...fields } }]);
    }
    case 'MoveCue': {
      const rundown = editable(state);
      const { cueId, segmentId } = command.data;
      if (!rundown.cues[cueId]) throw new NotFoundError('This cue is not in the rundown', 'cueId');
      const segment = rundown.segments.find((s) => s.segmentId === segmentId);
      if (!segment) throw new NotFoundError('This segment is not in the rundown', 'segmentId');
      const others = segment.cueIds.filter((id) => id !== cueId).length;
      const at = position(command.data.position, others);
      return planned(rundown, [{ type: 'CueMoved', data: { ...day, cueId, segmentId, position: at } }]);
    }
    case 'RemoveCue': {
      const rundown = editable(state);
      if (!rundown.cues[command.data.cueId])
        throw new NotFoundError('This cue is not in the rundown', 'cueId');
      return planned(rundown, [{ type: 'CueRemoved', data: { ...day, cueId: command.data.cueId } }]);
    }
    case 'FreezeRundown': {
      const rundown = editable(state);
      showRunOf(rundown, command.metadata.now);
      return [
        {
          type: 'RundownFrozen',
          data: { ...day, revision: rundown.revision, frozenAt: command.metadata.now },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}
