import { Type, type Static, type TSchema } from 'typebox';
import { Department } from '../access/roles.ts';
import { ErrorBody, Instant, Uuid } from '../common/common.ts';
import { CalendarDate } from '../contracts/contracts.ts';
import { ProductionStatus } from '../productions/productions.ts';
import { VendorCategory } from '../vendors/vendors.ts';

/** The phases of a production, in order: a production moves only to the next one. */
export const PRODUCTION_PHASES: readonly ProductionStatus[] = [
  'planning',
  'pre_production',
  'technical_rehearsal',
  'show_day',
  'wrap_up',
  'closed',
];

const condition = <C extends string, P extends Record<string, TSchema>>(code: C, params: P) =>
  Type.Object({ code: Type.Literal(code), ...params }, { additionalProperties: false });

/**
 * One condition of a phase gate, as a stable code with its parameters. People read it through the
 * dashboard's dictionaries (Bahasa Indonesia, English); the API adds an English message.
 *
 * @example
 * { code: 'vendor_category_unsigned', category: 'sound' }
 */
export const GateCondition = Type.Union([
  /** No budget category has an estimate above Rp 0. */
  condition('budget_estimates_missing', {}),
  /** No vendor category is required (set them, or give categories an estimate). */
  condition('required_categories_missing', {}),
  /** A required vendor category has no signed contract. */
  condition('vendor_category_unsigned', { category: VendorCategory }),
  /** No technical checklist exists yet. */
  condition('technical_checklists_missing', {}),
  /** No crew call sheet has been published. */
  condition('crew_calls_unpublished', {}),
  /** A day with shifts has no published (or no republished) call sheet. */
  condition('call_sheet_unpublished', { day: CalendarDate }),
  /** A key crew member has not acknowledged their call of that day. */
  condition('key_call_unacknowledged', { personId: Uuid, day: CalendarDate }),
  /** A department's technical checklist is not signed off by its head. */
  condition('technical_department_not_signed_off', { department: Department }),
  /** Technical checklist items are still open. */
  condition('technical_checklist_items_open', { count: Type.Integer({ minimum: 1 }) }),
  /** Issues found in rehearsal are not fixed yet. */
  condition('rehearsal_issues_open', { count: Type.Integer({ minimum: 1 }) }),
  /** A budget category is over its estimate without approval. */
  condition('budget_category_over_without_approval', { category: VendorCategory }),
  /** Vendor payment milestones of signed contracts are still unpaid. */
  condition('settlement_open', { unpaidMilestones: Type.Integer({ minimum: 1 }) }),
]);
export type GateCondition = Static<typeof GateCondition>;
export type GateConditionCode = GateCondition['code'];

/** A gate condition with the English sentence the API adds for people and logs. */
export const GateConditionView = Type.Object({
  condition: GateCondition,
  met: Type.Boolean(),
  message: Type.String(),
});
export type GateConditionView = Static<typeof GateConditionView>;

/** Where a production stands and what its next gate still needs. */
export const PhaseReadiness = Type.Object({
  productionId: Uuid,
  phase: ProductionStatus,
  /** Absent once closed. */
  next: Type.Optional(ProductionStatus),
  /** Every condition of the next gate, met or not. */
  conditions: Type.Array(GateConditionView),
  /** The conditions still missing (the next gate passes when this is empty). */
  missing: Type.Array(GateCondition),
  requiredCategories: Type.Array(VendorCategory),
  /** True when the categories were set explicitly; else they are the ones with an estimate above Rp 0. */
  requiredCategoriesSet: Type.Boolean(),
  /** The phases-settings stream version, for `PUT …/phases/requirements`. */
  version: Type.Integer(),
});
export type PhaseReadiness = Static<typeof PhaseReadiness>;

/** Move to the next phase; refused (409) with the missing conditions when its gate is not met. */
export const AdvancePhaseBody = Type.Object({ to: ProductionStatus }, { additionalProperties: false });
export type AdvancePhaseBody = Static<typeof AdvancePhaseBody>;

/** Move to the next phase although its gate is not met, with the reason (recorded in the event). */
export const ForceGateBody = Type.Object(
  {
    to: ProductionStatus,
    reason: Type.String({ minLength: 10, maxLength: 2000, pattern: '\\S' }),
  },
  { additionalProperties: false },
);
export type ForceGateBody = Static<typeof ForceGateBody>;

/** The vendor categories the gates require a signed contract for. */
export const SetRequiredCategoriesBody = Type.Object(
  {
    expectedVersion: Type.Integer({ minimum: 0 }),
    categories: Type.Array(VendorCategory, { maxItems: 20, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type SetRequiredCategoriesBody = Static<typeof SetRequiredCategoriesBody>;

/** What an accepted phase change answers. */
export const PhaseChangeAccepted = Type.Object({
  productionId: Uuid,
  from: ProductionStatus,
  phase: ProductionStatus,
  forced: Type.Boolean(),
  at: Instant,
});
export type PhaseChangeAccepted = Static<typeof PhaseChangeAccepted>;

/** A gate refused: the error body with every missing condition (HTTP 409). */
export const GateRefusedBody = Type.Object({
  ...ErrorBody.properties,
  missing: Type.Optional(Type.Array(GateConditionView)),
});
export type GateRefusedBody = Static<typeof GateRefusedBody>;
