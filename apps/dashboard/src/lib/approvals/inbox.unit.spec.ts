import type { ApprovalInboxItem, LiveEvent } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { inboxShows, touchesInbox, urgencyOf } from './inbox.ts';

const ME = 'me';
const CONTRACT = 'c1';
const item: ApprovalInboxItem = {
  contractId: CONTRACT,
  productionId: 'p1',
  productionName: 'Senandung Senja',
  title: 'Sistem tata suara',
  vendor: { id: 'v1', name: 'PT Suara Prima Audio' },
  currency: 'IDR',
  amount: 335_220_000,
  step: 'finance_overrun',
  round: 1,
  contractVersion: 1,
  openedAt: '2027-01-20T03:00:00.000Z',
  dueAt: '2027-01-21T03:00:00.000Z',
  escalatesAt: '2027-01-22T03:00:00.000Z',
  reminded: false,
  escalated: false,
};
const event = (type: string, data: object): LiveEvent => ({
  id: 'e',
  type,
  streamId: `contract-${CONTRACT}`,
  streamVersion: 5,
  productionId: 'p1',
  data: { contractId: CONTRACT, ...data },
  actor: 'workflow:x',
  recordedAt: '2027-01-20T03:00:00.000Z',
  checkpoint: '1:1',
});

describe('inboxShows', () => {
  it('expects a step opened for me to be there, and one opened for someone else not to matter', () => {
    const opened = event('ApprovalStepOpened', { step: 'finance_overrun', assigneeId: ME });
    expect(inboxShows([], opened, ME)).toBe(false);
    expect(inboxShows([item], opened, ME)).toBe(true);
    expect(
      inboxShows([], event('ApprovalStepOpened', { step: 'client_approval', assigneeId: 'x' }), ME),
    ).toBe(true);
  });

  it('expects a decided or ended step to be gone', () => {
    expect(inboxShows([item], event('ApprovalStepApproved', { step: 'finance_overrun' }), ME)).toBe(false);
    expect(inboxShows([], event('ApprovalStepApproved', { step: 'finance_overrun' }), ME)).toBe(true);
    expect(inboxShows([item], event('ContractWithdrawn', {}), ME)).toBe(false);
  });

  it('follows delegation both ways', () => {
    expect(inboxShows([item], event('ApprovalStepDelegated', { from: ME, to: 'x' }), ME)).toBe(false);
    expect(inboxShows([], event('ApprovalStepDelegated', { from: 'x', to: ME }), ME)).toBe(false);
    expect(inboxShows([item], event('ApprovalStepDelegated', { from: 'x', to: ME }), ME)).toBe(true);
  });

  it('knows which events concern an inbox', () => {
    expect(touchesInbox(event('ApprovalStepOpened', {}))).toBe(true);
    expect(touchesInbox(event('QuoteSubmitted', {}))).toBe(false);
  });
});

describe('urgencyOf', () => {
  it('is overdue past the due time or once reminded, escalated once escalated', () => {
    expect(urgencyOf(item, new Date('2027-01-20T10:00:00Z'))).toBe('waiting');
    expect(urgencyOf(item, new Date('2027-01-21T03:00:00Z'))).toBe('overdue');
    expect(urgencyOf({ ...item, reminded: true }, new Date('2027-01-20T10:00:00Z'))).toBe('overdue');
    expect(urgencyOf({ ...item, escalated: true }, new Date('2027-01-20T10:00:00Z'))).toBe('escalated');
  });
});
