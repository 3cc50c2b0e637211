import { describe, expect, it } from 'vitest';
import { canSeeEvent } from '../access/visibility.ts';
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
  it('keeps a forced gate (its reason and what was missing) to the internal team', () => {
    expect(canSeeEvent(forced, viewer, ['client'])).toBe(false);
    expect(canSeeEvent(forced, viewer, ['vendor'])).toBe(false);
    expect(canSeeEvent(forced, viewer, ['crew'])).toBe(true);
  });
  it('keeps the phases stream (reminders, settlement) internal', () =>
    expect(canSeeEvent({ type: 'SettlementOpened', data: { productionId } }, viewer, ['vendor'])).toBe(
      false,
    ));
});
