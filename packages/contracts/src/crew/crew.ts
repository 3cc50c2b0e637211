import { Type, type Static } from 'typebox';
import { Department } from '../access/roles.ts';
import { CalendarDate } from '../contracts/contracts.ts';
import { ErrorBody, Instant, Name, Uuid } from '../common/common.ts';

/** One person's working time at one place for one production. */
export const Shift = Type.Object(
  {
    shiftId: Uuid,
    personId: Uuid,
    productionId: Uuid,
    startsAt: Instant,
    endsAt: Instant,
    location: Name,
    department: Department,
    /** The job on this shift, e.g. "FOH engineer", "runner panggung". */
    role: Type.Optional(Name),
  },
  { additionalProperties: false },
);
export type Shift = Static<typeof Shift>;

/** The organisation's rest rules; 10 h rest and 12 h a day unless configured otherwise. */
export const CrewRules = Type.Object(
  {
    minRestMinutes: Type.Integer({ minimum: 0, maximum: 2880, default: 600 }),
    maxMinutesPerDay: Type.Integer({ minimum: 1, maximum: 1440, default: 720 }),
  },
  { additionalProperties: false },
);
export type CrewRules = Static<typeof CrewRules>;

const conflictBase = {
  personId: Uuid,
  /** The existing shifts involved. */
  shiftIds: Type.Array(Uuid),
  /** For people; times in WIB (Asia/Jakarta). */
  message: Type.String(),
};

/** Why a shift cannot be assigned as it is. */
export const ShiftConflict = Type.Union([
  Type.Object({ kind: Type.Literal('double_booking'), ...conflictBase, productionId: Uuid }),
  Type.Object({
    kind: Type.Literal('insufficient_rest'),
    ...conflictBase,
    restMinutes: Type.Integer(),
    requiredMinutes: Type.Integer(),
  }),
  Type.Object({
    kind: Type.Literal('unavailable'),
    ...conflictBase,
    /** The period the person marked unavailable. */
    periodId: Uuid,
  }),
  Type.Object({
    kind: Type.Literal('max_hours_per_day'),
    ...conflictBase,
    /** The calendar day in Asia/Jakarta. */
    day: CalendarDate,
    minutes: Type.Integer(),
    limitMinutes: Type.Integer(),
  }),
]);
export type ShiftConflict = Static<typeof ShiftConflict>;

/** A shift as the crew schedule holds it: the person's call time and whether the call is a key role. */
export const CrewShift = Type.Object(
  {
    ...Shift.properties,
    /** When the person must be there; at or before the start. */
    callAt: Instant,
    /** A key call (department head, stage manager, FOH…): the show-day gate waits for its acknowledgement. */
    key: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CrewShift = Static<typeof CrewShift>;

/** A period a person cannot work (any production of the organisation). */
export const UnavailablePeriod = Type.Object({
  periodId: Uuid,
  personId: Uuid,
  startsAt: Instant,
  endsAt: Instant,
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});
export type UnavailablePeriod = Static<typeof UnavailablePeriod>;

/** A manager assigns despite conflicts, saying why (recorded with the conflicts overridden). */
export const ConflictOverride = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type ConflictOverride = Static<typeof ConflictOverride>;

/** How long a published call may wait for its acknowledgement before a reminder, then an escalation. */
export const CallDeadlines = Type.Object(
  {
    remindAfterMinutes: Type.Integer({ minimum: 1, maximum: 10_080, default: 720 }),
    escalateAfterMinutes: Type.Integer({ minimum: 2, maximum: 20_160, default: 1440 }),
  },
  { additionalProperties: false },
);
export type CallDeadlines = Static<typeof CallDeadlines>;

/** One line of a published call sheet (a snapshot of the shift when it was published). */
export const Call = Type.Object({
  shiftId: Uuid,
  personId: Uuid,
  department: Department,
  role: Type.Optional(Name),
  key: Type.Boolean(),
  callAt: Instant,
  startsAt: Instant,
  endsAt: Instant,
  location: Name,
});
export type Call = Static<typeof Call>;

/** `draft`: shifts never published; `published`: as published; `changed`: changed since, not republished. */
export const CallSheetStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('published'),
  Type.Literal('changed'),
]);
export type CallSheetStatus = Static<typeof CallSheetStatus>;

export const CallAcknowledgement = Type.Object({
  personId: Uuid,
  name: Type.String(),
  key: Type.Boolean(),
  acknowledged: Type.Boolean(),
  reminded: Type.Boolean(),
  escalated: Type.Boolean(),
});
export type CallAcknowledgement = Static<typeof CallAcknowledgement>;

/** One Jakarta day's call sheet: the published snapshot and who acknowledged it. */
export const CallSheet = Type.Object({
  productionId: Uuid,
  day: CalendarDate,
  status: CallSheetStatus,
  /** 0 before the first publication. */
  version: Type.Integer({ minimum: 0 }),
  publishedAt: Type.Optional(Instant),
  calls: Type.Array(Call),
  acknowledgements: Type.Array(CallAcknowledgement),
});
export type CallSheet = Static<typeof CallSheet>;

/** A shift in the schedule view, with who holds it and what is wrong with it now. */
export const ScheduledShift = Type.Object({
  ...CrewShift.properties,
  personName: Type.String(),
  day: CalendarDate,
  conflicts: Type.Array(ShiftConflict),
  overrideReason: Type.Optional(Type.String()),
});
export type ScheduledShift = Static<typeof ScheduledShift>;

export const CrewMember = Type.Object({
  personId: Uuid,
  name: Type.String(),
  department: Type.Optional(Department),
});
export type CrewMember = Static<typeof CrewMember>;

export const CrewSchedule = Type.Object({
  productionId: Uuid,
  version: Type.Integer(),
  rules: CrewRules,
  deadlines: CallDeadlines,
  members: Type.Array(CrewMember),
  shifts: Type.Array(ScheduledShift),
  days: Type.Array(
    Type.Object({
      day: CalendarDate,
      status: CallSheetStatus,
      version: Type.Integer(),
      pending: Type.Integer({ description: 'Calls not yet acknowledged' }),
    }),
  ),
  unavailable: Type.Array(UnavailablePeriod),
});
export type CrewSchedule = Static<typeof CrewSchedule>;

export const CrewScheduleQuery = Type.Object(
  { day: Type.Optional(CalendarDate), personId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type CrewScheduleQuery = Static<typeof CrewScheduleQuery>;

export const AssignShiftBody = Type.Object(
  {
    personId: Uuid,
    startsAt: Instant,
    endsAt: Instant,
    callAt: Instant,
    location: Name,
    department: Department,
    role: Type.Optional(Name),
    key: Type.Boolean({ default: false }),
    override: Type.Optional(ConflictOverride),
  },
  { additionalProperties: false },
);
export type AssignShiftBody = Static<typeof AssignShiftBody>;

export const RescheduleShiftBody = Type.Object(
  {
    startsAt: Instant,
    endsAt: Instant,
    callAt: Instant,
    location: Type.Optional(Name),
    override: Type.Optional(ConflictOverride),
  },
  { additionalProperties: false },
);
export type RescheduleShiftBody = Static<typeof RescheduleShiftBody>;

export const ShiftParams = Type.Object({ id: Uuid, shiftId: Uuid }, { additionalProperties: false });
export const PeriodParams = Type.Object({ id: Uuid, periodId: Uuid }, { additionalProperties: false });
export const DayParams = Type.Object({ id: Uuid, day: CalendarDate }, { additionalProperties: false });

export const MarkUnavailableBody = Type.Object(
  {
    /** Someone else's period: managers only. Defaults to the person asking. */
    personId: Type.Optional(Uuid),
    startsAt: Instant,
    endsAt: Instant,
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type MarkUnavailableBody = Static<typeof MarkUnavailableBody>;

export const SetCrewRulesBody = Type.Object(
  { rules: CrewRules, deadlines: Type.Optional(CallDeadlines) },
  { additionalProperties: false },
);
export type SetCrewRulesBody = Static<typeof SetCrewRulesBody>;

export const AcknowledgeCallBody = Type.Object(
  { personId: Uuid, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type AcknowledgeCallBody = Static<typeof AcknowledgeCallBody>;

/** A 409 refusing a shift: the conflicts found, for the form to show. */
export const ShiftConflictBody = Type.Object({
  ...ErrorBody.properties,
  /** With code `SHIFT_CONFLICT`: what the shift conflicts with. */
  conflicts: Type.Optional(Type.Array(ShiftConflict)),
});
export type ShiftConflictBody = Static<typeof ShiftConflictBody>;

export const CalendarToken = Type.Object({
  /** The secret feed address; rotating makes the previous one stop working. */
  url: Type.String(),
});
export type CalendarToken = Static<typeof CalendarToken>;

export const CalendarParams = Type.Object(
  { token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}\\.ics$' }) },
  { additionalProperties: false },
);
