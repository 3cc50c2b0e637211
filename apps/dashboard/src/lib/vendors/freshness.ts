import type { ContractSummary, LiveEvent, RfqSummary, RfqView } from '@panggung/contracts';
import { atOrAfter } from '../live/refresh.ts';

/**
 * Which live events concern the RFQs and contracts views, and whether a view the API answered already
 * shows such an event (see `loadUntilFresh`: the read models can lag the live stream by a moment).
 */
export const isRfqEvent = (event: LiveEvent) => event.streamId.startsWith('rfq-');
export const isContractEvent = (event: LiveEvent) => event.streamId.startsWith('contract-');

/** The RFQ or contract an event is about (from its stream's name, which every such event has). */
export const rfqIdOf = (event: LiveEvent) => (isRfqEvent(event) ? event.streamId.slice(4) : undefined);
export const contractIdOf = (event: LiveEvent) =>
  isContractEvent(event) ? event.streamId.slice('contract-'.length) : undefined;

/** The RFQ view carries its stream version. */
export const rfqShows = (view: Pick<RfqView, 'version'>, event: LiveEvent) =>
  view.version >= event.streamVersion;

/** A contract (view or list item) was last changed by its newest event, at that event's time. */
export const contractShows = (view: Pick<ContractSummary, 'updatedAt'> | undefined, event: LiveEvent) =>
  view !== undefined && atOrAfter(view.updatedAt, event.recordedAt);

export function contractListShows(items: readonly ContractSummary[], event: LiveEvent): boolean {
  const id = contractIdOf(event);
  return (
    id === undefined ||
    contractShows(
      items.find((item) => item.id === id),
      event,
    )
  );
}

export function rfqListShows(items: readonly RfqSummary[], event: LiveEvent): boolean {
  const id = rfqIdOf(event);
  if (id === undefined) return true;
  const item = items.find((i) => i.id === id);
  switch (event.type) {
    case 'RfqIssued':
    case 'RfqVendorInvited':
      return item !== undefined;
    case 'QuoteAwarded':
      return item?.status === 'awarded';
    default:
      return true;
  }
}
