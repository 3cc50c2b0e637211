import {
  PRODUCTION_PHASES,
  type Department,
  type GateCondition,
  type ProductionStatus,
  type VendorCategory,
} from '@panggung/contracts';
import { assertNever } from '../core/messages.ts';

/**
 * Everything the phase gates look at, as plain data gathered from the production's streams (the
 * worker's `gatherGateFacts`). JSON-safe: it travels through workflow history.
 */
export interface GateFacts {
  /** Categories with a budget estimate above Rp 0. */
  readonly estimatedCategories: readonly VendorCategory[];
  /** The categories that need a signed contract (the setting, else the estimated ones). */
  readonly requiredCategories: readonly VendorCategory[];
  /** Categories with at least one signed contract. */
  readonly signedCategories: readonly VendorCategory[];
  readonly calls: {
    /** At least one call sheet has been published. */
    readonly anyPublished: boolean;
    readonly daysWithoutPublishedCall: readonly string[];
    readonly unacknowledged: readonly { personId: string; day: string; key: boolean }[];
  };
  readonly technical: {
    /** How many technical checklists exist. */
    readonly checklists: number;
    readonly departmentsNotSignedOff: readonly Department[];
    readonly openChecklistItems: number;
    readonly openRehearsalIssues: number;
  };
  readonly budget: { readonly overWithoutApproval: readonly VendorCategory[] };
  readonly settlement: { readonly unpaidMilestones: number };
}

/** One condition of a gate and whether the facts meet it. */
export interface GateCheck {
  readonly condition: GateCondition;
  readonly met: boolean;
}

/** The phase after `phase`, or undefined once closed. */
export function nextPhase(phase: ProductionStatus): ProductionStatus | undefined {
  return PRODUCTION_PHASES[PRODUCTION_PHASES.indexOf(phase) + 1];
}

const vendorChecks = (facts: GateFacts): GateCheck[] =>
  facts.requiredCategories.map((category) => ({
    condition: { code: 'vendor_category_unsigned', category },
    met: facts.signedCategories.includes(category),
  }));

/**
 * Every condition of the gate from `from` to the next phase `to`, met or not; conditions that are
 * lists (categories, days, people) appear once per item. A move that is not to the next phase has no
 * gate (see `decidePhase`, which refuses it).
 *
 * @example
 * gateChecks('planning', 'pre_production', facts).filter((check) => !check.met)
 */
export function gateChecks(from: ProductionStatus, to: ProductionStatus, facts: GateFacts): GateCheck[] {
  if (nextPhase(from) !== to) return [];
  switch (to) {
    case 'planning':
      return [];
    case 'pre_production':
      return [
        { condition: { code: 'budget_estimates_missing' }, met: facts.estimatedCategories.length > 0 },
        { condition: { code: 'required_categories_missing' }, met: facts.requiredCategories.length > 0 },
      ];
    case 'technical_rehearsal':
      return [
        { condition: { code: 'required_categories_missing' }, met: facts.requiredCategories.length > 0 },
        ...vendorChecks(facts),
        { condition: { code: 'technical_checklists_missing' }, met: facts.technical.checklists > 0 },
      ];
    case 'show_day': {
      const { calls, technical, budget } = facts;
      return [
        ...vendorChecks(facts),
        { condition: { code: 'crew_calls_unpublished' }, met: calls.anyPublished },
        ...calls.daysWithoutPublishedCall.map((day): GateCheck => ({
          condition: { code: 'call_sheet_unpublished', day },
          met: false,
        })),
        ...calls.unacknowledged
          .filter((call) => call.key)
          .map(({ personId, day }): GateCheck => ({
            condition: { code: 'key_call_unacknowledged', personId, day },
            met: false,
          })),
        { condition: { code: 'technical_checklists_missing' }, met: technical.checklists > 0 },
        ...technical.departmentsNotSignedOff.map((department): GateCheck => ({
          condition: { code: 'technical_department_not_signed_off', department },
          met: false,
        })),
        ...(technical.openChecklistItems > 0
          ? [
              {
                condition: { code: 'technical_checklist_items_open', count: technical.openChecklistItems },
                met: false,
              } satisfies GateCheck,
            ]
          : []),
        ...(technical.openRehearsalIssues > 0
          ? [
              {
                condition: { code: 'rehearsal_issues_open', count: technical.openRehearsalIssues },
                met: false,
              } satisfies GateCheck,
            ]
          : []),
        ...budget.overWithoutApproval.map((category): GateCheck => ({
          condition: { code: 'budget_category_over_without_approval', category },
          met: false,
        })),
      ];
    }
    case 'wrap_up':
      // The show happened: nothing stands between it and wrapping up.
      return [];
    case 'closed':
      return facts.settlement.unpaidMilestones > 0
        ? [
            {
              condition: { code: 'settlement_open', unpaidMilestones: facts.settlement.unpaidMilestones },
              met: false,
            },
          ]
        : [];
    default:
      return assertNever(to);
  }
}

/**
 * The conditions of the gate `from → to` that the facts do not meet: empty when the gate passes.
 *
 * @example
 * gateFor('technical_rehearsal', 'show_day', facts)
 * // [{ code: 'vendor_category_unsigned', category: 'sound' }, …]
 */
export function gateFor(from: ProductionStatus, to: ProductionStatus, facts: GateFacts): GateCondition[] {
  return gateChecks(from, to, facts)
    .filter((check) => !check.met)
    .map((check) => check.condition);
}

/** The English sentence for a condition (the dashboard has its own, in both languages). */
export function describeCondition(condition: GateCondition): string {
  switch (condition.code) {
    case 'budget_estimates_missing':
      return 'Budget estimates are set (no category has an estimate yet)';
    case 'required_categories_missing':
      return 'The required vendor categories are chosen';
    case 'vendor_category_unsigned':
      return `A ${condition.category} contract is signed`;
    case 'technical_checklists_missing':
      return 'Technical checklists exist';
    case 'crew_calls_unpublished':
      return 'Crew call sheets are published';
    case 'call_sheet_unpublished':
      return `The call sheet of ${condition.day} is published`;
    case 'key_call_unacknowledged':
      return `Key crew member ${condition.personId} acknowledged the call of ${condition.day}`;
    case 'technical_department_not_signed_off':
      return `The ${condition.department} checklist is signed off by its head`;
    case 'technical_checklist_items_open':
      return `Technical checklists are complete (${condition.count} items open)`;
    case 'rehearsal_issues_open':
      return `Rehearsal issues are fixed (${condition.count} open)`;
    case 'budget_category_over_without_approval':
      return `The ${condition.category} budget is within its estimate or its overrun approved`;
    case 'settlement_open':
      return `Vendor payments are settled (${condition.unpaidMilestones} payment milestones unpaid)`;
    default:
      return assertNever(condition);
  }
}
