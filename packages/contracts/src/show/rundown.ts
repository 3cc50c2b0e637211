import { Type, type Static } from 'typebox';
import { ExpectedVersion, Name, TimeZone, Uuid } from '../common/common.ts';
import { CalendarDate } from '../contracts/contracts.ts';

/** The departments a show caller stands by and that keep notes on cues. */
export const ShowDepartment = Type.Union([
  Type.Literal('sound'),
  Type.Literal('lighting'),
  Type.Literal('video'),
  Type.Literal('stage'),
]);
export type ShowDepartment = Static<typeof ShowDepartment>;

export const SHOW_DEPARTMENTS: readonly ShowDepartment[] = ['sound', 'lighting', 'video', 'stage'];

/**
 * A clock time in the production's time zone, `HH:mm` or `HH:mm:ss` (24-hour). It carries no date: a
 * rundown reads its times forward from the show start, so `00:30` after `23:00` is the next morning.
 */
export const TimeOfDay = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?$',
  maxLength: 8,
  description: 'HH:mm or HH:mm:ss, local time',
});
export type TimeOfDay = Static<typeof TimeOfDay>;

/**
 * `hard`: the cue starts at its clock time (a broadcast, fireworks) and waits for it when the show is
 * early; `soft`: the cue follows the one before it whenever that ends.
 */
export const StartKind = Type.Union([Type.Literal('hard'), Type.Literal('soft')]);
export type StartKind = Static<typeof StartKind>;

/** Seconds a cue is planned to run; up to 12 hours. */
export const DurationSeconds = Type.Integer({ minimum: 0, maximum: 43_200 });

/** Notes for each department (internal: never shown to clients). */
export const DepartmentNotes = Type.Object(
  {
    sound: Type.Optional(Type.String({ maxLength: 2000 })),
    lighting: Type.Optional(Type.String({ maxLength: 2000 })),
    video: Type.Optional(Type.String({ maxLength: 2000 })),
    stage: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type DepartmentNotes = Static<typeof DepartmentNotes>;

/** What the manager writes for a cue; a hard start needs its `startsAt`, a soft start has none. */
export const CueFields = Type.Object(
  {
    title: Name,
    durationSeconds: DurationSeconds,
    startKind: StartKind,
    startsAt: Type.Optional(TimeOfDay),
    notes: DepartmentNotes,
  },
  { additionalProperties: false },
);
export type CueFields = Static<typeof CueFields>;

export const Cue = Type.Object(
  { cueId: Uuid, segmentId: Uuid, ...CueFields.properties },
  { additionalProperties: false },
);
export type Cue = Static<typeof Cue>;

/** A segment holds cues in order; segments may be gathered in named groups ("Act 1", "Pre-show"). */
export const Segment = Type.Object(
  { segmentId: Uuid, title: Name, group: Type.Optional(Name), cueIds: Type.Array(Uuid) },
  { additionalProperties: false },
);
export type Segment = Static<typeof Segment>;

/** One show day's rundown as the manager edits it before the show. */
export const Rundown = Type.Object({
  productionId: Uuid,
  showDay: CalendarDate,
  timeZone: TimeZone,
  /** When the first cue starts, on `showDay`. */
  showStart: TimeOfDay,
  segments: Type.Array(Segment),
  cues: Type.Array(Cue),
  status: Type.Union([Type.Literal('editing'), Type.Literal('frozen')]),
  /** Edits so far; the show run names the revision it was frozen from. */
  revision: Type.Integer({ minimum: 0 }),
});
export type Rundown = Static<typeof Rundown>;

export const CreateRundownBody = Type.Object(
  {
    showDay: CalendarDate,
    timeZone: Type.Optional(TimeZone),
    showStart: TimeOfDay,
  },
  { additionalProperties: false },
);
export type CreateRundownBody = Static<typeof CreateRundownBody>;

export const AddCueBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    segmentId: Uuid,
    /** Index within the segment; omitted: at its end. */
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    ...CueFields.properties,
  },
  { additionalProperties: false },
);
export type AddCueBody = Static<typeof AddCueBody>;
