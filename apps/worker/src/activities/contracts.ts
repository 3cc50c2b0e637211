import {
  BUDGET_EVENT_TYPES,
  budgetStream,
  checkBudget,
  contractStream,
  decideBudget,
  evolveBudget,
  evolveContract,
  IllegalStateError,
  initialBudgetState,
  initialContractState,
  type BudgetEvent,
  type BudgetState,
  type ContractEvent,
} from '@panggung/domain';
import type { EventStore, NewEvent, StoredEvent } from '@panggung/event-store';
import type { ContractApprovalActivities } from '@panggung/workflows';
import { appendStep } from './append-step.ts';

/** Stored events as the domain's events (type and data; the store validated them on the way in). */
const asDomain = <E>(events: readonly StoredEvent[]): E[] =>
  events.map((event) => ({ type: event.type, data: event.data }) as E);

/** Domain events as the store takes them: their data are JSON objects. */
const asNew = (events: readonly { type: string; data: object }[]): NewEvent[] =>
  events.map(({ type, data }) => ({ type, data: data as NewEvent['data'] }));

async function loadBudget(store: EventStore, productionId: string): Promise<BudgetState> {
  const events = await store.readStream(budgetStream(productionId));
  return asDomain<BudgetEvent>(events.filter((event) => BUDGET_EVENT_TYPES.has(event.type))).reduce(
    evolveBudget,
    initialBudgetState,
  );
}

/**
 * The contract approval workflow's activities: they read and append the event store, and leave every
 * decision to the domain (the workflow's `decideContract`, the budget's `checkBudget`/`decideBudget`).
 *
 * @example
 * const worker = await Worker.create({ ..., activities: { ...createContractActivities({ store }) } });
 */
export function createContractActivities({ store }: { store: EventStore }): ContractApprovalActivities {
  return {
    async loadContract({ contractId }) {
      const events = await store.readStream(contractStream(contractId));
      return { state: asDomain<ContractEvent>(events).reduce(evolveContract, initialContractState) };
    },

    appendContractEvents: ({ contractId, step, events, actor }) =>
      appendStep(store, contractStream(contractId), step, asNew(events), { actor }),

    async checkContractBudget({ productionId, category, contractTotal }) {
      return checkBudget(await loadBudget(store, productionId), category, contractTotal);
    },

    async commitContractToBudget({ step, productionId, category, contractId, vendorId, amount }) {
      const streamId = budgetStream(productionId);
      let events: BudgetEvent[];
      try {
        events = decideBudget(
          {
            type: 'CommitContract',
            data: { productionId, category, contractId, vendorId, amount },
            metadata: { actor: 'system', now: new Date().toISOString() },
          },
          await loadBudget(store, productionId),
        );
      } catch (error) {
        // Committed already (by this step's earlier attempt): nothing to write, as the key would say.
        if (error instanceof IllegalStateError)
          return { streamId, streamVersion: Number(await store.streamVersion(streamId)), duplicate: true };
        throw error;
      }
      return appendStep(store, streamId, step, asNew(events));
    },
  };
}
