import type { PhaseEvents, VendorCategory } from '@panggung/contracts';
import { VENDOR_CATEGORIES } from '@panggung/contracts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';

/** The stream of a production's phase settings and the phase workflow's reminders and settlement. */
export const phasesStream = (productionId: string): string => `phases-${productionId}`;

export type PhasesCommand = Command<
  'SetRequiredVendorCategories',
  { productionId: string; categories: readonly VendorCategory[] }
>;

export type PhasesEvent =
  | DomainEvent<'RequiredVendorCategoriesSet', PhaseEvents.RequiredVendorCategoriesSet>
  | DomainEvent<'MilestoneReminderSent', PhaseEvents.MilestoneReminderSent>
  | DomainEvent<'SettlementOpened', PhaseEvents.SettlementOpened>;

export const PHASES_EVENT_TYPES: ReadonlySet<string> = new Set<PhasesEvent['type']>([
  'RequiredVendorCategoriesSet',
  'MilestoneReminderSent',
  'SettlementOpened',
]);

export interface PhasesState {
  /** Undefined until set: the gates then require the categories with an estimate above Rp 0. */
  readonly requiredCategories: readonly VendorCategory[] | undefined;
  /** `<taskId>@<dueAt>` of every milestone reminder sent. */
  readonly reminded: readonly string[];
  readonly settlementOpened: boolean;
}

export const initialPhasesState: PhasesState = {
  requiredCategories: undefined,
  reminded: [],
  settlementOpened: false,
};

export function evolvePhases(state: PhasesState, event: PhasesEvent): PhasesState {
  switch (event.type) {
    case 'RequiredVendorCategoriesSet':
      return { ...state, requiredCategories: event.data.categories };
    case 'MilestoneReminderSent':
      return { ...state, reminded: [...state.reminded, `${event.data.taskId}@${event.data.dueAt}`] };
    case 'SettlementOpened':
      return { ...state, settlementOpened: true };
    default:
      return assertNever(event);
  }
}

/** Sets the required vendor categories (in the directory's order); nothing when they do not change. */
export function decidePhases(command: PhasesCommand, state: PhasesState): PhasesEvent[] {
  switch (command.type) {
    case 'SetRequiredVendorCategories': {
      const categories = VENDOR_CATEGORIES.filter((category) => command.data.categories.includes(category));
      const previous = state.requiredCategories;
      if (previous && previous.length === categories.length && previous.every((c, i) => c === categories[i]))
        return [];
      return [
        {
          type: 'RequiredVendorCategoriesSet',
          data: { productionId: command.data.productionId, categories, previous: [...(previous ?? [])] },
        },
      ];
    }
    default:
      return assertNever(command.type);
  }
}

/** The categories the gates require: the setting, or by default those with an estimate above Rp 0. */
export function requiredCategories(
  state: PhasesState,
  estimatedCategories: readonly VendorCategory[],
): VendorCategory[] {
  return [...(state.requiredCategories ?? estimatedCategories)];
}
