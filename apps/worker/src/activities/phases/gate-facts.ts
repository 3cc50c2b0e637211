import {
  BUDGET_EVENT_TYPES,
  budgetStream,
  CONTRACT_EVENT_TYPES,
  contractStream,
  coreOf,
  evolveBudget,
  evolveContract,
  evolvePhases,
  initialBudgetState,
  initialContractState,
  initialPhasesState,
  PHASES_EVENT_TYPES,
  phasesStream,
  requiredCategories,
  unpaidMilestones,
  type BudgetEvent,
  type BudgetState,
  type ContractEvent,
  type GateFacts,
  type PhasesEvent,
  type PhasesState,
  type SignedContract,
} from '@panggung/domain';
import type { PhaseEvents, VendorCategory } from '@panggung/contracts';
import { budgetFacts } from './budget-facts.ts';
import { crewFacts } from './crew-facts.ts';
import { readDomainEvents, type StreamReader } from './stream-reader.ts';
import { technicalFacts } from './technical-facts.ts';

export type { StreamReader } from './stream-reader.ts';

/** The production's phase settings (required categories) and the stream's version. */
export async function loadPhasesSettings(
  store: StreamReader,
  productionId: string,
): Promise<{ state: PhasesState; version: number }> {
  const streamId = phasesStream(productionId);
  const [events, version] = await Promise.all([
    readDomainEvents<PhasesEvent>(store, streamId, PHASES_EVENT_TYPES),
    store.streamVersion(streamId),
  ]);
  return { state: events.reduce(evolvePhases, initialPhasesState), version: Number(version) };
}

async function loadBudgetEvents(store: StreamReader, productionId: string): Promise<BudgetEvent[]> {
  return readDomainEvents<BudgetEvent>(store, budgetStream(productionId), BUDGET_EVENT_TYPES);
}

/**
 * The signed contracts of a production: the approval workflow commits each signed contract to the
 * budget (`BudgetCommitted`), so the budget stream lists them; their milestones come from their streams.
 */
async function signedContracts(
  store: StreamReader,
  budgetEvents: readonly BudgetEvent[],
): Promise<SignedContract[]> {
  const committed = budgetEvents.filter((event) => event.type === 'BudgetCommitted');
  return Promise.all(
    committed.map(async ({ data }) => {
      const events = await readDomainEvents<ContractEvent>(
        store,
        contractStream(data.contractId),
        CONTRACT_EVENT_TYPES,
      );
      const state = events.reduce(evolveContract, initialContractState);
      const milestones = state.status === 'none' ? [] : coreOf(state).milestones;
      return { contractId: data.contractId, vendorId: data.vendorId, category: data.category, milestones };
    }),
  );
}

/** The unpaid payment milestones of the production's signed contracts (what settlement opens with). */
export async function gatherUnpaidMilestones(
  store: StreamReader,
  productionId: string,
): Promise<PhaseEvents.UnpaidMilestone[]> {
  const budgetEvents = await loadBudgetEvents(store, productionId);
  const payments = budgetEvents.flatMap((event) => (event.type === 'PaymentRecorded' ? [event.data] : []));
  return unpaidMilestones(await signedContracts(store, budgetEvents), payments);
}

/**
 * Reads a production's streams and folds them with the domain's functions into the facts the phase
 * gates judge. Used by the workflow's `gatherGateFacts` activity and by the API's readiness view, so
 * both judge the same facts.
 *
 * @example
 * const facts = await gatherGateFacts(store, productionId);
 * gateFor('planning', 'pre_production', facts);
 */
export async function gatherGateFacts(store: StreamReader, productionId: string): Promise<GateFacts> {
  const [budgetEvents, settings, calls, technical] = await Promise.all([
    loadBudgetEvents(store, productionId),
    loadPhasesSettings(store, productionId),
    crewFacts(store, productionId),
    technicalFacts(store, productionId),
  ]);
  const budget: BudgetState = budgetEvents.reduce(evolveBudget, initialBudgetState);
  const lines = budget.status === 'open' ? budget.lines : {};
  const estimatedCategories = (Object.keys(lines) as VendorCategory[]).filter(
    (category) => (lines[category]?.estimate ?? 0) > 0,
  );
  const signedCategories = [
    ...new Set(
      budgetEvents.flatMap((event) => (event.type === 'BudgetCommitted' ? [event.data.category] : [])),
    ),
  ];
  const payments = budgetEvents.flatMap((event) => (event.type === 'PaymentRecorded' ? [event.data] : []));
  const unpaid = unpaidMilestones(await signedContracts(store, budgetEvents), payments);
  return {
    estimatedCategories,
    requiredCategories: requiredCategories(settings.state, estimatedCategories),
    signedCategories,
    calls,
    technical,
    budget: budgetFacts(budget),
    settlement: { unpaidMilestones: unpaid.length },
  };
}
