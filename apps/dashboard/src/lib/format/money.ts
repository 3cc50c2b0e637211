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
