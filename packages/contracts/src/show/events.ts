import { Type, type Static } from 'typebox';
import { Instant, Name, TimeZone, Uuid } from '../common/common.ts';
import { CalendarDate } from '../contracts/contracts.ts';
import { CueFields, ShowDepartment, TimeOfDay } from './rundown.ts';
import { ShowRun } from './run.ts';

/* Events of the `rundown-<productionId>-<showDay>` stream: the manager's edits before the show. */

const day = { productionId: Uuid, showDay: CalendarDate };

export const RundownCreated = Type.Object({ ...day, timeZone: TimeZone, showStart: TimeOfDay });
export type RundownCreated = Static<typeof RundownCreated>;

export const ShowStartChanged = Type.Object({ ...day, showStart: TimeOfDay });
export type ShowStartChanged = Static<typeof ShowStartChanged>;

export const SegmentAdded = Type.Object({
  ...day,
  segmentId: Uuid,
  title: Name,
  group: Type.Optional(Name),
  position: Type.Integer({ minimum: 0 }),
});
export type SegmentAdded = Static<typeof SegmentAdded>;

/** A segment goes with its cues. */
export const SegmentRemoved = Type.Object({ ...day, segmentId: Uuid });
export type SegmentRemoved = Static<typeof SegmentRemoved>;

export const CueAdded = Type.Object({
  ...day,
  cueId: Uuid,
  segmentId: Uuid,
  position: Type.Integer({ minimum: 0 }),
  ...CueFields.properties,
});
export type CueAdded = Static<typeof CueAdded>;

/** The cue's fields after the change. */
export const CueChanged = Type.Object({ ...day, cueId: Uuid, ...CueFields.properties });
export type CueChanged = Static<typeof CueChanged>;

export const CueMoved = Type.Object({
  ...day,
  cueId: Uuid,
  segmentId: Uuid,
  position: Type.Integer({ minimum: 0 }),
});
export type CueMoved = Static<typeof CueMoved>;

export const CueRemoved = Type.Object({ ...day, cueId: Uuid });
export type CueRemoved = Static<typeof CueRemoved>;

/** The show started: no more edits; the show run holds what was frozen. */
export const RundownFrozen = Type.Object({
  ...day,
  revision: Type.Integer({ minimum: 0 }),
  frozenAt: Instant,
});
export type RundownFrozen = Static<typeof RundownFrozen>;

/* Events of the `show-<productionId>-<showDay>` stream: what happened on show day, as it happened. */

/** Every live event names the command's idempotency key (a resent command finds it) and when it happened. */
const live = { ...day, idempotencyKey: Type.String(), at: Instant };

export const ShowRunFrozen = Type.Object({ ...live, run: ShowRun });
export type ShowRunFrozen = Static<typeof ShowRunFrozen>;

export const CueStoodBy = Type.Object({ ...live, cueId: Uuid, departments: Type.Array(ShowDepartment) });
export type CueStoodBy = Static<typeof CueStoodBy>;

export const StandbyAcknowledged = Type.Object({ ...live, cueId: Uuid, department: ShowDepartment });
export type StandbyAcknowledged = Static<typeof StandbyAcknowledged>;

/** GO: the cue started; the one before it (if any) ended at the same instant. */
export const CueStarted = Type.Object({
  ...live,
  cueId: Uuid,
  previousCueId: Type.Union([Uuid, Type.Null()]),
});
export type CueStarted = Static<typeof CueStarted>;

export const ShowHeld = Type.Object({ ...live, cueId: Uuid });
export type ShowHeld = Static<typeof ShowHeld>;

export const ShowResumed = Type.Object({ ...live, cueId: Uuid, heldSeconds: Type.Number({ minimum: 0 }) });
export type ShowResumed = Static<typeof ShowResumed>;

export const CueSkipped = Type.Object({ ...live, cueId: Uuid });
export type CueSkipped = Static<typeof CueSkipped>;

/** BACK: the last GO undone; `cueId` is live again, `fromCueId` waits again. */
export const WentBack = Type.Object({
  ...live,
  fromCueId: Uuid,
  cueId: Type.Union([Uuid, Type.Null()]),
});
export type WentBack = Static<typeof WentBack>;

export const CueTimeAdjusted = Type.Object({
  ...live,
  cueId: Uuid,
  seconds: Type.Integer(),
  /** The cue's adjustment in all, after this one. */
  totalSeconds: Type.Integer(),
});
export type CueTimeAdjusted = Static<typeof CueTimeAdjusted>;

export const DelayInserted = Type.Object({
  ...live,
  beforeCueId: Uuid,
  seconds: Type.Integer({ minimum: 1 }),
  totalSeconds: Type.Integer({ minimum: 1 }),
});
export type DelayInserted = Static<typeof DelayInserted>;

/** GO on the last cue: it ended, and with it the show. */
export const ShowEnded = Type.Object({ ...live, lastCueId: Uuid });
export type ShowEnded = Static<typeof ShowEnded>;
