import { Type, type Static } from 'typebox';
import { Instant, Uuid } from '../common/common.ts';
import { CalendarDate } from '../contracts/contracts.ts';

/** Event payloads of the `checkin-<productionId>` stream (internal). */
export const CrewCheckedIn = Type.Object({
  productionId: Uuid,
  personId: Uuid,
  /** The Jakarta calendar day of the call. */
  day: CalendarDate,
  shiftId: Uuid,
  callAt: Instant,
  at: Instant,
  /** Who recorded it: the person, or a manager for them. */
  by: Uuid,
  /** After the call plus the grace in force: flagged live. */
  late: Type.Boolean(),
  minutesLate: Type.Integer({ minimum: 0 }),
});
export type CrewCheckedIn = Static<typeof CrewCheckedIn>;

export const CheckinGraceSet = Type.Object({
  productionId: Uuid,
  graceMinutes: Type.Integer({ minimum: 0 }),
  by: Uuid,
});
export type CheckinGraceSet = Static<typeof CheckinGraceSet>;

export const VendorArrived = Type.Object({
  productionId: Uuid,
  vendorId: Uuid,
  contractId: Type.Optional(Uuid),
  /** The Jakarta calendar day of the arrival. */
  day: CalendarDate,
  at: Instant,
  /** Who recorded it: a manager, the show caller, or a person of the vendor. */
  by: Uuid,
  note: Type.Optional(Type.String()),
});
export type VendorArrived = Static<typeof VendorArrived>;
