import type { Cue, RunCue, Segment, ShowRun } from '@panggung/contracts';
import { ValidationError } from '../core/errors.ts';
import { cuesInOrder, type RundownRecord } from './rundown.ts';
import { secondsOfDay, secondsOnOrAfter, zonedInstant } from './time-of-day.ts';

const HOUR = 3600;
/** A show day's rundown spans at most a day from its start. */
export const MAX_SHOW_SECONDS = 24 * HOUR;

/** A cue with its planned start and end in seconds from the show day's midnight (past 24 h after midnight). */
export interface PlannedCue {
  readonly cue: Cue;
  readonly segment: Segment;
  readonly startSeconds: number;
  readonly endSeconds: number;
}

const clock = (seconds: number): string => {
  const s = ((seconds % 86_400) + 86_400) % 86_400;
  const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
  return `${pad(s / 3600)}:${pad((s % 3600) / 60)}`;
};

/**
 * When each cue is planned: the first at the show start, a soft cue when the one before it ends, a hard
 * cue at its clock time, read within 12 h after where the cue before ends (so `00:30` after a cue ending
 * at `23:45` is the next morning). Refuses a hard start before the cue before it ends (a time up to 12 h
 * earlier), and a rundown longer than a day.
 */
export function planRundown(state: RundownRecord): PlannedCue[] {
  const showStart = secondsOfDay(state.showStart, 'showStart');
  const segmentOf = new Map(state.segments.map((s) => [s.segmentId, s]));
  let cursor = showStart;
  const planned: PlannedCue[] = [];
  for (const cue of cuesInOrder(state)) {
    let start = cursor;
    if (cue.startKind === 'hard' && cue.startsAt !== undefined) {
      start = secondsOnOrAfter(cue.startsAt, cursor - 12 * HOUR);
      if (start < cursor)
        throw new ValidationError(
          `Cue "${cue.title}" starts hard at ${cue.startsAt}, before ${planned.length === 0 ? 'the show starts' : 'the cue before it ends'} at ${clock(cursor)}`,
          'startsAt',
        );
    }
    const end = start + cue.durationSeconds;
    if (end - showStart > MAX_SHOW_SECONDS)
      throw new ValidationError(
        `Cue "${cue.title}" would end more than 24 hours after the show starts at ${state.showStart}`,
        'durationSeconds',
      );
    const segment = segmentOf.get(cue.segmentId);
    if (segment) planned.push({ cue, segment, startSeconds: start, endSeconds: end });
    cursor = end;
  }
  return planned;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The show run frozen from a rundown: planned starts become instants in the rundown's time zone.
 *
 * @example
 * const run = showRunOf(rundown, metadata.now); // then FreezeShowRun { run } on the show stream
 */
export function showRunOf(state: RundownRecord, frozenAt: string): ShowRun {
  const planned = planRundown(state);
  const first = planned[0];
  const last = planned.at(-1);
  if (!first || !last) throw new ValidationError('A show needs at least one cue', 'cues');
  const at = (seconds: number) => iso(zonedInstant(state.showDay, seconds, state.timeZone));
  const cues = planned.map(({ cue, segment, startSeconds }): RunCue => ({
    cueId: cue.cueId,
    segmentId: segment.segmentId,
    segmentTitle: segment.title,
    ...(segment.group === undefined ? {} : { group: segment.group }),
    title: cue.title,
    startKind: cue.startKind,
    ...(cue.startsAt === undefined ? {} : { startsAt: cue.startsAt }),
    plannedStart: at(startSeconds),
    durationSeconds: cue.durationSeconds,
    notes: cue.notes,
  }));
  return {
    productionId: state.productionId,
    showDay: state.showDay,
    timeZone: state.timeZone,
    rundownRevision: state.revision,
    frozenAt,
    plannedStart: at(first.startSeconds),
    plannedEnd: at(last.endSeconds),
    cues,
  };
}
