import { Type, type Static } from 'typebox';
import { Department } from '../access/roles.ts';
import { ExpectedVersion, Instant, Uuid } from '../common/common.ts';
import { CalendarDate } from '../contracts/contracts.ts';

/**
 * A crew member's arrival against their call: `on_time` / `late` once checked in (late: after the call
 * plus the grace), `missing` when the call plus grace has passed without a check-in, else `not_yet_due`.
 */
export const CheckinStatus = Type.Union([
  Type.Literal('on_time'),
  Type.Literal('late'),
  Type.Literal('missing'),
  Type.Literal('not_yet_due'),
]);
export type CheckinStatus = Static<typeof CheckinStatus>;

export const CheckInBody = Type.Object(
  {
    expectedVersion: Type.Optional(ExpectedVersion),
    /** Whom a manager checks in; the person themself when absent. */
    personId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type CheckInBody = Static<typeof CheckInBody>;

export const SetCheckinGraceBody = Type.Object(
  {
    expectedVersion: Type.Optional(ExpectedVersion),
    graceMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
  },
  { additionalProperties: false },
);
export type SetCheckinGraceBody = Static<typeof SetCheckinGraceBody>;

export const CheckinQuery = Type.Object(
  {
    /** The calendar day in Asia/Jakarta; today (WIB) when absent. */
    day: Type.Optional(CalendarDate),
  },
  { additionalProperties: false },
);
export type CheckinQuery = Static<typeof CheckinQuery>;

export const RecordVendorArrivalBody = Type.Object(
  {
    expectedVersion: Type.Optional(ExpectedVersion),
    /** A vendor with a (non-withdrawn) contract in the production; a vendor person records its own. */
    vendorId: Uuid,
    /** The contract the arrival is for, when the vendor holds several. */
    contractId: Type.Optional(Uuid),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type RecordVendorArrivalBody = Static<typeof RecordVendorArrivalBody>;

/** A vendor of the production on a show day: arrived (when, recorded by whom) or not yet. */
export const VendorArrivalEntry = Type.Object({
  vendorId: Uuid,
  name: Type.String(),
  arrivedAt: Type.Optional(Instant),
  by: Type.Optional(Uuid),
  note: Type.Optional(Type.String()),
});
export type VendorArrivalEntry = Static<typeof VendorArrivalEntry>;

/** The answer to recording an arrival (a vendor person sees only its own line, not the crew list). */
export const VendorArrivalRecorded = Type.Object({
  productionId: Uuid,
  day: CalendarDate,
  vendor: VendorArrivalEntry,
  version: Type.Integer(),
});
export type VendorArrivalRecorded = Static<typeof VendorArrivalRecorded>;

/** One person's first call of the day and their arrival. */
export const CheckinEntry = Type.Object({
  personId: Uuid,
  name: Type.Optional(Type.String()),
  department: Department,
  shiftId: Uuid,
  callAt: Instant,
  checkedInAt: Type.Optional(Instant),
  checkedInBy: Type.Optional(Uuid),
  status: CheckinStatus,
  /** Minutes after the call (late arrivals, and people still missing at `now`). */
  minutesLate: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type CheckinEntry = Static<typeof CheckinEntry>;

export const CheckinDay = Type.Object({
  productionId: Uuid,
  day: CalendarDate,
  /** The instant the statuses were computed at. */
  now: Instant,
  graceMinutes: Type.Integer(),
  /** By call time, then name. */
  entries: Type.Array(CheckinEntry),
  /** The production's vendors with a contract that is not withdrawn, by name. */
  vendors: Type.Array(VendorArrivalEntry),
  version: Type.Integer(),
});
export type CheckinDay = Static<typeof CheckinDay>;
