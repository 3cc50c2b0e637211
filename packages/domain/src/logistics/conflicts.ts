import type { LoadWindow, LogisticsConflict, TransportRun } from '@panggung/contracts';
import { formatJakarta } from '../crew/jakarta-time.ts';
import { describeWindow } from './logistics.ts';

/** A crew shift as logistics sees it (a row of the crew engineer's `crew_shifts`). */
export interface ShiftAtPlace {
  readonly shiftId: string;
  readonly personId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly location: string;
}

/** A timeline task or milestone with its due date. */
export interface DueTask {
  readonly taskId: string;
  readonly title: string;
  readonly dueAt?: string;
}

/**
 * Work that needs the stage while trucks unload on it: rehearsals, soundchecks, stage blocking. The
 * timeline has no resource field, so titles are read (Bahasa Indonesia and English); the load work itself
 * ("Loading in & setting panggung") is what a load window is for, so it is left out.
 */
const NEEDS_STAGE = /gladi|soundcheck|rehears|latihan|blocking|panggung|stage|hari h|show/i;
const IS_LOAD_WORK = /load|bongkar|muat/i;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const at = (iso: string) => formatJakarta(Date.parse(iso));

/**
 * What in the logistics clashes with the crew schedule or the timeline, each with a message in WIB:
 * - window_without_crew: part of a load window has no crew shift at the venue;
 * - run_arrives_late: a run to the venue arrives after a load-in window has begun;
 * - driver_on_shift: a run's driver has a crew shift overlapping the drive;
 * - task_in_load_window: a task or milestone that needs the stage is due inside a load window.
 * Pure and linear-ish (windows × shifts + runs × shifts + tasks × windows).
 *
 * @example
 * logisticsConflicts({ venueLocation: 'GBK Madya', windows, runs, shifts, tasks }).map((c) => c.message);
 */
export function logisticsConflicts(input: {
  readonly venueLocation: string | undefined;
  readonly windows: readonly LoadWindow[];
  readonly runs: readonly TransportRun[];
  readonly shifts: readonly ShiftAtPlace[];
  readonly tasks: readonly DueTask[];
}): LogisticsConflict[] {
  const { venueLocation, windows, runs, shifts, tasks } = input;
  const conflicts: LogisticsConflict[] = [];
  const byStart = [...windows].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));

  if (venueLocation !== undefined) {
    const atVenue = shifts
      .filter((s) => same(s.location, venueLocation))
      .map((s) => ({ start: Date.parse(s.startsAt), end: Date.parse(s.endsAt), id: s.shiftId }))
      .sort((a, b) => a.start - b.start);
    for (const window of byStart) {
      const gaps = uncovered(Date.parse(window.startsAt), Date.parse(window.endsAt), atVenue);
      if (gaps.length === 0) continue;
      const stretches = gaps.map(([a, b]) => `${formatJakarta(a)} – ${formatJakarta(b)}`).join(', ');
      conflicts.push({
        kind: 'window_without_crew',
        refs: [window.windowId],
        message: `${describeWindow(window)}: no crew on shift at ${venueLocation} from ${stretches}`,
      });
    }
    for (const run of runs) {
      if (!same(run.to, venueLocation)) continue;
      const arrives = Date.parse(run.arrivesAt);
      for (const window of byStart) {
        if (window.kind !== 'load_in') continue;
        if (arrives > Date.parse(window.startsAt) && arrives < Date.parse(window.endsAt))
          conflicts.push({
            kind: 'run_arrives_late',
            refs: [run.runId, window.windowId],
            message: `${run.vehicle} from ${run.from} arrives ${at(run.arrivesAt)}, after ${describeWindow(window)} has begun`,
          });
      }
    }
  }

  for (const run of runs) {
    if (!run.driverId) continue;
    const departs = Date.parse(run.departsAt);
    const arrives = Date.parse(run.arrivesAt);
    for (const shift of shifts) {
      if (shift.personId !== run.driverId) continue;
      if (Date.parse(shift.startsAt) < arrives && departs < Date.parse(shift.endsAt))
        conflicts.push({
          kind: 'driver_on_shift',
          refs: [run.runId, shift.shiftId],
          message: `The driver of ${run.vehicle} (${at(run.departsAt)} – ${at(run.arrivesAt)}) is on a crew shift at ${shift.location} ${at(shift.startsAt)} – ${at(shift.endsAt)}`,
        });
    }
  }

  for (const task of tasks) {
    if (!task.dueAt || !NEEDS_STAGE.test(task.title) || IS_LOAD_WORK.test(task.title)) continue;
    const due = Date.parse(task.dueAt);
    for (const window of byStart) {
      if (due > Date.parse(window.startsAt) && due < Date.parse(window.endsAt))
        conflicts.push({
          kind: 'task_in_load_window',
          refs: [task.taskId, window.windowId],
          message: `“${task.title}” is due ${at(task.dueAt)}, inside ${describeWindow(window)}, while the stage is taken by the load`,
        });
    }
  }
  return conflicts;
}

/** The stretches of [start, end) that no interval covers (intervals sorted by start). */
function uncovered(
  start: number,
  end: number,
  intervals: readonly { start: number; end: number }[],
): [number, number][] {
  const gaps: [number, number][] = [];
  let reached = start;
  for (const i of intervals) {
    if (i.end <= reached) continue;
    if (i.start >= end) break;
    if (i.start > reached) gaps.push([reached, i.start]);
    reached = Math.max(reached, i.end);
    if (reached >= end) break;
  }
  if (reached < end) gaps.push([reached, end]);
  return gaps;
}
