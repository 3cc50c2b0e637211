import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '@panggung/event-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/test-api.ts';
import { budgetProjection } from './projection.ts';

/**
 * The budget projection folds a batch per line before writing: the rows must be what applying the events
 * one by one gives (the last estimate wins, committed and actual add up, any budget event opens its line).
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi('budget_projection');
});

afterAll(() => api?.app.close());

const productionId = randomUUID();
let position = 0n;
const event = (type: string, data: Record<string, unknown>): StoredEvent =>
  ({
    id: randomUUID(),
    streamId: `budget-${productionId}`,
    streamVersion: ++position,
    position,
    transactionId: 1n,
    type,
    schemaVersion: 1,
    data: { productionId, ...data },
    metadata: { actor: 'test', correlationId: randomUUID(), causationId: null, recordedAt: '' },
    hash: '',
    checkpoint: { transactionId: 1n, position },
  }) as StoredEvent;

const apply = (events: StoredEvent[]) =>
  api.app.store.db.transaction().execute((trx) => budgetProjection.apply(trx, events));

const lines = () =>
  api.app.store.db
    .selectFrom('budget_lines')
    .select(['category', 'estimate', 'committed', 'actual'])
    .where('production_id', '=', productionId)
    .orderBy('category')
    .execute();

describe('budget projection', () => {
  it('folds a batch per line: the last estimate, the sums of commitments and payments', async () => {
    await apply([
      event('BudgetEstimateSet', { category: 'sound', estimate: 100, previous: 0 }),
      event('BudgetCommitted', {
        category: 'sound',
        amount: 30,
        contractId: randomUUID(),
        vendorId: randomUUID(),
      }),
      event('BudgetEstimateSet', { category: 'sound', estimate: 80, previous: 100 }),
      event('BudgetCommitted', {
        category: 'sound',
        amount: 20,
        contractId: randomUUID(),
        vendorId: randomUUID(),
      }),
      event('PaymentRecorded', {
        category: 'sound',
        amount: 5,
        paymentId: randomUUID(),
        paidOn: '2027-01-02',
      }),
      event('BudgetAlertRaised', {
        category: 'catering',
        kind: 'committed_over_estimate',
        estimate: 0,
        amount: 1,
      }),
    ]);
    expect((await lines()).map((l) => ({ ...l }))).toEqual([
      { category: 'catering', estimate: '0', committed: '0', actual: '0' },
      { category: 'sound', estimate: '80', committed: '50', actual: '5' },
    ]);
  });

  it('adds a later batch to the stored line and keeps its estimate when the batch sets none', async () => {
    await apply([
      event('BudgetCommitted', {
        category: 'sound',
        amount: 7,
        contractId: randomUUID(),
        vendorId: randomUUID(),
      }),
      event('PaymentRecorded', {
        category: 'sound',
        amount: 3,
        paymentId: randomUUID(),
        paidOn: '2027-01-03',
      }),
      event('BudgetEstimateSet', { category: 'catering', estimate: 40, previous: 0 }),
    ]);
    expect((await lines()).map((l) => ({ ...l }))).toEqual([
      { category: 'catering', estimate: '40', committed: '0', actual: '0' },
      { category: 'sound', estimate: '80', committed: '57', actual: '8' },
    ]);
  });
});
