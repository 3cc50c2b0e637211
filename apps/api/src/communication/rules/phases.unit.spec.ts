import type { PhaseEvent, PhasesEvent } from '@panggung/domain';
import { describe, expect, it } from 'vitest';
import { phaseNotices } from './phases.ts';
import type { Roster } from './roster.ts';

const productionId = '00000000-0000-4000-8000-0000000000f1';
const rina = '00000000-0000-4000-8000-0000000000a0';
const ayu = '00000000-0000-4000-8000-0000000000a1';
const budi = '00000000-0000-4000-8000-0000000000a2';
const eko = '00000000-0000-4000-8000-0000000000a3';
const outsider = '00000000-0000-4000-8000-0000000000ff';
const taskId = '00000000-0000-4000-8000-00000000000a';
const roster: Roster = new Map([
  [rina, ['org_admin']],
  [ayu, ['production_manager']],
  [budi, ['finance_approver']],
  [eko, ['crew']],
]);
const reminder = (ownerId?: string): PhasesEvent => ({
  type: 'MilestoneReminderSent',
  data: {
    productionId,
    taskId,
    title: 'Load-in selesai',
    ...(ownerId ? { ownerId } : {}),
    dueAt: '2027-03-19T10:00:00.000Z',
    leadMs: 86_400_000,
  },
});
const forced = (byPersonId: string): PhaseEvent => ({
  type: 'ProductionPhaseChanged',
  data: {
    productionId,
    from: 'technical_rehearsal',
    to: 'show_day',
    forced: { reason: 'Checklist video menyusul pagi ini', byPersonId, missing: [] },
  },
});
const kinds = (notices: ReturnType<typeof phaseNotices>) => notices.map((n) => [n.personId, n.kind]);

describe('phaseNotices', () => {
  it('reminds a milestone’s owner and the managers, once each, only members', () => {
    const payload = {
      item: { kind: 'task', id: taskId },
      excerpt: 'Load-in selesai',
      dueAt: '2027-03-19T10:00:00.000Z',
    };
    expect(phaseNotices(reminder(eko), roster, undefined)).toEqual([
      { personId: eko, kind: 'milestone.reminder', payload },
      { personId: ayu, kind: 'milestone.reminder', payload },
    ]);
    expect(kinds(phaseNotices(reminder(ayu), roster, undefined))).toEqual([[ayu, 'milestone.reminder']]);
    expect(kinds(phaseNotices(reminder(outsider), roster, undefined))).toEqual([[ayu, 'milestone.reminder']]);
    expect(kinds(phaseNotices(reminder(), roster, undefined))).toEqual([[ayu, 'milestone.reminder']]);
  });

  it('tells the managers and admins of a forced gate with its reason, not the one who forced it', () => {
    expect(phaseNotices(forced(ayu), roster, ayu)).toEqual([
      {
        personId: rina,
        kind: 'phase.forced',
        payload: { phase: 'show_day', excerpt: 'Checklist video menyusul pagi ini' },
      },
    ]);
    // The workflow appends it: the person who forced it is still not told.
    expect(kinds(phaseNotices(forced(rina), roster, undefined))).toEqual([[ayu, 'phase.forced']]);
    const passed: PhaseEvent = {
      type: 'ProductionPhaseChanged',
      data: { productionId, from: 'planning', to: 'pre_production' },
    };
    expect(phaseNotices(passed, roster, ayu)).toEqual([]);
  });

  it('tells finance approvers and managers the settlement is open', () => {
    const opened: PhasesEvent = {
      type: 'SettlementOpened',
      data: { productionId, unpaid: [], total: 45_000_000 },
    };
    expect(phaseNotices(opened, roster, undefined)).toEqual([
      { personId: ayu, kind: 'settlement.opened', payload: { amount: 45_000_000 } },
      { personId: budi, kind: 'settlement.opened', payload: { amount: 45_000_000 } },
    ]);
    const categories: PhasesEvent = {
      type: 'RequiredVendorCategoriesSet',
      data: { productionId, categories: ['sound'], previous: [] },
    };
    expect(phaseNotices(categories, roster, ayu)).toEqual([]);
  });
});
