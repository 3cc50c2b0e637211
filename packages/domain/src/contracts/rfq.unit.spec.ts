import { describe, expect, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import { compareQuotes } from './comparison.ts';
import { PPN_11_PERCENT, priceTerms } from './pricing.ts';
import {
  awardedQuote,
  decideRfq,
  evolveRfq,
  initialRfqState,
  type RfqCommand,
  type RfqEvent,
} from './rfq.ts';

const spec = specification(decideRfq, evolveRfq, initialRfqState);
const now = '2027-01-10T09:00:00+07:00';
const afterDeadline = '2027-01-20T09:00:01+07:00';
const deadline = '2027-01-20T09:00:00+07:00';
const productionId = '11111111-1111-4111-8111-111111111111';
const rfqId = '77777777-7777-4777-8777-777777777777';
const suara = '55555555-5555-4555-8555-000000000001';
const gema = '55555555-5555-4555-8555-000000000002';
const cahaya = '55555555-5555-4555-8555-000000000003';
const ayu = '99999999-9999-4999-8999-000000000001';
const hendra = '99999999-9999-4999-8999-000000000007';
const q1 = '88888888-8888-4888-8888-000000000001';
const q2 = '88888888-8888-4888-8888-000000000002';

const at = (when: string) => ({ actor: 'person:x', now: when });
const issue = (overrides: Partial<Extract<RfqCommand, { type: 'IssueRfq' }>['data']> = {}): RfqCommand => ({
  type: 'IssueRfq',
  data: {
    productionId,
    rfqId,
    category: 'sound',
    title: 'Sound system panggung utama',
    vendors: [
      { vendorId: suara, category: 'sound' },
      { vendorId: gema, category: 'sound' },
    ],
    deadline,
    issuedBy: ayu,
    ...overrides,
  },
  metadata: at(now),
});
const issued: RfqEvent[] = [
  {
    type: 'RfqIssued',
    data: {
      productionId,
      rfqId,
      category: 'sound',
      title: 'Sound system panggung utama',
      vendorIds: [suara, gema],
      deadline,
      issuedBy: ayu,
    },
  },
  ...[suara, gema].map((vendorId): RfqEvent => ({
    type: 'RfqVendorInvited',
    data: {
      productionId,
      rfqId,
      vendorId,
      category: 'sound',
      title: 'Sound system panggung utama',
      deadline,
    },
  })),
];
const suaraLines = [
  { description: 'Line array system', quantity: 1, unitPrice: 30_000_000 },
  { description: 'Sound engineer', quantity: 3, unitPrice: 5_000_000 },
];
const gemaLines = [
  { description: 'line  array SYSTEM ', quantity: 1, unitPrice: 28_000_000 },
  { description: 'Monitor wedges', quantity: 8, unitPrice: 750_000 },
];
const quote = (vendorId: string, quoteId: string, lines = suaraLines, when = now): RfqCommand => ({
  type: 'SubmitQuote',
  data: { rfqId, quoteId, vendorId, lines, taxRate: PPN_11_PERCENT, submittedBy: hendra },
  metadata: at(when),
});
const quoted = (vendorId: string, quoteId: string, lines = suaraLines, revision = 1): RfqEvent => ({
  type: revision === 1 ? 'QuoteSubmitted' : 'QuoteRevised',
  data: {
    productionId,
    rfqId,
    quoteId,
    vendorId,
    revision,
    currency: 'IDR',
    terms: priceTerms(lines, PPN_11_PERCENT),
    submittedBy: hendra,
  },
});
const award = (quoteId: string, when = afterDeadline): RfqCommand => ({
  type: 'AwardQuote',
  data: { rfqId, quoteId, awardedBy: ayu },
  metadata: at(when),
});

describe('priceTerms', () => {
  it('shows PPN apart and totals subtotal + tax', () =>
    expect(priceTerms(suaraLines, PPN_11_PERCENT)).toEqual({
      lines: suaraLines,
      subtotal: 45_000_000,
      taxRate: 1100,
      tax: 4_950_000,
      total: 49_950_000,
    }));
  it('computes tax once on the subtotal and drops a fraction of a rupiah', () => {
    // 3 × Rp 333 = Rp 999; 11 % is Rp 109,89 → Rp 109 (per line it would be 3 × ⌊36,63⌋ = Rp 108).
    expect(priceTerms([{ description: 'Kabel', quantity: 3, unitPrice: 333 }], 1100)).toMatchObject({
      subtotal: 999,
      tax: 109,
      total: 1108,
    });
  });
  it('refuses a fractional quantity and a rate outside 0–10 000 basis points', () => {
    expect(() => priceTerms([{ description: 'x', quantity: 1.5, unitPrice: 1 }], 1100)).toThrow(
      expect.objectContaining({ field: 'lines/0/quantity' }),
    );
    expect(() => priceTerms(suaraLines, 0.11)).toThrow(expect.objectContaining({ field: 'taxRate' }));
  });
  it('refuses a total beyond a safe integer', () =>
    expect(() =>
      priceTerms([{ description: 'x', quantity: 1_000_000, unitPrice: Number.MAX_SAFE_INTEGER }], 1100),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION' })));
});

describe('IssueRfq', () => {
  it('issues the request and invites each vendor on its own event', () =>
    spec.given([]).when(issue()).then(issued));
  it('refuses a vendor of another category', () =>
    spec
      .given([])
      .when(
        issue({
          vendors: [
            { vendorId: suara, category: 'sound' },
            { vendorId: cahaya, category: 'lighting' },
          ],
        }),
      )
      .thenThrows('VALIDATION', /lighting, not sound/, 'vendorIds/1'));
  it('refuses a deadline in the past', () =>
    spec
      .given([])
      .when(issue({ deadline: '2027-01-01T00:00:00+07:00' }))
      .thenThrows('VALIDATION', undefined, 'deadline'));
  it('refuses no vendors, and a vendor twice', () => {
    spec
      .given([])
      .when(issue({ vendors: [] }))
      .thenThrows('VALIDATION', undefined, 'vendorIds');
    spec
      .given([])
      .when(
        issue({
          vendors: [
            { vendorId: suara, category: 'sound' },
            { vendorId: suara, category: 'sound' },
          ],
        }),
      )
      .thenThrows('VALIDATION', /once/, 'vendorIds');
  });
  it('refuses to issue twice', () => spec.given(issued).when(issue()).thenThrows('ILLEGAL_STATE'));
});

describe('SubmitQuote and ReviseQuote', () => {
  it('records an invited vendor’s quote, priced', () =>
    spec
      .given(issued)
      .when(quote(suara, q1))
      .then([quoted(suara, q1)]));
  it('refuses a vendor that was not invited', () =>
    spec
      .given(issued)
      .when(quote(cahaya, q1))
      .thenThrows('FORBIDDEN', /invited/, 'vendorId'));
  it('refuses a quote after the deadline', () =>
    spec
      .given(issued)
      .when(quote(suara, q1, suaraLines, afterDeadline))
      .thenThrows('ILLEGAL_STATE', /due by/, 'deadline'));
  it('refuses a second first quote: revise instead', () =>
    spec
      .given([...issued, quoted(suara, q1)])
      .when(quote(suara, q2))
      .thenThrows('ILLEGAL_STATE', /revise/));
  it('records a revision with the next number, keeping the quote id', () =>
    spec
      .given([...issued, quoted(suara, q1)])
      .when({
        type: 'ReviseQuote',
        data: { rfqId, vendorId: suara, lines: gemaLines, taxRate: 1100, submittedBy: hendra },
        metadata: at(now),
      })
      .then([quoted(suara, q1, gemaLines, 2)]));
  it('refuses a revision of a quote that does not exist', () =>
    spec
      .given(issued)
      .when({
        type: 'ReviseQuote',
        data: { rfqId, vendorId: suara, lines: gemaLines, taxRate: 1100, submittedBy: hendra },
        metadata: at(now),
      })
      .thenThrows('NOT_FOUND'));
  it('refuses a quote once awarded', () =>
    spec
      .given([
        ...issued,
        quoted(suara, q1),
        quoted(gema, q2, gemaLines),
        {
          type: 'QuoteAwarded',
          data: {
            productionId,
            rfqId,
            quoteId: q1,
            vendorId: suara,
            revision: 1,
            category: 'sound',
            total: 49_950_000,
            awardedBy: ayu,
          },
        },
      ])
      .when({
        type: 'ReviseQuote',
        data: { rfqId, vendorId: gema, lines: suaraLines, taxRate: 1100, submittedBy: hendra },
        metadata: at(now),
      })
      .thenThrows('ILLEGAL_STATE', /already awarded/));
});

describe('AwardQuote', () => {
  const both = [...issued, quoted(suara, q1), quoted(gema, q2, gemaLines)];
  const awarded: RfqEvent = {
    type: 'QuoteAwarded',
    data: {
      productionId,
      rfqId,
      quoteId: q2,
      vendorId: gema,
      revision: 1,
      category: 'sound',
      total: 37_740_000,
      awardedBy: ayu,
    },
  };
  it('awards a quote once every vendor quoted, even before the deadline', () =>
    spec.given(both).when(award(q2, now)).then([awarded]));
  it('awards after the deadline though a vendor did not quote', () =>
    spec
      .given([...issued, quoted(suara, q1)])
      .when(award(q1))
      .then([
        {
          type: 'QuoteAwarded',
          data: { ...awarded.data, quoteId: q1, vendorId: suara, total: 49_950_000 },
        } as RfqEvent,
      ]));
  it('refuses to award before the deadline while a vendor has not quoted', () =>
    spec
      .given([...issued, quoted(suara, q1)])
      .when(award(q1, now))
      .thenThrows('ILLEGAL_STATE', /deadline/));
  it('refuses an unknown quote', () =>
    spec
      .given(both)
      .when(award('88888888-8888-4888-8888-00000000000f'))
      .thenThrows('NOT_FOUND', undefined, 'quoteId'));
  it('refuses a second award', () =>
    spec
      .given([...both, awarded])
      .when(award(q1))
      .thenThrows('ILLEGAL_STATE', /already awarded/));
  it('gives the awarded quote for the contract', () => {
    const state = [...both, awarded].reduce(evolveRfq, initialRfqState);
    expect(awardedQuote(state)).toMatchObject({
      vendorId: gema,
      quoteId: q2,
      category: 'sound',
      terms: { total: 37_740_000 },
    });
    expect(() => awardedQuote(both.reduce(evolveRfq, initialRfqState))).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_STATE' }),
    );
  });
});

describe('compareQuotes', () => {
  it('puts the quotes side by side: figures, cheapest, differences, line by line', () => {
    const state = [...issued, quoted(suara, q1), quoted(gema, q2, gemaLines)].reduce(
      evolveRfq,
      initialRfqState,
    );
    const comparison = compareQuotes(state);
    expect(comparison.cheapest).toEqual({ vendorId: gema, quoteId: q2, total: 37_740_000 });
    expect(comparison.rows).toEqual([
      {
        vendorId: gema,
        quoteId: q2,
        revision: 1,
        subtotal: 34_000_000,
        taxRate: 1100,
        tax: 3_740_000,
        total: 37_740_000,
        aboveCheapest: 0,
        aboveCheapestBasisPoints: 0,
      },
      {
        vendorId: suara,
        quoteId: q1,
        revision: 1,
        subtotal: 45_000_000,
        taxRate: 1100,
        tax: 4_950_000,
        total: 49_950_000,
        aboveCheapest: 12_210_000,
        aboveCheapestBasisPoints: 3235,
      },
    ]);
    expect(comparison.spread).toBe(12_210_000);
    expect(comparison.lines).toEqual([
      {
        description: 'line  array SYSTEM',
        offers: [
          { vendorId: gema, quantity: 1, unitPrice: 28_000_000, amount: 28_000_000 },
          { vendorId: suara, quantity: 1, unitPrice: 30_000_000, amount: 30_000_000 },
        ],
        missingFrom: [],
      },
      {
        description: 'Monitor wedges',
        offers: [{ vendorId: gema, quantity: 8, unitPrice: 750_000, amount: 6_000_000 }],
        missingFrom: [suara],
      },
      {
        description: 'Sound engineer',
        offers: [{ vendorId: suara, quantity: 3, unitPrice: 5_000_000, amount: 15_000_000 }],
        missingFrom: [gema],
      },
    ]);
  });
  it('compares each vendor’s latest revision', () => {
    const state = [
      ...issued,
      quoted(suara, q1),
      quoted(gema, q2, gemaLines),
      quoted(suara, q1, [{ description: 'Line array system', quantity: 1, unitPrice: 20_000_000 }], 2),
    ].reduce(evolveRfq, initialRfqState);
    expect(compareQuotes(state).cheapest).toEqual({ vendorId: suara, quoteId: q1, total: 22_200_000 });
    expect(compareQuotes(state).rows[0]!.revision).toBe(2);
  });
  it('is empty without quotes', () =>
    expect(compareQuotes(issued.reduce(evolveRfq, initialRfqState))).toEqual({
      rfqId,
      rows: [],
      spread: 0,
      lines: [],
    }));
});
