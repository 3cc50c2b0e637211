import { Type, type Static } from 'typebox';
import { Department } from '../access/roles.ts';
import { Instant, Name, Uuid } from '../common/common.ts';

/** Where a piece of equipment comes from: the company's own stock or a vendor's contract. */
export const EquipmentSource = Type.Union([
  Type.Object({ kind: Type.Literal('owned') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('contract'), contractId: Uuid }, { additionalProperties: false }),
]);
export type EquipmentSource = Static<typeof EquipmentSource>;

export const EquipmentItem = Type.Object(
  {
    itemId: Uuid,
    department: Department,
    name: Name,
    quantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
    source: EquipmentSource,
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type EquipmentItem = Static<typeof EquipmentItem>;

/** A truck, van or car going from one place to another with equipment on board. */
export const TransportRun = Type.Object(
  {
    runId: Uuid,
    from: Name,
    to: Name,
    departsAt: Instant,
    arrivesAt: Instant,
    vehicle: Name,
    driverId: Type.Optional(Uuid),
    /** Equipment item ids on board. */
    cargo: Type.Array(Uuid, { maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type TransportRun = Static<typeof TransportRun>;

export const LoadWindowKind = Type.Union([Type.Literal('load_in'), Type.Literal('load_out')]);
export type LoadWindowKind = Static<typeof LoadWindowKind>;

/** A stretch of time the venue gives the production to bring equipment in or take it out. */
export const LoadWindow = Type.Object(
  {
    windowId: Uuid,
    kind: LoadWindowKind,
    startsAt: Instant,
    endsAt: Instant,
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type LoadWindow = Static<typeof LoadWindow>;

/** What the crew and the vendors need to know about the venue. */
export const VenueDetails = Type.Object(
  {
    /** The name crew shifts and transport runs use for the venue, e.g. "GBK Madya". */
    location: Name,
    accessNotes: Type.Optional(Type.String({ maxLength: 2000 })),
    powerKva: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    powerPhases: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(3)])),
    capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    loadingDock: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type VenueDetails = Static<typeof VenueDetails>;

export const LogisticsConflictKind = Type.Union([
  Type.Literal('window_without_crew'),
  Type.Literal('run_arrives_late'),
  Type.Literal('driver_on_shift'),
  Type.Literal('task_in_load_window'),
]);
export type LogisticsConflictKind = Static<typeof LogisticsConflictKind>;

export const LogisticsConflict = Type.Object({
  kind: LogisticsConflictKind,
  /** Ids of the windows, runs, shifts and tasks involved. */
  refs: Type.Array(Type.String()),
  /** For people; times in WIB (Asia/Jakarta). */
  message: Type.String(),
});
export type LogisticsConflict = Static<typeof LogisticsConflict>;

export const Logistics = Type.Object({
  productionId: Uuid,
  version: Type.Integer({ minimum: 0 }),
  venue: Type.Optional(VenueDetails),
  equipment: Type.Array(EquipmentItem),
  runs: Type.Array(Type.Intersect([TransportRun, Type.Object({ driverName: Type.Optional(Type.String()) })])),
  windows: Type.Array(LoadWindow),
  conflicts: Type.Array(LogisticsConflict),
});
export type Logistics = Static<typeof Logistics>;

export const AddEquipmentBody = Type.Omit(EquipmentItem, ['itemId']);
export type AddEquipmentBody = Static<typeof AddEquipmentBody>;
export const ScheduleTransportRunBody = Type.Omit(TransportRun, ['runId']);
export type ScheduleTransportRunBody = Static<typeof ScheduleTransportRunBody>;
export const ScheduleLoadWindowBody = Type.Omit(LoadWindow, ['windowId']);
export type ScheduleLoadWindowBody = Static<typeof ScheduleLoadWindowBody>;
export const SetVenueDetailsBody = VenueDetails;
export type SetVenueDetailsBody = Static<typeof SetVenueDetailsBody>;

export const LogisticsItemParams = Type.Object({ id: Uuid, itemId: Uuid }, { additionalProperties: false });
export type LogisticsItemParams = Static<typeof LogisticsItemParams>;
