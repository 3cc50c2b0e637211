import { describe, expect, it } from 'vitest';
import { capabilitiesFor } from './capabilities.ts';

const sections = (...roles: Parameters<typeof capabilitiesFor>[0]) =>
  capabilitiesFor(roles).map((c) => c.section);

describe('the sections a person can open', () => {
  it('gives a production manager every section', () =>
    expect(sections('production_manager')).toEqual([
      'overview',
      'vendors',
      'timeline',
      'crew',
      'logistics',
      'technical',
      'budget',
      'incidents',
      'show-day',
      'audit',
    ]));
  it('keeps the budget from crew, and the team’s planning from a client', () => {
    expect(sections('crew')).not.toContain('budget');
    expect(sections('client')).toEqual(['overview', 'vendors', 'show-day']);
  });
  it('gives a vendor only what answers it: its contracts, no show day', () =>
    expect(sections('vendor')).toEqual(['overview', 'vendors']));
});
