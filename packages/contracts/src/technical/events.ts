import { Type, type Static } from 'typebox';
import { Department } from '../access/roles.ts';
import { Instant, Name, Uuid } from '../common/common.ts';
import { RehearsalIssueSeverity } from './technical.ts';

/** Event payloads of the `technical-<productionId>` stream (internal: clients and vendors see none). */
export const DepartmentHeadAssigned = Type.Object({
  productionId: Uuid,
  department: Department,
  personId: Uuid,
  /** The head this one replaces, if any. */
  previous: Type.Optional(Uuid),
});
export type DepartmentHeadAssigned = Static<typeof DepartmentHeadAssigned>;

export const TechnicalRiderAdded = Type.Object({
  productionId: Uuid,
  riderId: Uuid,
  department: Department,
  title: Name,
  requirements: Type.String(),
  vendorId: Type.Optional(Uuid),
  contractId: Type.Optional(Uuid),
  addedBy: Uuid,
});
export type TechnicalRiderAdded = Static<typeof TechnicalRiderAdded>;

export const ChecklistItemAdded = Type.Object({
  productionId: Uuid,
  itemId: Uuid,
  department: Department,
  text: Type.String(),
  addedBy: Uuid,
});
export type ChecklistItemAdded = Static<typeof ChecklistItemAdded>;

export const ChecklistItemChecked = Type.Object({
  productionId: Uuid,
  itemId: Uuid,
  department: Department,
  by: Uuid,
  at: Instant,
});
export type ChecklistItemChecked = Static<typeof ChecklistItemChecked>;

export const ChecklistItemUnchecked = Type.Object({
  productionId: Uuid,
  itemId: Uuid,
  department: Department,
  by: Uuid,
  at: Instant,
});
export type ChecklistItemUnchecked = Static<typeof ChecklistItemUnchecked>;

export const DepartmentChecklistSignedOff = Type.Object({
  productionId: Uuid,
  department: Department,
  by: Uuid,
  at: Instant,
});
export type DepartmentChecklistSignedOff = Static<typeof DepartmentChecklistSignedOff>;

/** A change after sign-off: the department head signs off again. */
export const DepartmentChecklistReopened = Type.Object({
  productionId: Uuid,
  department: Department,
  because: Type.Union([
    Type.Literal('item_added'),
    Type.Literal('item_unchecked'),
    Type.Literal('rider_added'),
  ]),
});
export type DepartmentChecklistReopened = Static<typeof DepartmentChecklistReopened>;

export const RehearsalIssueRecorded = Type.Object({
  productionId: Uuid,
  issueId: Uuid,
  department: Department,
  description: Type.String(),
  severity: RehearsalIssueSeverity,
  recordedBy: Uuid,
  at: Instant,
});
export type RehearsalIssueRecorded = Static<typeof RehearsalIssueRecorded>;

export const RehearsalIssueFixed = Type.Object({
  productionId: Uuid,
  issueId: Uuid,
  department: Department,
  fixedBy: Uuid,
  note: Type.String(),
  at: Instant,
});
export type RehearsalIssueFixed = Static<typeof RehearsalIssueFixed>;
