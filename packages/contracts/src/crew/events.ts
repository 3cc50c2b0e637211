import { Type, type Static } from 'typebox';
import { CalendarDate } from '../contracts/contracts.ts';
import { Instant, Uuid } from '../common/common.ts';
import { CallDeadlines, Call, CrewRules, CrewShift, ShiftConflict } from './crew.ts';

/** Event payloads of the `crew-<productionId>` stream. */

export const UnavailabilityMarked = Type.Object({
  productionId: Uuid,
  periodId: Uuid,
  personId: Uuid,
  startsAt: Instant,
  endsAt: Instant,
  reason: Type.Optional(Type.String()),
});
export type UnavailabilityMarked = Static<typeof UnavailabilityMarked>;

export const UnavailabilityCleared = Type.Object({ productionId: Uuid, periodId: Uuid, personId: Uuid });
export type UnavailabilityCleared = Static<typeof UnavailabilityCleared>;

/** A manager's override of the conflicts a change would cause, with their reason. */
export const OverrideRecorded = Type.Object({
  reason: Type.String(),
  by: Type.String(),
  conflicts: Type.Array(ShiftConflict),
});
export type OverrideRecorded = Static<typeof OverrideRecorded>;

export const ShiftAssigned = Type.Object({
  productionId: Uuid,
  shift: CrewShift,
  override: Type.Optional(OverrideRecorded),
});
export type ShiftAssigned = Static<typeof ShiftAssigned>;

export const ShiftRescheduled = Type.Object({
  productionId: Uuid,
  /** The shift as it is now. */
  shift: CrewShift,
  previous: Type.Object({ startsAt: Instant, endsAt: Instant, callAt: Instant, location: Type.String() }),
  override: Type.Optional(OverrideRecorded),
});
export type ShiftRescheduled = Static<typeof ShiftRescheduled>;

export const ShiftRemoved = Type.Object({
  productionId: Uuid,
  shiftId: Uuid,
  personId: Uuid,
  day: CalendarDate,
});
export type ShiftRemoved = Static<typeof ShiftRemoved>;

export const CrewRulesSet = Type.Object({ productionId: Uuid, rules: CrewRules, deadlines: CallDeadlines });
export type CrewRulesSet = Static<typeof CrewRulesSet>;

/** A published day's calls changed: the day must be republished. */
export const CallSheetChanged = Type.Object({ productionId: Uuid, day: CalendarDate, shiftId: Uuid });
export type CallSheetChanged = Static<typeof CallSheetChanged>;

export const CallSheetPublished = Type.Object({
  productionId: Uuid,
  day: CalendarDate,
  version: Type.Integer({ minimum: 1 }),
  calls: Type.Array(Call),
  /** People whose call is new, changed or removed since the previous version: they are notified. */
  affectedPersonIds: Type.Array(Uuid),
  /** Of those, the people on this version who must acknowledge (again). */
  acknowledgeBy: Type.Array(Uuid),
  publishedAt: Instant,
});
export type CallSheetPublished = Static<typeof CallSheetPublished>;

export const CallAcknowledged = Type.Object({
  productionId: Uuid,
  day: CalendarDate,
  version: Type.Integer({ minimum: 1 }),
  personId: Uuid,
  acknowledgedAt: Instant,
});
export type CallAcknowledged = Static<typeof CallAcknowledged>;

export const CallReminderSent = Type.Object({
  productionId: Uuid,
  day: CalendarDate,
  version: Type.Integer({ minimum: 1 }),
  personId: Uuid,
});
export type CallReminderSent = Static<typeof CallReminderSent>;

/** Calls still unacknowledged at the escalation deadline, for the production managers. */
export const CallEscalated = Type.Object({
  productionId: Uuid,
  day: CalendarDate,
  version: Type.Integer({ minimum: 1 }),
  personIds: Type.Array(Uuid),
});
export type CallEscalated = Static<typeof CallEscalated>;
