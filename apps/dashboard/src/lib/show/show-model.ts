import type {
  CueStatus,
  DepartmentNotes,
  ShowDepartment,
  ShowStatus,
  ShowView,
  StartKind,
} from '@panggung/contracts';

/** One cue of the rundown as the live screens show it: the frozen plan beside what happened and what now looks likely. */
export interface CueRow {
  readonly cueId: string;
  /** 1-based, in running order. */
  readonly number: number;
  readonly title: string;
  readonly segmentTitle: string;
  readonly group: string | undefined;
  readonly status: CueStatus;
  readonly startKind: StartKind;
  readonly plannedStartMs: number;
  /** Planned, plus time added or removed live. */
  readonly durationSeconds: number;
  readonly delaySeconds: number;
  readonly actualStartMs: number | undefined;
  /** Done cues: how much longer (+) or shorter (−) than planned. */
  readonly overUnderSeconds: number | undefined;
  /** Live and pending cues: when they now look like starting (re-timed as the live cue runs over). */
  readonly projectedStartMs: number | undefined;
  readonly hardStartMissedBySeconds: number | undefined;
  /** Only the notes the viewer may read (the API filtered them). */
  readonly notes: DepartmentNotes;
}

export interface StandbyModel {
  readonly cue: CueRow;
  readonly departments: readonly ShowDepartment[];
  readonly acknowledged: readonly ShowDepartment[];
  /** Asked, not yet ready. */
  readonly waiting: readonly ShowDepartment[];
}

/** Everything a live screen shows, at one instant of the server's clock. */
export interface ShowModel {
  readonly status: ShowStatus;
  readonly version: number;
  readonly timeZone: string;
  readonly rows: readonly CueRow[];
  readonly current: CueRow | undefined;
  readonly next: CueRow | undefined;
  /** The live cue's number (or the last one's, once the show ended); 0 before the first GO. */
  readonly cueNumber: number;
  readonly cueCount: number;
  /** The live cue's running clock; undefined when no cue is live. */
  readonly elapsedSeconds: number | undefined;
  /** Negative once the live cue runs over. */
  readonly remainingSeconds: number | undefined;
  readonly held: boolean;
  /** Behind (+) or ahead (−) of plan. */
  readonly overUnderSeconds: number;
  readonly plannedEndMs: number;
  readonly projectedEndMs: number;
  readonly standby: StandbyModel | undefined;
}

const parse = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

/**
 * The live screens' view of a show: the API's `ShowView` (timing computed at `timing.serverTime`) carried
 * forward to `serverNowMs` on the synchronised clock, so the clocks tick between fetches. Each live event
 * fetches the view again; between events only time passes, and time moves the figures in known ways:
 *
 * - the live cue's elapsed grows and its remaining shrinks (neither while the show is held);
 * - the show falls behind by however long the live cue runs past its end, or sits on hold:
 *   `grow = Δ + max(0, remaining now) − max(0, remaining then)`;
 * - the cues still to come move later by `grow`, less any slack a hard start had (waiting for its clock
 *   time absorbs a late running), exactly as the server re-times them.
 */
export function showModel(view: ShowView, serverNowMs: number): ShowModel {
  const { run, timing } = view;
  const position = timing.position;
  const running = position.status === 'running' || position.status === 'held';
  const deltaSeconds = running ? Math.max(0, (serverNowMs - Date.parse(timing.serverTime)) / 1000) : 0;
  const live = timing.live;
  const held = live?.held ?? position.status === 'held';
  const elapsedSeconds = live ? live.elapsedSeconds + (held ? 0 : deltaSeconds) : undefined;
  const remainingSeconds = live ? live.remainingSeconds - (held ? 0 : deltaSeconds) : undefined;
  const growSeconds =
    live && remainingSeconds !== undefined
      ? deltaSeconds + Math.max(0, remainingSeconds) - Math.max(0, live.remainingSeconds)
      : 0;

  const byId = new Map(timing.cues.map((cue) => [cue.cueId, cue]));
  let shiftMs = growSeconds * 1000;
  let previousEndMs: number | undefined;
  const rows = run.cues.map((cue, i): CueRow => {
    const t = byId.get(cue.cueId);
    const status = t?.status ?? 'pending';
    let projectedStartMs = parse(t?.projectedStart);
    const projectedEndMs = parse(t?.projectedEnd);
    if (status === 'live') previousEndMs = projectedEndMs;
    if (status === 'pending' && projectedStartMs !== undefined) {
      const delayMs = (t?.delaySeconds ?? 0) * 1000;
      const slackMs =
        previousEndMs === undefined ? 0 : Math.max(0, projectedStartMs - delayMs - previousEndMs);
      shiftMs = Math.max(0, shiftMs - slackMs);
      previousEndMs = projectedEndMs;
      projectedStartMs += shiftMs;
    }
    return {
      cueId: cue.cueId,
      number: i + 1,
      title: cue.title,
      segmentTitle: cue.segmentTitle,
      group: cue.group,
      status,
      startKind: cue.startKind,
      plannedStartMs: Date.parse(cue.plannedStart),
      durationSeconds: cue.durationSeconds + (t?.adjustSeconds ?? 0),
      delaySeconds: t?.delaySeconds ?? 0,
      actualStartMs: parse(t?.actualStart),
      overUnderSeconds: t?.overUnderSeconds,
      projectedStartMs,
      hardStartMissedBySeconds: t?.hardStartMissedBySeconds,
      notes: cue.notes,
    };
  });

  const find = (id: string | null) => (id === null ? undefined : rows.find((row) => row.cueId === id));
  const current = find(position.currentCueId);
  const ended = position.status === 'ended';
  const lastDone = ended ? [...rows].reverse().find((row) => row.status === 'done') : undefined;
  const standbyCue = position.standby ? find(position.standby.cueId) : undefined;
  return {
    status: position.status,
    version: view.version,
    timeZone: run.timeZone,
    rows,
    current,
    next: find(position.nextCueId),
    cueNumber: current?.number ?? lastDone?.number ?? 0,
    cueCount: rows.length,
    elapsedSeconds,
    remainingSeconds,
    held,
    overUnderSeconds: timing.overUnderSeconds + growSeconds,
    plannedEndMs: Date.parse(timing.plannedEnd),
    // The last cue's slack has been used up by `shiftMs` as it went; what is left moves the end.
    projectedEndMs: Date.parse(timing.projectedEnd) + (running ? lastShift(shiftMs, rows, growSeconds) : 0),
    standby:
      position.standby && standbyCue
        ? {
            cue: standbyCue,
            departments: position.standby.departments,
            acknowledged: position.standby.acknowledged,
            waiting: position.standby.departments.filter((d) => !position.standby!.acknowledged.includes(d)),
          }
        : undefined,
  };
}

/** How far the end moves: the shift left after the last pending cue, or the whole growth when none is pending. */
function lastShift(shiftMs: number, rows: readonly CueRow[], growSeconds: number): number {
  return rows.some((row) => row.status === 'pending') ? shiftMs : growSeconds * 1000;
}

/** The cues a department works on: those with a note for it (the API sends only the viewer's notes). */
export const departmentRows = (rows: readonly CueRow[], department: ShowDepartment): CueRow[] =>
  rows.filter((row) => row.notes[department] !== undefined);

/** Whether a department is asked to stand by and has not yet said it is ready. */
export const awaitsAcknowledgement = (model: ShowModel, department: ShowDepartment): boolean =>
  model.standby?.waiting.includes(department) ?? false;

/** The stream of a show day's live events (as the API names it). */
export const showStreamOf = (productionId: string, day: string) => `show-${productionId}-${day}`;
