import { describe, expect, it } from 'vitest';
import { canSeeEvent, eventDataFor } from '../access/visibility.ts';
import { ayuId, productionId } from './phase.fixtures.ts';

const viewer = { personId: '00000000-0000-4000-8000-000000000009' };
const changed = {
  type: 'ProductionPhaseChanged',
  data: { productionId, from: 'planning', to: 'pre_production' },
};
const forced = {
  type: 'ProductionPhaseChanged',
  data: {
    ...changed.data,
    forced: {
      reason: 'Klien minta dipercepat',
      byPersonId: ayuId,
      missing: [{ code: 'budget_estimates_missing' }],
    },
  },
};

describe('who sees a phase change', () => {
  it('shows a phase change to everyone in the production', () =>
    expect(canSeeEvent(changed, viewer, ['client'])).toBe(true));
  it('tells everyone of a forced gate, but keeps its reason and what was missing to the internal team', () => {
    expect(canSeeEvent(forced, viewer, ['client'])).toBe(true);
    expect(eventDataFor(forced, ['client'], [])).toEqual(changed.data);
    expect(eventDataFor(forced, ['vendor'], [])).toEqual(changed.data);
    expect(eventDataFor(forced, ['crew'], ['sound'])).toEqual(forced.data);
  });
  it('keeps the settlement (the vendors’ unpaid amounts) to the budget roles', () => {
    const settlement = { type: 'SettlementOpened', data: { productionId, total: 1, unpaid: [] } };
    expect(canSeeEvent(settlement, viewer, ['vendor'])).toBe(false);
    expect(canSeeEvent(settlement, viewer, ['crew'])).toBe(false);
    expect(canSeeEvent(settlement, viewer, ['show_caller'])).toBe(false);
    expect(canSeeEvent(settlement, viewer, ['finance_approver'])).toBe(true);
  });
  it('keeps milestone reminders internal', () =>
    expect(canSeeEvent({ type: 'MilestoneReminderSent', data: { productionId } }, viewer, ['client'])).toBe(
      false,
    ));
});
