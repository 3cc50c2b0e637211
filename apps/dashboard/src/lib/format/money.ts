/**
 * Money in Panggung is an integer of whole minor units with its currency beside it (DESIGN.md decision 5);
 * Rupiah has no minor unit in practice, so an amount is whole rupiah.
 */
const rupiah = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

/**
 * Formats whole rupiah the Indonesian way, `Rp 12.500.000` (the space is a no-break space, so the amount
 * never wraps away from its symbol). The English interface uses the same form: amounts then read the
 * same in both languages, and nobody confuses `12.500.000` with `12,500,000`.
 *
 * @example formatRupiah(12_500_000) // 'Rp 12.500.000'
 * @throws RangeError for a fraction or an unsafe number: money is never a float.
 */
export function formatRupiah(amount: number | bigint): string {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount))
    throw new RangeError(`An amount of money is a whole number of rupiah, got ${amount}`);
  return rupiah.format(amount);
}

/** A count of people or things, grouped the way the language groups digits (`8.000` / `8,000`). */
export function formatCount(count: number, locale: 'id' | 'en'): string {
  return new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB').format(count);
}

/**
 * Whole rupiah from what a person typed: `12.500.000`, `Rp 12.500.000`, `12 500 000` or `12500000`.
 * Undefined for anything else (a decimal comma, letters, a negative amount, more than a safe integer):
 * the form says so rather than guessing.
 *
 * @example parseRupiah('Rp 12.500.000') // 12500000
 */
export function parseRupiah(text: string): number | undefined {
  const cleaned = text.trim().replace(/^rp\.?\s*/i, '');
  if (!/^\d{1,3}(?:([. \u00a0])\d{3}(?:\1\d{3})*)?$|^\d+$/.test(cleaned)) return undefined;
  const value = Number(cleaned.replace(/[. \u00a0]/g, ''));
  return Number.isSafeInteger(value) ? value : undefined;
}

/** A tax rate in basis points as people write it: 1100 → `11%` (id `11%`, en `11%`), 1150 → `11,5%` / `11.5%`. */
export function formatRate(basisPoints: number, locale: 'id' | 'en'): string {
  return new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 2,
  }).format(basisPoints / 10_000);
}
