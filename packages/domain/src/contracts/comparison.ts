import type { QuoteComparison, QuoteComparisonLine, QuoteComparisonRow } from '@panggung/contracts';
import { lineAmount } from './pricing.ts';
import type { RfqState } from './rfq.ts';

/**
 * The side-by-side comparison of an RFQ's quotes (each vendor's latest revision): per vendor the
 * subtotal, tax and total and how far above the cheapest it is; the cheapest; the spread; and, line by
 * line (descriptions matched ignoring case and spacing), what each vendor asked. Rows are ordered by
 * total, then vendor id, so equal totals keep a stable order.
 *
 * @example
 * const { cheapest, rows } = compareQuotes(rfqState);
 */
export function compareQuotes(state: RfqState): QuoteComparison {
  if (state.status === 'none') return { rfqId: '', rows: [], spread: 0, lines: [] };
  const quotes = Object.values(state.quotes).sort(
    (a, b) => a.terms.total - b.terms.total || a.vendorId.localeCompare(b.vendorId),
  );
  const cheapest = quotes[0];
  const rows = quotes.map((quote): QuoteComparisonRow => {
    const { subtotal, taxRate, tax, total } = quote.terms;
    const above = total - cheapest!.terms.total;
    const base = cheapest!.terms.total;
    return {
      vendorId: quote.vendorId,
      quoteId: quote.quoteId,
      revision: quote.revision,
      subtotal,
      taxRate,
      tax,
      total,
      aboveCheapest: above,
      aboveCheapestBasisPoints: base === 0 ? 0 : Number((BigInt(above) * 10_000n) / BigInt(base)),
    };
  });
  const byDescription = new Map<string, { description: string; offers: QuoteComparisonLine['offers'] }>();
  for (const quote of quotes) {
    for (const line of quote.terms.lines) {
      const key = line.description.trim().replace(/\s+/g, ' ').toLowerCase();
      const entry = byDescription.get(key) ?? { description: line.description.trim(), offers: [] };
      entry.offers.push({
        vendorId: quote.vendorId,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        amount: lineAmount(line),
      });
      byDescription.set(key, entry);
    }
  }
  const lines = [...byDescription.values()].map(({ description, offers }) => ({
    description,
    offers,
    missingFrom: quotes
      .map((q) => q.vendorId)
      .filter((vendorId) => !offers.some((offer) => offer.vendorId === vendorId)),
  }));
  const last = quotes.at(-1);
  return {
    rfqId: state.id,
    rows,
    ...(cheapest
      ? { cheapest: { vendorId: cheapest.vendorId, quoteId: cheapest.quoteId, total: cheapest.terms.total } }
      : {}),
    spread: cheapest && last ? last.terms.total - cheapest.terms.total : 0,
    lines,
  };
}
