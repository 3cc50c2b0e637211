import { Type, type Static } from 'typebox';
import { Department, Role } from '../access/roles.ts';
import { Currency, ExpectedVersion, Instant, Name, TimeZone, Uuid } from '../common/common.ts';

export const ProductionKind = Type.Union([
  Type.Literal('concert'),
  Type.Literal('corporate_show'),
  Type.Literal('festival'),
  Type.Literal('product_launch'),
  Type.Literal('broadcast'),
  Type.Literal('other'),
]);
export type ProductionKind = Static<typeof ProductionKind>;

export const ProductionStatus = Type.Union([
  Type.Literal('planning'),
  Type.Literal('pre_production'),
  Type.Literal('technical_rehearsal'),
  Type.Literal('show_day'),
  Type.Literal('wrap_up'),
  Type.Literal('closed'),
]);
export type ProductionStatus = Static<typeof ProductionStatus>;

export const Venue = Type.Object(
  {
    name: Name,
    address: Type.Optional(Type.String({ maxLength: 500 })),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  },
  { additionalProperties: false },
);
export type Venue = Static<typeof Venue>;

/** What a manager can change about a production after creating it. */
const editable = {
  name: Name,
  kind: ProductionKind,
  venue: Venue,
  startsAt: Instant,
  endsAt: Instant,
  /** The client company, shown to everyone in the production. */
  clientName: Type.Optional(Name),
};

/** The details of a production, as its events record them. */
export const ProductionDetails = Type.Object(
  { ...editable, timeZone: TimeZone, currency: Currency },
  { additionalProperties: false },
);
export type ProductionDetails = Static<typeof ProductionDetails>;

/** A new production: time zone Asia/Jakarta and currency IDR unless given. */
export const CreateProductionBody = Type.Object(
  { ...editable, timeZone: Type.Optional(TimeZone), currency: Type.Optional(Currency) },
  { additionalProperties: false },
);
export type CreateProductionBody = Static<typeof CreateProductionBody>;

/** A change of details: only the fields given change. */
export const UpdateProductionBody = Type.Object(
  {
    /** The production's version the change was made against; a stale one gets 409. */
    expectedVersion: ExpectedVersion,
    ...Type.Partial(Type.Object(editable)).properties,
  },
  { additionalProperties: false, minProperties: 2 },
);
export type UpdateProductionBody = Static<typeof UpdateProductionBody>;

export const Member = Type.Object({
  personId: Uuid,
  name: Name,
  role: Role,
  department: Type.Optional(Department),
  partyId: Type.Optional(Uuid),
});
export type Member = Static<typeof Member>;

export const Production = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  name: Name,
  kind: ProductionKind,
  venue: Venue,
  startsAt: Instant,
  endsAt: Instant,
  timeZone: TimeZone,
  currency: Currency,
  clientName: Type.Optional(Name),
  status: ProductionStatus,
  /** Stream version, for optimistic concurrency on the next change. */
  version: Type.Integer(),
  /** Your roles in it. */
  myRoles: Type.Array(Role),
  updatedAt: Instant,
});
export type Production = Static<typeof Production>;

export const ProductionPage = Type.Object({
  items: Type.Array(Production),
  nextCursor: Type.Optional(Type.String()),
});
export type ProductionPage = Static<typeof ProductionPage>;

export const MemberList = Type.Object({ items: Type.Array(Member) });
export type MemberList = Static<typeof MemberList>;

export const AddMemberBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    personId: Uuid,
    role: Role,
    department: Type.Optional(Department),
    partyId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type AddMemberBody = Static<typeof AddMemberBody>;

/** What a command answers: the production's new version and the checkpoint to see it live. */
export const CommandAccepted = Type.Object({
  version: Type.Integer(),
  checkpoint: Type.String(),
});
export type CommandAccepted = Static<typeof CommandAccepted>;
