import {
  SHOW_DEPARTMENTS,
  type Department,
  type DepartmentNotes,
  type Role,
  type Rundown,
  type ShowDepartment,
  type ShowRun,
  type ShowTiming,
} from '@panggung/contracts';
import { isInternal } from '../access/viewer.ts';
import { RUNDOWN_EVENT_TYPES, type RundownRecord } from './rundown.ts';
import { SHOW_EVENT_TYPES } from './show-run.ts';

/**
 * What a viewer may see of a show day. Department notes are internal working notes: the show caller and
 * the managers read every department's, a crew member only their own department's, a client none. A
 * client follows progress and cue titles (running order, planned and actual times, over/under), never
 * the departments' standby and acknowledgements.
 */
export interface ShowAudience {
  /** The departments whose notes the viewer reads. */
  readonly departments: readonly ShowDepartment[];
  /** An outside viewer: no notes, no standby. */
  readonly client: boolean;
}

/** Roles that read every department's notes. */
const ALL_NOTES: readonly Role[] = ['org_admin', 'production_manager', 'show_caller'];

/** Show events only internal roles see: who is ready is the crew's business. */
const INTERNAL_ONLY: ReadonlySet<string> = new Set(['CueStoodBy', 'StandbyAcknowledged']);

/**
 * The audience of a viewer with `roles` in the production, working in `departments` there.
 *
 * @example
 * showAudience(['crew'], ['sound']) // { departments: ['sound'], client: false }
 */
export function showAudience(roles: readonly Role[], departments: readonly Department[]): ShowAudience {
  if (roles.some((role) => ALL_NOTES.includes(role)))
    return { departments: [...SHOW_DEPARTMENTS], client: false };
  if (isInternal(roles))
    return {
      departments: SHOW_DEPARTMENTS.filter((d) => (departments as readonly string[]).includes(d)),
      client: false,
    };
  return { departments: [], client: true };
}

/** Whether a rundown or show event may be seen; undefined for any other event. */
export function canSeeShowEvent(
  event: { readonly type: string },
  roles: readonly Role[],
): boolean | undefined {
  if (!RUNDOWN_EVENT_TYPES.has(event.type) && !SHOW_EVENT_TYPES.has(event.type)) return undefined;
  if (isInternal(roles)) return true;
  return roles.includes('client') && !INTERNAL_ONLY.has(event.type);
}

/** Only the notes of the audience's departments. */
export function notesFor(notes: DepartmentNotes, audience: ShowAudience): DepartmentNotes {
  const kept: DepartmentNotes = {};
  for (const department of audience.departments) {
    const note = notes[department];
    if (note !== undefined) kept[department] = note;
  }
  return kept;
}

export function runFor(run: ShowRun, audience: ShowAudience): ShowRun {
  return { ...run, cues: run.cues.map((cue) => ({ ...cue, notes: notesFor(cue.notes, audience) })) };
}

/** A rundown record as the audience may see it, in the contract's shape (cues in running order). */
export function rundownFor(record: RundownRecord, audience: ShowAudience): Rundown {
  const cues = record.segments.flatMap((s) => s.cueIds.flatMap((id) => record.cues[id] ?? []));
  return {
    productionId: record.productionId,
    showDay: record.showDay,
    timeZone: record.timeZone,
    showStart: record.showStart,
    segments: record.segments.map((s) => ({ ...s, cueIds: [...s.cueIds] })),
    cues: cues.map((cue) => ({ ...cue, notes: notesFor(cue.notes, audience) })),
    status: record.status,
    revision: record.revision,
  };
}

export function timingFor(timing: ShowTiming, audience: ShowAudience): ShowTiming {
  return audience.client ? { ...timing, position: { ...timing.position, standby: null } } : timing;
}

/**
 * An event's data as the audience may see it: notes of other departments removed from cues and from the
 * frozen run. The same function serves the live stream and HTTP, so neither leaks what the other hides.
 * Events without notes come back unchanged (the same object).
 */
export function showEventDataFor(
  event: { readonly type: string; readonly data: unknown },
  audience: ShowAudience,
): unknown {
  switch (event.type) {
    case 'CueAdded':
    case 'CueChanged': {
      const data = event.data as { notes?: DepartmentNotes };
      return data.notes === undefined ? data : { ...data, notes: notesFor(data.notes, audience) };
    }
    case 'ShowRunFrozen': {
      const data = event.data as { run?: ShowRun };
      return data.run === undefined ? data : { ...data, run: runFor(data.run, audience) };
    }
    default:
      return event.data;
  }
}

/**
 * Who may acknowledge a standby for `department`: the show caller and managers (on a department's behalf,
 * over the talkback), or a crew member of that department.
 */
export function mayAcknowledgeStandby(
  roles: readonly Role[],
  departments: readonly Department[],
  department: ShowDepartment,
): boolean {
  return (
    roles.some((role) => ALL_NOTES.includes(role)) ||
    (roles.includes('crew') && (departments as readonly string[]).includes(department))
  );
}
