import type { ContractEvents, LineItem, Terms, VendorCategory } from '@panggung/contracts';
import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../core/errors.ts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';
import { priceTerms } from './pricing.ts';

/** The stream of one request for quotation and the quotes it received. */
export const rfqStream = (rfqId: string): string => `rfq-${rfqId}`;

/** A quote arrived after the RFQ's deadline. */
export class QuoteDeadlinePassedError extends IllegalStateError {
  constructor(deadline: string) {
    super(`Quotes for this request were due by ${deadline}`, 'deadline');
  }
}

export type RfqCommand =
  | Command<
      'IssueRfq',
      {
        productionId: string;
        rfqId: string;
        category: VendorCategory;
        title: string;
        description?: string;
        /** The invited vendors with their directory category (the API reads it from their streams). */
        vendors: readonly { vendorId: string; category: VendorCategory }[];
        deadline: string;
        issuedBy: string;
      }
    >
  | Command<
      'SubmitQuote',
      {
        rfqId: string;
        quoteId: string;
        vendorId: string;
        lines: readonly LineItem[];
        taxRate: number;
        note?: string;
        submittedBy: string;
      }
    >
  | Command<
      'ReviseQuote',
      {
        rfqId: string;
        vendorId: string;
        lines: readonly LineItem[];
        taxRate: number;
        note?: string;
        submittedBy: string;
      }
    >
  | Command<'AwardQuote', { rfqId: string; quoteId: string; awardedBy: string }>;

export type RfqEvent =
  | DomainEvent<'RfqIssued', ContractEvents.RfqIssued>
  | DomainEvent<'RfqVendorInvited', ContractEvents.RfqVendorInvited>
  | DomainEvent<'QuoteSubmitted', ContractEvents.QuoteSubmitted>
  | DomainEvent<'QuoteRevised', ContractEvents.QuoteRevised>
  | DomainEvent<'QuoteAwarded', ContractEvents.QuoteAwarded>;

export const RFQ_EVENT_TYPES: ReadonlySet<string> = new Set<RfqEvent['type']>([
  'RfqIssued',
  'RfqVendorInvited',
  'QuoteSubmitted',
  'QuoteRevised',
  'QuoteAwarded',
]);

/** A vendor's latest quote, with the earlier revisions kept. */
export interface QuoteRecord {
  readonly quoteId: string;
  readonly vendorId: string;
  readonly revision: number;
  readonly terms: Terms;
  readonly earlier: readonly Terms[];
}

interface RfqCore {
  readonly id: string;
  readonly productionId: string;
  readonly category: VendorCategory;
  readonly title: string;
  readonly vendorIds: readonly string[];
  readonly deadline: string;
  readonly currency: string;
  /** By vendor id. */
  readonly quotes: Readonly<Record<string, QuoteRecord>>;
}

export type RfqState =
  | { readonly status: 'none' }
  | ({ readonly status: 'open' } & RfqCore)
  | ({ readonly status: 'awarded'; readonly award: ContractEvents.QuoteAwarded } & RfqCore);

export const initialRfqState: RfqState = { status: 'none' };

export function evolveRfq(state: RfqState, event: RfqEvent): RfqState {
  switch (event.type) {
    case 'RfqIssued': {
      const { rfqId, productionId, category, title, vendorIds, deadline } = event.data;
      return {
        status: 'open',
        id: rfqId,
        productionId,
        category,
        title,
        vendorIds,
        deadline,
        currency: 'IDR',
        quotes: {},
      };
    }
    case 'RfqVendorInvited':
      return state;
    case 'QuoteSubmitted':
    case 'QuoteRevised': {
      if (state.status === 'none') return state;
      const { vendorId, quoteId, revision, terms } = event.data;
      const before = state.quotes[vendorId];
      const record: QuoteRecord = {
        quoteId,
        vendorId,
        revision,
        terms,
        earlier: before ? [...before.earlier, before.terms] : [],
      };
      return { ...state, quotes: { ...state.quotes, [vendorId]: record } };
    }
    case 'QuoteAwarded':
      return state.status === 'open' ? { ...state, status: 'awarded', award: event.data } : state;
    default:
      return assertNever(event);
  }
}

export function decideRfq(command: RfqCommand, state: RfqState): RfqEvent[] {
  switch (command.type) {
    case 'IssueRfq': {
      const { productionId, rfqId, category, title, description, vendors, deadline, issuedBy } = command.data;
      if (state.status !== 'none') throw new IllegalStateError(`Request ${rfqId} was already issued`);
      if (vendors.length === 0) throw new ValidationError('Invite at least one vendor', 'vendorIds');
      const vendorIds = vendors.map((vendor) => vendor.vendorId);
      if (new Set(vendorIds).size !== vendorIds.length)
        throw new ValidationError('A vendor is invited once', 'vendorIds');
      vendors.forEach((vendor, index) => {
        if (vendor.category !== category)
          throw new ValidationError(
            `Vendor ${vendor.vendorId} supplies ${vendor.category}, not ${category}`,
            `vendorIds/${index}`,
          );
      });
      if (Date.parse(deadline) <= Date.parse(command.metadata.now))
        throw new ValidationError('The deadline must be in the future', 'deadline');
      const extra = description === undefined ? {} : { description };
      return [
        {
          type: 'RfqIssued',
          data: { productionId, rfqId, category, title, ...extra, vendorIds, deadline, issuedBy },
        },
        ...vendorIds.map((vendorId): RfqEvent => ({
          type: 'RfqVendorInvited',
          data: { productionId, rfqId, vendorId, category, title, ...extra, deadline },
        })),
      ];
    }
    case 'SubmitQuote':
    case 'ReviseQuote': {
      const rfq = open(state, command.data.rfqId);
      const { vendorId, lines, taxRate, note, submittedBy } = command.data;
      if (!rfq.vendorIds.includes(vendorId))
        throw new ForbiddenError('Only an invited vendor may quote', 'vendorId');
      if (Date.parse(command.metadata.now) > Date.parse(rfq.deadline))
        throw new QuoteDeadlinePassedError(rfq.deadline);
      const before = rfq.quotes[vendorId];
      if (command.type === 'SubmitQuote' && before)
        throw new IllegalStateError('This vendor already quoted: revise the quote instead', 'quoteId');
      if (command.type === 'ReviseQuote' && !before)
        throw new NotFoundError('This vendor has no quote to revise yet', 'quoteId');
      const terms = priceTerms(lines, taxRate);
      const data: ContractEvents.QuoteSubmitted = {
        productionId: rfq.productionId,
        rfqId: rfq.id,
        quoteId: command.type === 'SubmitQuote' ? command.data.quoteId : before!.quoteId,
        vendorId,
        revision: before ? before.revision + 1 : 1,
        currency: rfq.currency,
        terms,
        ...(note === undefined ? {} : { note }),
        submittedBy,
      };
      if (before && JSON.stringify(before.terms) === JSON.stringify(terms) && note === undefined) return [];
      return [{ type: command.type === 'SubmitQuote' ? 'QuoteSubmitted' : 'QuoteRevised', data }];
    }
    case 'AwardQuote': {
      const rfq = open(state, command.data.rfqId);
      const quote = Object.values(rfq.quotes).find((q) => q.quoteId === command.data.quoteId);
      if (!quote) throw new NotFoundError(`Quote ${command.data.quoteId} was not found`, 'quoteId');
      const everyoneQuoted = rfq.vendorIds.every((vendorId) => rfq.quotes[vendorId]);
      if (!everyoneQuoted && Date.parse(command.metadata.now) <= Date.parse(rfq.deadline))
        throw new IllegalStateError(
          'Wait for the deadline or for every invited vendor to quote before awarding',
          'quoteId',
        );
      return [
        {
          type: 'QuoteAwarded',
          data: {
            productionId: rfq.productionId,
            rfqId: rfq.id,
            quoteId: quote.quoteId,
            vendorId: quote.vendorId,
            revision: quote.revision,
            category: rfq.category,
            total: quote.terms.total,
            awardedBy: command.data.awardedBy,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

function open(state: RfqState, rfqId: string): Extract<RfqState, { status: 'open' }> {
  if (state.status === 'none') throw new NotFoundError(`Request ${rfqId} was not found`, 'rfqId');
  if (state.status === 'awarded') throw new IllegalStateError('This request was already awarded', 'rfqId');
  return state;
}

/** The awarded quote, from which a contract is drafted. */
export interface AwardedQuote {
  readonly productionId: string;
  readonly rfqId: string;
  readonly quoteId: string;
  readonly vendorId: string;
  readonly category: VendorCategory;
  readonly currency: string;
  readonly terms: Terms;
}

/** The quote an RFQ awarded, or throws IllegalStateError when none was. */
export function awardedQuote(state: RfqState): AwardedQuote {
  if (state.status !== 'awarded') throw new IllegalStateError('No quote was awarded yet', 'rfqId');
  const quote = state.quotes[state.award.vendorId]!;
  return {
    productionId: state.productionId,
    rfqId: state.id,
    quoteId: quote.quoteId,
    vendorId: quote.vendorId,
    category: state.category,
    currency: state.currency,
    terms: quote.terms,
  };
}
