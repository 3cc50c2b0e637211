import { Type, type Static } from 'typebox';
import { Department } from '../access/roles.ts';
import { CalendarDate } from '../contracts/contracts.ts';
import { Instant, Name, Uuid } from '../common/common.ts';

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
    kind: Type.Literal('max_hours_per_day'),
    ...conflictBase,
    /** The calendar day in Asia/Jakarta. */
    day: CalendarDate,
    minutes: Type.Integer(),
    limitMinutes: Type.Integer(),
  }),
]);
export type ShiftConflict = Static<typeof ShiftConflict>;
