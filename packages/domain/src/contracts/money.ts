/**
 * Rupiah as Indonesians write it: `Rp 50.000.000` (dots between thousands, no decimals). For messages;
 * figures travel as integers.
 */
export function formatRupiah(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = Math.abs(Math.trunc(amount)).toString();
  return `${sign}Rp ${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}
