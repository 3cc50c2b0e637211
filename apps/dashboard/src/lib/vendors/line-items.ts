import type { LineItem, PaymentMilestone, Terms } from '@panggung/contracts';
import { parseRupiah } from '../format/money.ts';

/** PPN, the Indonesian VAT, in basis points: 11 %. */
export const PPN = 1100;

/** One line of a quote as the form holds it: text, until it is read. */
export interface LineDraft {
  description: string;
  quantity: string;
  unitPrice: string;
}

export const emptyLine = (): LineDraft => ({ description: '', quantity: '1', unitPrice: '' });

export const toDraft = (line: LineItem): LineDraft => ({
  description: line.description,
  quantity: String(line.quantity),
  unitPrice: String(line.unitPrice),
});

/** What is wrong with a line, by field: the form shows it beside the field. */
export type LineProblem = { index: number; field: keyof LineDraft };

/**
 * The figures of a quote as the API will compute them: `subtotal` = Σ quantity × unit price,
 * `tax` = ⌊subtotal × rate / 10 000⌋, `total` = subtotal + tax. Lines that are not filled in well are
 * named in `problems` (and count as nothing), so the form can show a running total while typing.
 */
export function priceDraft(
  drafts: readonly LineDraft[],
  taxRate: number,
): { lines: LineItem[]; terms: Omit<Terms, 'lines'>; problems: LineProblem[] } {
  const lines: LineItem[] = [];
  const problems: LineProblem[] = [];
  drafts.forEach((draft, index) => {
    const description = draft.description.trim();
    const quantity = /^\d+$/.test(draft.quantity.trim()) ? Number(draft.quantity.trim()) : NaN;
    const unitPrice = parseRupiah(draft.unitPrice);
    if (!description) problems.push({ index, field: 'description' });
    if (!Number.isSafeInteger(quantity) || quantity < 1) problems.push({ index, field: 'quantity' });
    if (unitPrice === undefined) problems.push({ index, field: 'unitPrice' });
    if (description && quantity >= 1 && unitPrice !== undefined)
      lines.push({ description, quantity, unitPrice });
  });
  const subtotal = lines.reduce((acc, line) => acc + line.quantity * line.unitPrice, 0);
  const tax = Math.floor((subtotal * taxRate) / 10_000);
  return { lines, terms: { subtotal, taxRate, tax, total: subtotal + tax }, problems };
}

/**
 * The usual split of a contract's total: a down payment (a share, rounded down to whole rupiah) due on
 * one day and the settlement of the rest on another. The milestones always add up to the total.
 */
export function splitMilestones(
  total: number,
  downPaymentPercent: number,
  downPaymentDue: string,
  settlementDue: string,
): PaymentMilestone[] {
  const down = Math.floor((total * Math.min(Math.max(downPaymentPercent, 0), 100)) / 100);
  if (down === 0) return [{ kind: 'settlement', amount: total, dueOn: settlementDue }];
  return [
    { kind: 'down_payment', amount: down, dueOn: downPaymentDue },
    { kind: 'settlement', amount: total - down, dueOn: settlementDue },
  ];
}
