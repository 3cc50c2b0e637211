import { Type, type Static } from 'typebox';
import { Amount, Instant, Name, Uuid } from '../common/common.ts';
import { VendorCategory } from '../vendors/vendors.ts';

/**
 * A tax rate in basis points: 1100 is 11 % (PPN). Integer, so no rate is ever a float.
 */
export const TaxRate = Type.Integer({
  minimum: 0,
  maximum: 10_000,
  description: 'basis points: 1100 = 11 %',
});

/** One line of a quote: quantity × unit price, in whole rupiah. */
export const LineItem = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: 300 }),
    /** Whole units (days, pieces, sets, persons): a fraction is written as a smaller unit. */
    quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    unitPrice: Amount,
  },
  { additionalProperties: false },
);
export type LineItem = Static<typeof LineItem>;

/**
 * The figures of a quote or contract, tax shown apart: `subtotal` = Σ quantity × unitPrice,
 * `tax` = ⌊subtotal × taxRate / 10 000⌋ (computed once on the subtotal, fractions of a rupiah dropped),
 * `total` = subtotal + tax.
 */
export const PriceBreakdown = Type.Object({
  subtotal: Amount,
  taxRate: TaxRate,
  tax: Amount,
  total: Amount,
});
export type PriceBreakdown = Static<typeof PriceBreakdown>;

/** Priced lines with their breakdown: what a quote and a contract both carry. */
export const Terms = Type.Object({
  lines: Type.Array(LineItem, { minItems: 1, maxItems: 200 }),
  ...PriceBreakdown.properties,
});
export type Terms = Static<typeof Terms>;

export const IssueRfqBody = Type.Object(
  {
    category: VendorCategory,
    title: Name,
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    vendorIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }),
    /** Quotes are accepted until this instant. */
    deadline: Instant,
  },
  { additionalProperties: false },
);
export type IssueRfqBody = Static<typeof IssueRfqBody>;

export const SubmitQuoteBody = Type.Object(
  {
    lines: Type.Array(LineItem, { minItems: 1, maxItems: 200 }),
    taxRate: TaxRate,
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type SubmitQuoteBody = Static<typeof SubmitQuoteBody>;

/** One vendor's column of the side-by-side comparison. */
export const QuoteComparisonRow = Type.Object({
  vendorId: Uuid,
  quoteId: Uuid,
  revision: Type.Integer({ minimum: 1 }),
  ...PriceBreakdown.properties,
  /** Total minus the cheapest total (0 for the cheapest). */
  aboveCheapest: Amount,
  /** The same in basis points of the cheapest total, rounded down. */
  aboveCheapestBasisPoints: Type.Integer({ minimum: 0 }),
});
export type QuoteComparisonRow = Static<typeof QuoteComparisonRow>;

/** The unit prices each vendor asked for one line description (matched case- and space-insensitively). */
export const QuoteComparisonLine = Type.Object({
  description: Type.String(),
  offers: Type.Array(
    Type.Object({ vendorId: Uuid, quantity: Type.Integer(), unitPrice: Amount, amount: Amount }),
  ),
  /** Vendors whose quote has no line of this description. */
  missingFrom: Type.Array(Uuid),
});
export type QuoteComparisonLine = Static<typeof QuoteComparisonLine>;

export const QuoteComparison = Type.Object({
  rfqId: Uuid,
  rows: Type.Array(QuoteComparisonRow),
  cheapest: Type.Optional(Type.Object({ vendorId: Uuid, quoteId: Uuid, total: Amount })),
  /** Highest total minus lowest total. */
  spread: Amount,
  lines: Type.Array(QuoteComparisonLine),
});
export type QuoteComparison = Static<typeof QuoteComparison>;
