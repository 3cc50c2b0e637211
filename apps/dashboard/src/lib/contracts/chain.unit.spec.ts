import type { ContractView, TimelineEntry } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { chainStations, contractActions, timelineRounds } from './chain.ts';

const AYU = '6a1f0c2e-0000-4000-8000-0000000000a2';
const BUDI = '6a1f0c2e-0000-4000-8000-0000000000a3';
const MAYA = '6a1f0c2e-0000-4000-8000-0000000000a9';
const VENDOR = '6a1f0c2e-0000-4000-8000-00000000a0d1';

const entry = (over: Partial<TimelineEntry>): TimelineEntry => ({
  at: '2027-01-20T03:00:00.000Z',
  type: 'X',
  round: 1,
  version: 1,
  outcome: 'opened',
  ...over,
});

const drafted = entry({ round: 0, outcome: 'drafted', by: { id: AYU, name: 'Ayu' } });
const submitted = entry({ outcome: 'submitted', step: 'submission', by: { id: AYU, name: 'Ayu' } });
const reviewApproved = entry({ outcome: 'approved', step: 'manager_review', by: { id: AYU, name: 'Ayu' } });
const overrun = entry({ outcome: 'overrun', step: 'budget_check' });

type View = Parameters<typeof chainStations>[0];
const atFinance: View = {
  round: 1,
  status: 'in_approval',
  step: 'finance_overrun',
  clientApprovalRequired: true,
  timeline: [drafted, submitted, reviewApproved, overrun],
};

describe('chainStations', () => {
  it('shows the internal chain with the current step and what is to come', () => {
    expect(chainStations(atFinance, ['production_manager'])).toEqual([
      { station: 'manager_review', state: 'done' },
      { station: 'budget_check', state: 'done' },
      { station: 'finance_overrun', state: 'current' },
      { station: 'client_approval', state: 'upcoming' },
      { station: 'signed', state: 'upcoming' },
    ]);
  });

  it('skips the finance step when the budget check passed and the client under the threshold', () => {
    const signed: View = {
      round: 1,
      status: 'signed',
      clientApprovalRequired: false,
      timeline: [submitted, reviewApproved, entry({ outcome: 'passed', step: 'budget_check' })],
    };
    expect(chainStations(signed, ['finance_approver']).map((s) => s.state)).toEqual([
      'done',
      'done',
      'skipped',
      'skipped',
      'done',
    ]);
  });

  it('marks where a round stopped, and only the latest round counts', () => {
    const sentBack: View = {
      round: 2,
      status: 'changes_requested',
      timeline: [
        submitted,
        reviewApproved,
        entry({ round: 2, outcome: 'submitted', step: 'submission' }),
        entry({ round: 2, outcome: 'sent_back', step: 'manager_review', reason: 'Harga kru' }),
      ],
    };
    expect(chainStations(sentBack, ['production_manager'])[0]).toEqual({
      station: 'manager_review',
      state: 'stopped',
    });
  });

  it('leaves the internal stations out for a vendor or client', () => {
    expect(chainStations(atFinance, ['client']).map((s) => s.station)).toEqual([
      'manager_review',
      'client_approval',
      'signed',
    ]);
    // The client sees only its own step's events, yet the review before it is done.
    expect(
      chainStations(
        {
          round: 1,
          status: 'in_approval',
          step: 'client_approval',
          timeline: [entry({ outcome: 'opened', step: 'client_approval' })],
        },
        ['client'],
      ),
    ).toEqual([
      { station: 'manager_review', state: 'done' },
      { station: 'client_approval', state: 'current' },
      { station: 'signed', state: 'upcoming' },
    ]);
    expect(
      chainStations({ ...atFinance, clientApprovalRequired: undefined, step: undefined }, ['vendor']).map(
        (s) => s.station,
      ),
    ).toEqual(['manager_review', 'signed']);
  });
});

describe('contractActions', () => {
  const view = (over: Partial<ContractView> = {}) =>
    ({
      status: 'in_approval',
      step: 'finance_overrun',
      assignee: { id: BUDI, name: 'Budi' },
      vendor: { id: VENDOR, name: 'PT Suara Prima Audio' },
      ...over,
    }) as ContractView;

  it('offers the decisions to the step’s assignee only', () => {
    expect(contractActions(view(), BUDI, ['finance_approver'], undefined)).toMatchObject({
      approve: true,
      reject: true,
      sendBack: true,
      delegate: true,
      withdraw: false,
    });
    expect(contractActions(view(), MAYA, ['client'], 'party')).toMatchObject({
      approve: false,
      delegate: false,
    });
  });

  it('lets a manager delegate and withdraw without deciding someone else’s step', () => {
    expect(contractActions(view(), AYU, ['production_manager'], undefined)).toMatchObject({
      approve: false,
      delegate: true,
      withdraw: true,
      submit: false,
    });
    expect(
      contractActions(view({ status: 'draft', step: undefined }), AYU, ['production_manager'], undefined),
    ).toMatchObject({ submit: true, revise: true, delegate: false });
  });

  it('never lets a vendor decide its own contract, but lets it revise one sent back', () => {
    const own = view({ assignee: { id: 'v', name: 'Hendra' } });
    expect(contractActions(own, 'v', ['vendor'], VENDOR)).toMatchObject({ approve: false, delegate: false });
    expect(contractActions(view({ status: 'changes_requested' }), 'v', ['vendor'], VENDOR).revise).toBe(true);
    expect(
      contractActions(view({ status: 'signed', step: undefined }), AYU, ['production_manager'], undefined),
    ).toMatchObject({ withdraw: false, revise: false });
  });
});

describe('timelineRounds', () => {
  it('groups by round, keeping a revision with the round it answers', () => {
    const revised = entry({ round: 1, outcome: 'revised', version: 2 });
    const rounds = timelineRounds([
      drafted,
      submitted,
      reviewApproved,
      revised,
      entry({ round: 2, outcome: 'submitted' }),
    ]);
    expect(rounds.map((r) => [r.round, r.entries.length])).toEqual([
      [0, 1],
      [1, 3],
      [2, 1],
    ]);
  });
});
