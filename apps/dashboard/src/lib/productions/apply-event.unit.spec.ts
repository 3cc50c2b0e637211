import type { LiveEvent, Production } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { applyEvent } from './apply-event.ts';

const production: Production = {
  id: '6a1f0c2e-0000-4000-8000-0000000000c1',
  organisationId: '6a1f0c2e-0000-4000-8000-000000000001',
  name: 'Senandung Senja',
  kind: 'concert',
  venue: { name: 'Lapangan Banteng', city: 'Jakarta' },
  startsAt: '2027-03-14T09:00:00.000Z',
  endsAt: '2027-03-14T16:30:00.000Z',
  timeZone: 'Asia/Jakarta',
  currency: 'IDR',
  status: 'planning',
  version: 10,
  myRoles: ['production_manager'],
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const event = (type: string, data: unknown, streamVersion = 11): LiveEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  type,
  streamId: `production-${production.id}`,
  streamVersion,
  productionId: production.id,
  data,
  actor: 'person:x',
  recordedAt: '2027-01-01T00:00:00.000Z',
  checkpoint: '1:1',
});

describe('applyEvent', () => {
  it('takes the changed details and the new version', () => {
    const next = applyEvent(
      production,
      event('ProductionDetailsUpdated', { changes: { name: 'Senja Baru' } }),
    );
    expect(next).toMatchObject({ name: 'Senja Baru', version: 11, venue: production.venue });
    expect(production.name).toBe('Senandung Senja'); // not mutated
  });

  it('follows a phase change', () => {
    expect(
      applyEvent(production, event('ProductionPhaseChanged', { from: 'planning', to: 'show_day' })).status,
    ).toBe('show_day');
  });

  it('ignores what it has already seen and other productions', () => {
    expect(applyEvent(production, event('ProductionDetailsUpdated', { changes: { name: 'Old' } }, 10))).toBe(
      production,
    );
    expect(
      applyEvent(production, {
        ...event('ProductionDetailsUpdated', { changes: { name: 'X' } }),
        productionId: 'other',
      }),
    ).toBe(production);
  });
});
