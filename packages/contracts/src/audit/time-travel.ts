import { Type, type Static } from 'typebox';
import { BudgetLine } from '../budget/budget.ts';
import { Checkpoint, Instant, Locale, Uuid } from '../common/common.ts';
import { ApprovalChainView, CalendarDate, ContractStatus } from '../contracts/contracts.ts';
import { Call, CrewShift } from '../crew/crew.ts';
import { ProductionDetails, ProductionStatus } from '../productions/productions.ts';
import { ShowPosition } from '../show/timing.ts';
import { VendorCategory } from '../vendors/vendors.ts';

/**
 * Time travel: a production as it was at a past moment (`at`, an instant) or event position (`position`,
 * a checkpoint `"<transaction>:<position>"`, inclusive). Exactly one of the two.
 */
export const AuditStateQuery = Type.Object(
  { at: Type.Optional(Instant), position: Type.Optional(Checkpoint) },
  { additionalProperties: false },
);
export type AuditStateQuery = Static<typeof AuditStateQuery>;

/** A contract as it stood: its status and approval chain. */
export const AuditContract = Type.Object({
  contractId: Uuid,
  /** The title of the request for quotation it was awarded from. */
  title: Type.String(),
  vendorId: Uuid,
  category: VendorCategory,
  status: ContractStatus,
  version: Type.Integer({ minimum: 1 }),
  total: Type.Integer({ minimum: 0 }),
  chain: ApprovalChainView,
});
export type AuditContract = Static<typeof AuditContract>;

/** A published call sheet as it stood: its version, its calls and who had acknowledged it. */
export const AuditCallSheet = Type.Object({
  day: CalendarDate,
  version: Type.Integer({ minimum: 1 }),
  publishedAt: Instant,
  /** Changed since it was published (a republish was due). */
  changed: Type.Boolean(),
  calls: Type.Array(Call),
  acknowledged: Type.Array(Uuid),
  pending: Type.Array(Uuid),
});
export type AuditCallSheet = Static<typeof AuditCallSheet>;

export const AuditShowDay = Type.Object({ showDay: CalendarDate, position: ShowPosition });
export type AuditShowDay = Static<typeof AuditShowDay>;

/** The snapshot of a production computed from its events up to a position. */
export const AuditState = Type.Object({
  productionId: Uuid,
  /** The last event folded in (null: before the first). */
  position: Type.Union([Checkpoint, Type.Null()]),
  /** When that event was recorded. */
  recordedAt: Type.Union([Instant, Type.Null()]),
  eventCount: Type.Integer({ minimum: 0 }),
  production: Type.Union([Type.Object({ details: ProductionDetails, phase: ProductionStatus }), Type.Null()]),
  budget: Type.Array(BudgetLine),
  contracts: Type.Array(AuditContract),
  crew: Type.Object({ shifts: Type.Array(CrewShift), callSheets: Type.Array(AuditCallSheet) }),
  shows: Type.Array(AuditShowDay),
});
export type AuditState = Static<typeof AuditState>;

/** The list of changes between two moments (`from` exclusive, `to` inclusive), a page at a time. */
export const AuditChangesQuery = Type.Object(
  {
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    /** The `nextCursor` of the previous page. */
    cursor: Type.Optional(Checkpoint),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    lang: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export type AuditChangesQuery = Static<typeof AuditChangesQuery>;

export const AuditChange = Type.Object({
  position: Checkpoint,
  streamId: Type.String(),
  type: Type.String(),
  recordedAt: Instant,
  /** The metadata's actor, e.g. `person:<id>`, `workflow:…`, `system`. */
  actor: Type.String(),
  /** The person's name when the actor is a person. */
  actorName: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String(),
});
export type AuditChange = Static<typeof AuditChange>;

export const AuditChangePage = Type.Object({
  items: Type.Array(AuditChange),
  nextCursor: Type.Union([Checkpoint, Type.Null()]),
});
export type AuditChangePage = Static<typeof AuditChangePage>;
