import type { ContractSummary, LiveEvent, RfqSummary } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { contractIdOf, contractListShows, rfqIdOf, rfqListShows, rfqShows } from './freshness.ts';

const ID = '6a1f0c2e-0000-4000-8000-00000000c0a1';
const event = (type: string, streamId: string, over: Partial<LiveEvent> = {}): LiveEvent => ({
  id: 'e',
  type,
  streamId,
  streamVersion: 4,
  productionId: 'p',
  data: {},
  actor: 'person:x',
  recordedAt: '2027-01-20T03:00:00.500Z',
  checkpoint: '1:1',
  ...over,
});

describe('freshness of procurement views', () => {
  it('finds the RFQ or contract an event is about', () => {
    expect(rfqIdOf(event('QuoteSubmitted', `rfq-${ID}`))).toBe(ID);
    expect(contractIdOf(event('ContractSigned', `contract-${ID}`))).toBe(ID);
    expect(contractIdOf(event('BudgetCommitted', `budget-${ID}`))).toBeUndefined();
  });

  it('compares an RFQ by stream version', () => {
    expect(rfqShows({ version: 3 }, event('QuoteSubmitted', `rfq-${ID}`))).toBe(false);
    expect(rfqShows({ version: 4 }, event('QuoteSubmitted', `rfq-${ID}`))).toBe(true);
  });

  it('compares a contract by the time of its newest event', () => {
    const item = { id: ID, updatedAt: '2027-01-20T03:00:00.499Z' } as ContractSummary;
    const signed = event('ContractSigned', `contract-${ID}`);
    expect(contractListShows([item], signed)).toBe(false);
    expect(contractListShows([{ ...item, updatedAt: signed.recordedAt }], signed)).toBe(true);
    expect(contractListShows([], signed)).toBe(false);
  });

  it('expects a new RFQ in the list and an awarded one marked so', () => {
    const rfq = { id: ID, status: 'open' } as RfqSummary;
    expect(rfqListShows([], event('RfqIssued', `rfq-${ID}`))).toBe(false);
    expect(rfqListShows([rfq], event('RfqIssued', `rfq-${ID}`))).toBe(true);
    expect(rfqListShows([rfq], event('QuoteAwarded', `rfq-${ID}`))).toBe(false);
    expect(rfqListShows([{ ...rfq, status: 'awarded' }], event('QuoteAwarded', `rfq-${ID}`))).toBe(true);
  });
});
