import { describe, expect, it } from 'vitest';
import { budgetReport, isClosingEvent, percentOf, type BudgetReportContext } from './budget-report.ts';
import type { AuditEvent } from './time-travel.ts';

const productionId = '11111111-1111-4111-8111-111111111111';
const sound = '66666666-6666-4666-8666-666666666661';
const soundTwo = '66666666-6666-4666-8666-666666666662';
const lighting = '66666666-6666-4666-8666-666666666663';
const vendor = { id: '55555555-5555-4555-8555-555555555555', name: 'PT Suara Prima Audio' };
const budi = '77777777-7777-4777-8777-777777777777';

const context: BudgetReportContext = {
  productionId,
  productionName: 'Senandung Senja',
  currency: 'IDR',
  timeZone: 'Asia/Jakarta',
  now: '2027-04-01T03:00:00.000Z',
  contracts: new Map([
    [sound, { title: 'Tata suara utama', vendor }],
    [soundTwo, { title: 'Monitor panggung', vendor }],
  ]),
  people: new Map([[budi, 'Budi Santoso']]),
};

let position = 0;
const at = (day: number) => `2027-03-${String(day).padStart(2, '0')}T02:00:00.000Z`;
const event = (type: string, data: object, day = 1, streamId = `budget-${productionId}`): AuditEvent => {
  position += 1;
  return {
    streamId,
    type,
    data: { productionId, ...data },
    position: `100:${position}`,
    recordedAt: at(day),
    actor: `person:${budi}`,
  };
};
const estimate = (category: string, amount: number) =>
  event('BudgetEstimateSet', { category, estimate: amount, previous: 0 });
const commit = (category: string, contractId: string, amount: number, day = 2) =>
  event('BudgetCommitted', { category, contractId, vendorId: vendor.id, amount }, day);
const pay = (category: string, amount: number, contractId?: string, day = 3) =>
  event(
    'PaymentRecorded',
    {
      category,
      paymentId: `12121212-1212-4212-8212-${String(position).padStart(12, '0')}`,
      amount,
      paidOn: '2027-03-03',
      ...(contractId ? { contractId } : {}),
    },
    day,
  );
const approve = (
  category: string,
  figures: { estimate: number; committed: number; actual: number },
  day = 4,
) =>
  event(
    'BudgetOverrunApproved',
    { category, reason: 'Tambahan delay tower', approvedBy: budi, ...figures },
    day,
  );
const phase = (from: string, to: string, day: number) =>
  event('ProductionPhaseChanged', { from, to }, day, `production-${productionId}`);

/** Sound: two contracts and a payment without a contract, over its estimate and approved; lighting within. */
const history = () => [
  estimate('lighting', 60_000_000),
  estimate('sound', 100_000_000),
  commit('sound', sound, 88_800_000),
  commit('lighting', lighting, 50_000_000),
  pay('sound', 44_400_000, sound),
  commit('sound', soundTwo, 20_000_000),
  approve('sound', { estimate: 100_000_000, committed: 108_800_000, actual: 44_400_000 }),
  pay('sound', 2_500_000),
  pay('lighting', 50_000_000, lighting),
];

describe('the budget report at close', () => {
  it('folds every category to its estimate, committed and actual with variances against the estimate', () => {
    const report = budgetReport(history(), context);
    expect(report.categories.map((c) => c.category)).toEqual(['sound', 'lighting']);
    const [soundLine, lightingLine] = report.categories;
    expect(soundLine).toMatchObject({
      estimate: 100_000_000,
      committed: 108_800_000,
      actual: 46_900_000,
      variance: -8_800_000,
      variancePercent: -8.8,
      actualVariance: 53_100_000,
      actualVariancePercent: 53.1,
      status: 'over_approved',
    });
    expect(lightingLine).toMatchObject({
      variance: 10_000_000,
      actualVariancePercent: 16.7,
      status: 'within',
    });
    expect(report.totals).toEqual({
      estimate: 160_000_000,
      committed: 158_800_000,
      actual: 96_900_000,
      variance: 1_200_000,
      variancePercent: 0.8,
      actualVariance: 63_100_000,
      actualVariancePercent: 39.4,
    });
  });

  it('has a line per contract, by title, and one for payments without a contract; lines sum to the category', () => {
    const [soundLine, lightingLine] = budgetReport(history(), context).categories;
    expect(soundLine?.items).toEqual([
      {
        kind: 'contract',
        contractId: soundTwo,
        title: 'Monitor panggung',
        vendor,
        committed: 20_000_000,
        actual: 0,
      },
      {
        kind: 'contract',
        contractId: sound,
        title: 'Tata suara utama',
        vendor,
        committed: 88_800_000,
        actual: 44_400_000,
      },
      { kind: 'other_payments', title: '', committed: 0, actual: 2_500_000 },
    ]);
    for (const line of [soundLine!, lightingLine!]) {
      expect(line.items.reduce((sum, item) => sum + item.committed, 0)).toBe(line.committed);
      expect(line.items.reduce((sum, item) => sum + item.actual, 0)).toBe(line.actual);
    }
    // A contract the context does not know is still a line, named by its id.
    expect(lightingLine?.items).toEqual([
      { kind: 'contract', contractId: lighting, title: lighting, committed: 50_000_000, actual: 50_000_000 },
    ]);
  });

  it('names who approved each overrun, when and why, and whether it still covers the line', () => {
    const grown = [
      ...history(),
      pay('sound', 70_000_000, sound, 5),
      approve('sound', { estimate: 100_000_000, committed: 108_800_000, actual: 116_900_000 }, 6),
      commit('sound', '66666666-6666-4666-8666-666666666664', 1_000_000, 7),
    ];
    const soundLine = budgetReport(grown, context).categories[0]!;
    expect(soundLine.status).toBe('over');
    expect(soundLine.approvals).toEqual([
      {
        approvedBy: { id: budi, name: 'Budi Santoso' },
        at: at(4),
        reason: 'Tambahan delay tower',
        estimate: 100_000_000,
        committed: 108_800_000,
        actual: 44_400_000,
        inForce: false,
      },
      expect.objectContaining({ at: at(6), actual: 116_900_000, inForce: false }),
    ]);
    const approvedLast = budgetReport(grown.slice(0, -1), context).categories[0]!;
    expect(approvedLast.approvals.map((a) => a.inForce)).toEqual([false, true]);
  });

  it('stops at the close: what came after is not in it, and it says when it closed', () => {
    const closing = phase('wrap_up', 'closed', 20);
    const report = budgetReport(
      [...history(), phase('show_day', 'wrap_up', 15), closing, pay('sound', 9_000_000, sound, 25)],
      context,
    );
    expect(report.asOf).toEqual({ kind: 'closed', at: at(20), position: closing.position });
    expect(report.categories[0]?.actual).toBe(46_900_000);
  });

  it('is the state as of now, with the instant, while the production is not closed', () => {
    const events = history();
    const report = budgetReport(events, context);
    expect(report.asOf).toEqual({ kind: 'now', at: context.now, position: events.at(-1)?.position });
    expect(budgetReport([], context)).toMatchObject({
      asOf: { kind: 'now', at: context.now, position: null },
      categories: [],
      totals: { estimate: 0, variancePercent: null, actualVariancePercent: null },
    });
  });

  it('takes the workflow’s ProductionClosed as the close too', () => {
    expect(isClosingEvent({ type: 'ProductionClosed', data: { productionId } })).toBe(true);
    expect(
      isClosingEvent({ type: 'ProductionPhaseChanged', data: { from: 'show_day', to: 'wrap_up' } }),
    ).toBe(false);
  });
});

describe('percentOf', () => {
  it('has one decimal, rounds halves away from zero, and is null without a whole', () => {
    expect([percentOf(1, 3), percentOf(-1, 3), percentOf(1, 16), percentOf(-1, 16), percentOf(5, 0)]).toEqual(
      [33.3, -33.3, 6.3, -6.3, null],
    );
    expect(Object.is(percentOf(0, 100), 0)).toBe(true);
  });
});
