import { Type, type Static } from 'typebox';
import { ExpectedVersion, Instant, Name, Uuid } from '../common/common.ts';
import { CalendarDate } from '../contracts/contracts.ts';
import { CueFields, Rundown, ShowDepartment, TimeOfDay } from './rundown.ts';
import { ShowRun } from './run.ts';
import { ShowPosition, ShowTiming } from './timing.ts';

/* HTTP bodies and answers of the show routes (`/api/productions/:id/shows/...`). */

export const ShowDayParams = Type.Object({ id: Uuid, day: CalendarDate }, { additionalProperties: false });
export type ShowDayParams = Static<typeof ShowDayParams>;
export const SegmentParams = Type.Object(
  { id: Uuid, day: CalendarDate, segmentId: Uuid },
  { additionalProperties: false },
);
export type SegmentParams = Static<typeof SegmentParams>;
export const CueParams = Type.Object(
  { id: Uuid, day: CalendarDate, cueId: Uuid },
  { additionalProperties: false },
);
export type CueParams = Static<typeof CueParams>;

/** Removals name the version the manager saw in the query string (a DELETE has no body). */
export const ExpectedVersionQuery = Type.Object(
  { expectedVersion: ExpectedVersion },
  { additionalProperties: false },
);
export type ExpectedVersionQuery = Static<typeof ExpectedVersionQuery>;

export const ChangeShowStartBody = Type.Object(
  { expectedVersion: ExpectedVersion, showStart: TimeOfDay },
  { additionalProperties: false },
);
export type ChangeShowStartBody = Static<typeof ChangeShowStartBody>;

export const AddSegmentBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    title: Name,
    group: Type.Optional(Name),
    /** Index among the segments; omitted: at the end. */
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type AddSegmentBody = Static<typeof AddSegmentBody>;

export const ChangeCueBody = Type.Object(
  { expectedVersion: ExpectedVersion, ...CueFields.properties },
  { additionalProperties: false },
);
export type ChangeCueBody = Static<typeof ChangeCueBody>;

export const MoveCueBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    segmentId: Uuid,
    position: Type.Integer({ minimum: 0, maximum: 1000 }),
  },
  { additionalProperties: false },
);
export type MoveCueBody = Static<typeof MoveCueBody>;

/**
 * Starting the show freezes the rundown into the show run. The key makes a start resent after a network
 * drop act once; `expectedVersion` (the rundown's) refuses a start against edits the manager has not seen.
 */
export const StartShowBody = Type.Object(
  {
    idempotencyKey: Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_:.-]+$' }),
    expectedVersion: Type.Optional(ExpectedVersion),
  },
  { additionalProperties: false },
);
export type StartShowBody = Static<typeof StartShowBody>;

/** A rundown as the viewer may see it (notes filtered by department; none for a client). */
export const RundownView = Type.Object({
  rundown: Rundown,
  /** The rundown stream's version: what edits send back as `expectedVersion`. */
  version: Type.Integer({ minimum: 0 }),
  /** The id of the segment or cue the request added. */
  createdId: Type.Optional(Uuid),
});
export type RundownView = Static<typeof RundownView>;

/** One show day of a production, for lists and the manager's overview. */
export const ShowDaySummary = Type.Object({
  productionId: Uuid,
  showDay: CalendarDate,
  showStart: TimeOfDay,
  rundownStatus: Type.Union([Type.Literal('editing'), Type.Literal('frozen')]),
  cueCount: Type.Integer({ minimum: 0 }),
  /** Null until the show starts. */
  position: Type.Union([ShowPosition, Type.Null()]),
});
export type ShowDaySummary = Static<typeof ShowDaySummary>;
export const ShowDayList = Type.Object({ items: Type.Array(ShowDaySummary) });
export type ShowDayList = Static<typeof ShowDayList>;

/**
 * A running (or ended) show as the viewer may see it: the frozen run, where it stands and its timing at
 * the server's clock. A department member's run carries only that department's notes; a client's none,
 * and no standby (the departments' readiness is internal).
 */
export const ShowView = Type.Object({
  productionId: Uuid,
  showDay: CalendarDate,
  run: ShowRun,
  /** The show stream's version: live commands may send it back as `expectedVersion`. */
  version: Type.Integer({ minimum: 0 }),
  timing: ShowTiming,
  /** The departments whose notes this view carries (all four for the caller and managers). */
  departments: Type.Array(ShowDepartment),
});
export type ShowView = Static<typeof ShowView>;

/** What a live command did: the events its key produced (the same when it is resent) and where the show is. */
export const ShowCommandResult = Type.Object({
  idempotencyKey: Type.String(),
  /** True when this key had already acted: nothing new was recorded. */
  duplicate: Type.Boolean(),
  events: Type.Array(
    Type.Object({ type: Type.String(), data: Type.Unknown(), streamVersion: Type.Integer() }),
  ),
  position: ShowPosition,
});
export type ShowCommandResult = Static<typeof ShowCommandResult>;

/**
 * The server's clock (`GET /api/clock`). A client synchronises NTP-style: it notes its own clock `t0`
 * before sending, `t3` when the answer arrives, and reads `serverTimeMs`; the offset is
 * `serverTimeMs − (t0 + t3) / 2`, good to ± half the round trip, and the sample with the shortest round
 * trip of a few wins (`apps/dashboard/src/lib/show/clock.ts`). The live stream's `pong` and heartbeat carry
 * `serverTime` as well.
 */
export const ClockResponse = Type.Object({ serverTime: Instant, serverTimeMs: Type.Number() });
export type ClockResponse = Static<typeof ClockResponse>;

/** One recorded event of a show day, its data cut to what the viewer may see (as on the live stream). */
export const ShowHistoryEvent = Type.Object({
  streamId: Type.String(),
  type: Type.String(),
  data: Type.Unknown(),
  recordedAt: Instant,
});
export type ShowHistoryEvent = Static<typeof ShowHistoryEvent>;

/** A show day as it happened, for the replay: the show stream, then the day's incidents and check-ins, in commit order. */
export const ShowHistory = Type.Object({
  productionId: Uuid,
  showDay: CalendarDate,
  events: Type.Array(ShowHistoryEvent),
});
export type ShowHistory = Static<typeof ShowHistory>;
