import { Type, type Static } from 'typebox';
import { Department } from '../access/roles.ts';
import { ExpectedVersion, Instant, Name, Uuid } from '../common/common.ts';

export const RehearsalIssueSeverity = Type.Union([
  Type.Literal('low'),
  Type.Literal('medium'),
  Type.Literal('high'),
  Type.Literal('critical'),
]);
export type RehearsalIssueSeverity = Static<typeof RehearsalIssueSeverity>;

const version = { expectedVersion: Type.Optional(ExpectedVersion) };
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const AssignDepartmentHeadBody = Type.Object(
  { ...version, department: Department, personId: Uuid },
  { additionalProperties: false },
);
export type AssignDepartmentHeadBody = Static<typeof AssignDepartmentHeadBody>;

export const AddTechnicalRiderBody = Type.Object(
  {
    ...version,
    department: Department,
    title: Name,
    requirements: Text(10_000),
    vendorId: Type.Optional(Uuid),
    contractId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type AddTechnicalRiderBody = Static<typeof AddTechnicalRiderBody>;

export const AddChecklistItemBody = Type.Object(
  { ...version, department: Department, text: Text(500) },
  { additionalProperties: false },
);
export type AddChecklistItemBody = Static<typeof AddChecklistItemBody>;

export const SetChecklistItemBody = Type.Object(
  { ...version, checked: Type.Boolean() },
  { additionalProperties: false },
);
export type SetChecklistItemBody = Static<typeof SetChecklistItemBody>;

export const SignOffChecklistBody = Type.Object(
  { ...version, department: Department },
  { additionalProperties: false },
);
export type SignOffChecklistBody = Static<typeof SignOffChecklistBody>;

export const RecordRehearsalIssueBody = Type.Object(
  { ...version, department: Department, description: Text(2000), severity: RehearsalIssueSeverity },
  { additionalProperties: false },
);
export type RecordRehearsalIssueBody = Static<typeof RecordRehearsalIssueBody>;

export const FixRehearsalIssueBody = Type.Object(
  { ...version, note: Text(2000) },
  { additionalProperties: false },
);
export type FixRehearsalIssueBody = Static<typeof FixRehearsalIssueBody>;

export const TechnicalItemParams = Type.Object({ id: Uuid, itemId: Uuid }, { additionalProperties: false });
export type TechnicalItemParams = Static<typeof TechnicalItemParams>;

export const TechnicalIssueParams = Type.Object({ id: Uuid, issueId: Uuid }, { additionalProperties: false });
export type TechnicalIssueParams = Static<typeof TechnicalIssueParams>;

export const TechnicalRider = Type.Object({
  riderId: Uuid,
  department: Department,
  title: Type.String(),
  requirements: Type.String(),
  vendorId: Type.Optional(Uuid),
  contractId: Type.Optional(Uuid),
});
export type TechnicalRider = Static<typeof TechnicalRider>;

export const ChecklistItem = Type.Object({
  itemId: Uuid,
  department: Department,
  text: Type.String(),
  checked: Type.Boolean(),
  checkedBy: Type.Optional(Uuid),
});
export type ChecklistItem = Static<typeof ChecklistItem>;

export const RehearsalIssue = Type.Object({
  issueId: Uuid,
  department: Department,
  description: Type.String(),
  severity: RehearsalIssueSeverity,
  recordedBy: Uuid,
  recordedAt: Instant,
  fix: Type.Optional(Type.Object({ fixedBy: Uuid, note: Type.String(), at: Instant })),
});
export type RehearsalIssue = Static<typeof RehearsalIssue>;

/** One department's technical preparation: its head, riders, checklist and sign-off. */
export const TechnicalDepartment = Type.Object({
  department: Department,
  headId: Type.Optional(Uuid),
  riders: Type.Array(TechnicalRider),
  items: Type.Array(ChecklistItem),
  signedOff: Type.Optional(Type.Object({ by: Uuid, at: Instant })),
});
export type TechnicalDepartment = Static<typeof TechnicalDepartment>;

export const TechnicalReadiness = Type.Object({
  departmentsNotSignedOff: Type.Array(Department),
  openChecklistItems: Type.Integer(),
  openRehearsalIssues: Type.Integer(),
});
export type TechnicalReadiness = Static<typeof TechnicalReadiness>;

export const Technical = Type.Object({
  productionId: Uuid,
  departments: Type.Array(TechnicalDepartment),
  issues: Type.Array(RehearsalIssue),
  readiness: TechnicalReadiness,
  version: Type.Integer(),
});
export type Technical = Static<typeof Technical>;
