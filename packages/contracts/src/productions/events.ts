import { Type, type Static } from 'typebox';
import { Department, Role } from '../access/roles.ts';
import { Uuid } from '../common/common.ts';
import { GateCondition } from '../phases/phases.ts';
import { ProductionDetails, ProductionStatus } from './productions.ts';

/** Event payloads of the `production-<id>` stream. */
export const ProductionCreated = Type.Object({
  productionId: Uuid,
  organisationId: Uuid,
  details: ProductionDetails,
});
export type ProductionCreated = Static<typeof ProductionCreated>;

export const ProductionDetailsUpdated = Type.Object({
  productionId: Uuid,
  /** Only what changed. */
  changes: Type.Partial(ProductionDetails),
});
export type ProductionDetailsUpdated = Static<typeof ProductionDetailsUpdated>;

export const MemberAdded = Type.Object({
  productionId: Uuid,
  personId: Uuid,
  role: Role,
  department: Type.Optional(Department),
  partyId: Type.Optional(Uuid),
});
export type MemberAdded = Static<typeof MemberAdded>;

export const MemberRemoved = Type.Object({
  productionId: Uuid,
  personId: Uuid,
  role: Role,
});
export type MemberRemoved = Static<typeof MemberRemoved>;

export const ProductionPhaseChanged = Type.Object({
  productionId: Uuid,
  from: ProductionStatus,
  to: ProductionStatus,
  /** Present when a manager forced the gate: the written reason, who, and what was missing then. */
  forced: Type.Optional(
    Type.Object({
      reason: Type.String({ minLength: 10 }),
      byPersonId: Uuid,
      missing: Type.Array(GateCondition),
    }),
  ),
});
export type ProductionPhaseChanged = Static<typeof ProductionPhaseChanged>;

/** The production workflow opened the planning phase. */
export const ProductionPlanningOpened = Type.Object({ productionId: Uuid });
export type ProductionPlanningOpened = Static<typeof ProductionPlanningOpened>;

/** The production workflow closed the production. */
export const ProductionClosed = Type.Object({ productionId: Uuid });
export type ProductionClosed = Static<typeof ProductionClosed>;
