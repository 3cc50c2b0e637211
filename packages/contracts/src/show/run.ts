import { Type, type Static } from 'typebox';
import { Instant, Name, TimeZone, Uuid } from '../common/common.ts';
import { CalendarDate } from '../contracts/contracts.ts';
import { DepartmentNotes, DurationSeconds, StartKind, TimeOfDay } from './rundown.ts';

/** A cue as frozen into the show run: its planned start resolved to an instant. */
export const RunCue = Type.Object({
  cueId: Uuid,
  segmentId: Uuid,
  segmentTitle: Name,
  group: Type.Optional(Name),
  title: Name,
  startKind: StartKind,
  /** The clock time the manager wrote (hard starts only). */
  startsAt: Type.Optional(TimeOfDay),
  plannedStart: Instant,
  durationSeconds: DurationSeconds,
  notes: DepartmentNotes,
});
export type RunCue = Static<typeof RunCue>;

/**
 * The rundown frozen when the show starts: what the show caller runs. It never changes; the live
 * commands record what happened against it.
 */
export const ShowRun = Type.Object({
  productionId: Uuid,
  showDay: CalendarDate,
  timeZone: TimeZone,
  /** The rundown's revision this run was frozen from. */
  rundownRevision: Type.Integer({ minimum: 0 }),
  frozenAt: Instant,
  plannedStart: Instant,
  plannedEnd: Instant,
  cues: Type.Array(RunCue, { minItems: 1 }),
});
export type ShowRun = Static<typeof ShowRun>;
