import type { CueTiming, ShowTiming } from '@panggung/contracts';
import { assertNever } from '../core/messages.ts';
import { showPosition } from './position.ts';
import type { RunningShow } from './show-run.ts';

const iso = (ms: number): string => new Date(ms).toISOString();
const seconds = (ms: number): number => ms / 1000;

/**
 * Planned against actual for every cue, and the rest of the show re-timed from `nowMs`:
 *
 * - the live cue's clock runs from its GO, stopping while the show is held; it ends when its planned
 *   duration (plus time added or removed) has run, or now if it already runs over;
 * - each cue still to come starts when the one before it ends, a hard start not before its clock time
 *   (the first cue, before the first GO, is read as hard: the show does not start early), then waits any
 *   delay inserted before it; skipped cues take no time;
 * - over/under is how much later the live cue now ends than planned (before the first GO: how much later
 *   the first cue starts; after the show: how much later it ended).
 *
 * @example
 * showTiming(show, Date.parse('2027-03-14T23:50:00+07:00')).projectedEnd
 */
export function showTiming(show: RunningShow, nowMs: number): ShowTiming {
  const planned = show.run.cues.map((c) => ({
    startMs: Date.parse(c.plannedStart),
    durationMs: c.durationSeconds * 1000,
  }));
  let cursor = nowMs;
  let overUnderMs = 0;
  let live: ShowTiming['live'] = null;
  let started = show.current !== null;
  let lastEndMs = Date.parse(show.run.plannedStart);

  const cues = show.run.cues.map((runCue, i): CueTiming => {
    const cue = show.cues[i] ?? { status: 'pending', heldMs: 0, adjustSeconds: 0, delaySeconds: 0 };
    const plan = planned[i] ?? { startMs: 0, durationMs: 0 };
    const effectiveMs = plan.durationMs + cue.adjustSeconds * 1000;
    const timing: CueTiming = {
      cueId: runCue.cueId,
      title: runCue.title,
      status: cue.status,
      startKind: runCue.startKind,
      plannedStart: runCue.plannedStart,
      plannedDurationSeconds: runCue.durationSeconds,
      adjustSeconds: cue.adjustSeconds,
      delaySeconds: cue.delaySeconds,
    };
    switch (cue.status) {
      case 'skipped':
        return timing;
      case 'done': {
        const start = cue.actualStartMs ?? 0;
        const end = cue.actualEndMs ?? start;
        lastEndMs = Math.max(lastEndMs, end);
        return {
          ...timing,
          actualStart: iso(start),
          actualEnd: iso(end),
          actualSeconds: seconds(end - start),
          overUnderSeconds: seconds(end - start - plan.durationMs),
        };
      }
      case 'live': {
        const start = cue.actualStartMs ?? nowMs;
        const clockStoppedAt = show.status === 'held' && show.heldSinceMs !== null ? show.heldSinceMs : nowMs;
        const elapsedMs = clockStoppedAt - start - cue.heldMs;
        const remainingMs = effectiveMs - elapsedMs;
        cursor = nowMs + Math.max(0, remainingMs);
        overUnderMs = cursor - (plan.startMs + plan.durationMs);
        live = {
          cueId: runCue.cueId,
          elapsedSeconds: seconds(elapsedMs),
          remainingSeconds: seconds(remainingMs),
          held: show.status === 'held',
        };
        return { ...timing, actualStart: iso(start), projectedStart: iso(start), projectedEnd: iso(cursor) };
      }
      case 'pending': {
        const hard = runCue.startKind === 'hard' || !started;
        const start = (hard ? Math.max(plan.startMs, cursor) : cursor) + cue.delaySeconds * 1000;
        if (!started) overUnderMs = start - plan.startMs;
        started = true;
        cursor = start + effectiveMs;
        const missed =
          runCue.startKind === 'hard' && start > plan.startMs
            ? { hardStartMissedBySeconds: seconds(start - plan.startMs) }
            : {};
        return { ...timing, projectedStart: iso(start), projectedEnd: iso(cursor), ...missed };
      }
      default:
        return assertNever(cue.status);
    }
  });

  const ended = show.status === 'ended';
  const projectedEndMs = ended ? lastEndMs : cursor;
  if (ended) overUnderMs = lastEndMs - Date.parse(show.run.plannedEnd);
  return {
    position: showPosition(show),
    serverTime: iso(nowMs),
    plannedStart: show.run.plannedStart,
    plannedEnd: show.run.plannedEnd,
    projectedEnd: iso(projectedEndMs),
    overUnderSeconds: seconds(overUnderMs),
    live,
    cues,
  };
}
