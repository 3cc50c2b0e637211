import type { LineItem, Terms } from '@panggung/contracts';
import { ValidationError } from '../core/errors.ts';

/** PPN (Pajak Pertambahan Nilai) at 11 %, in basis points: the usual rate on event services. */
export const PPN_11_PERCENT = 1100;

/**
 * Prices lines in whole rupiah, tax apart:
 *
 * - each line's amount is `quantity × unitPrice` (integers, so exact);
 * - `subtotal` is the sum of the line amounts;
 * - `tax` is computed **once on the subtotal**, not per line, as `⌊subtotal × taxRate / 10 000⌋`:
 *   a fraction of a rupiah is dropped (rounded down), so the tax shown never exceeds the rate;
 * - `total = subtotal + tax`.
 *
 * The arithmetic runs on bigint, so no intermediate product loses precision; a figure beyond
 * `Number.MAX_SAFE_INTEGER` is refused.
 *
 * @example
 * priceTerms([{ description: 'Line array', quantity: 2, unitPrice: 12_500_001 }], PPN_11_PERCENT)
 * // { subtotal: 25_000_002, taxRate: 1100, tax: 2_750_000, total: 27_750_002, lines: [...] }
 */
export function priceTerms(lines: readonly LineItem[], taxRate: number): Terms {
  if (lines.length === 0) throw new ValidationError('A quote needs at least one line', 'lines');
  if (!Number.isInteger(taxRate) || taxRate < 0 || taxRate > 10_000)
    throw new ValidationError('The tax rate is in basis points, 0 to 10 000 (1100 = 11 %)', 'taxRate');
  let subtotal = 0n;
  lines.forEach((line, index) => {
    if (!Number.isInteger(line.quantity) || line.quantity < 1)
      throw new ValidationError('A quantity is a whole number of at least 1', `lines/${index}/quantity`);
    if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0)
      throw new ValidationError('A unit price is whole rupiah, not negative', `lines/${index}/unitPrice`);
    subtotal += BigInt(line.quantity) * BigInt(line.unitPrice);
  });
  const tax = (subtotal * BigInt(taxRate)) / 10_000n; // bigint division truncates: rounds down
  const total = subtotal + tax;
  if (total > BigInt(Number.MAX_SAFE_INTEGER))
    throw new ValidationError('The total is too large to be a real quote', 'lines');
  return {
    lines: lines.map((line) => ({ ...line })),
    subtotal: Number(subtotal),
    taxRate,
    tax: Number(tax),
    total: Number(total),
  };
}

/** The amount of one line. */
export function lineAmount(line: LineItem): number {
  return line.quantity * line.unitPrice;
}
