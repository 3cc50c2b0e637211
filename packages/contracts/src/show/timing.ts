import { Type, type Static } from 'typebox';
import { Instant, Name, Uuid } from '../common/common.ts';
import { ShowDepartment, StartKind } from './rundown.ts';

export const ShowStatus = Type.Union([
  Type.Literal('ready'),
  Type.Literal('running'),
  Type.Literal('held'),
  Type.Literal('ended'),
]);
export type ShowStatus = Static<typeof ShowStatus>;

export const CueStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('live'),
  Type.Literal('done'),
  Type.Literal('skipped'),
]);
export type CueStatus = Static<typeof CueStatus>;

/** Where the show stands: what a refused live command answers with, so the sender can catch up. */
export const ShowPosition = Type.Object({
  status: ShowStatus,
  version: Type.Integer({ minimum: 0 }),
  currentCueId: Type.Union([Uuid, Type.Null()]),
  nextCueId: Type.Union([Uuid, Type.Null()]),
  standby: Type.Union([
    Type.Null(),
    Type.Object({
      cueId: Uuid,
      departments: Type.Array(ShowDepartment),
      acknowledged: Type.Array(ShowDepartment),
    }),
  ]),
});
export type ShowPosition = Static<typeof ShowPosition>;

/**
 * One cue planned against actual, and where the rest of the show now falls. Seconds are positive when
 * over (late, longer), negative when under.
 */
export const CueTiming = Type.Object({
  cueId: Uuid,
  title: Name,
  status: CueStatus,
  startKind: StartKind,
  plannedStart: Instant,
  plannedDurationSeconds: Type.Integer({ minimum: 0 }),
  /** Time added or removed live. */
  adjustSeconds: Type.Integer(),
  /** Delays inserted before this cue. */
  delaySeconds: Type.Integer({ minimum: 0 }),
  actualStart: Type.Optional(Instant),
  actualEnd: Type.Optional(Instant),
  actualSeconds: Type.Optional(Type.Number()),
  /** Done cues: actual − planned duration. */
  overUnderSeconds: Type.Optional(Type.Number()),
  /** Live and pending cues: when they now look like starting and ending. */
  projectedStart: Type.Optional(Instant),
  projectedEnd: Type.Optional(Instant),
  /** A hard start the show will now miss, by this much. */
  hardStartMissedBySeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
});
export type CueTiming = Static<typeof CueTiming>;

export const ShowTiming = Type.Object({
  position: ShowPosition,
  /** The clock the figures were computed at; clients synchronise to it. */
  serverTime: Instant,
  plannedStart: Instant,
  plannedEnd: Instant,
  /** When the show now looks like ending (or ended). */
  projectedEnd: Instant,
  /** How far the show runs behind (positive) or ahead (negative) of plan now: projected − planned end of the live cue. */
  overUnderSeconds: Type.Number(),
  live: Type.Union([
    Type.Null(),
    Type.Object({
      cueId: Uuid,
      elapsedSeconds: Type.Number(),
      /** Negative: the cue runs over. */
      remainingSeconds: Type.Number(),
      held: Type.Boolean(),
    }),
  ]),
  cues: Type.Array(CueTiming),
});
export type ShowTiming = Static<typeof ShowTiming>;
