import {
  CONTRACT_EVENT_TYPES,
  decideContract,
  decideRfq,
  evolveRfq,
  initialRfqState,
  RFQ_EVENT_TYPES,
  type RfqCommand,
  type RfqEvent,
  type RfqState,
  evolveContract,
  initialContractState,
  type ContractCommand,
  type ContractEvent,
  type ContractState,
} from '@panggung/domain';
import type { EventStore } from '@panggung/event-store';
import type { Decider } from '../commands/handle-command.ts';
import type { Database } from '../schema/tables.ts';

export const contractDecider: Decider<ContractCommand, ContractEvent, ContractState> = {
  decide: decideContract,
  evolve: evolveContract,
  initial: initialContractState,
  eventTypes: CONTRACT_EVENT_TYPES,
};

export const rfqDecider: Decider<RfqCommand, RfqEvent, RfqState> = {
  decide: decideRfq,
  evolve: evolveRfq,
  initial: initialRfqState,
  eventTypes: RFQ_EVENT_TYPES,
};

/** A stream folded into its state, as `handleCommand` would see it. */
export async function loadState<Command, Event, State>(
  store: EventStore<Database>,
  streamId: string,
  decider: Decider<Command, Event, State>,
): Promise<State> {
  const stored = await store.readStream(streamId, { limit: 100_000 });
  return stored
    .filter((event) => decider.eventTypes.has(event.type))
    .reduce(
      (state, event) => decider.evolve(state, { type: event.type, data: event.data } as Event),
      decider.initial,
    );
}
