import type { CueStatus, ShowTiming } from '@panggung/contracts';

/** One cue planned against actual; durations in whole seconds, instants as wall time in the show's zone. */
export interface ShowReportRow {
  readonly number: number;
  readonly title: string;
  readonly status: CueStatus;
  readonly plannedStart: string;
  readonly plannedSeconds: number;
  readonly actualStart: string | undefined;
  readonly actualEnd: string | undefined;
  readonly actualSeconds: number | undefined;
  readonly overUnderSeconds: number | undefined;
}

export interface ShowReport {
  readonly rows: readonly ShowReportRow[];
  /** Cues that ran (done): planned and actual seconds summed, and the difference. */
  readonly total: {
    readonly plannedSeconds: number;
    readonly actualSeconds: number;
    readonly overUnderSeconds: number;
  };
  /** How much later (+) or earlier (−) the show ended than planned. */
  readonly endOverUnderSeconds: number;
}

/** `2027-03-14 20:30:05` in `timeZone` (sv-SE writes ISO-like dates). */
export function wallTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/**
 * Planned against actual for every cue of a show day, from `showTiming` over the recorded events, and the
 * total of the cues that ran.
 *
 * @example showReport(showTiming(show, endedAtMs), 'Asia/Jakarta').total.overUnderSeconds
 */
export function showReport(timing: ShowTiming, timeZone: string): ShowReport {
  const rows = timing.cues.map((cue, i): ShowReportRow => ({
    number: i + 1,
    title: cue.title,
    status: cue.status,
    plannedStart: wallTime(cue.plannedStart, timeZone),
    plannedSeconds: cue.plannedDurationSeconds,
    actualStart: cue.actualStart === undefined ? undefined : wallTime(cue.actualStart, timeZone),
    actualEnd: cue.actualEnd === undefined ? undefined : wallTime(cue.actualEnd, timeZone),
    actualSeconds: cue.actualSeconds === undefined ? undefined : Math.round(cue.actualSeconds),
    overUnderSeconds: cue.overUnderSeconds === undefined ? undefined : Math.round(cue.overUnderSeconds),
  }));
  const ran = rows.filter((row) => row.status === 'done');
  const plannedSeconds = ran.reduce((sum, row) => sum + row.plannedSeconds, 0);
  const actualSeconds = ran.reduce((sum, row) => sum + (row.actualSeconds ?? 0), 0);
  return {
    rows,
    total: { plannedSeconds, actualSeconds, overUnderSeconds: actualSeconds - plannedSeconds },
    endOverUnderSeconds: Math.round(timing.overUnderSeconds),
  };
}
