import type { Me } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { departmentsOf, mayCallShow, mayOpen, screensFor } from './show-screens.ts';

const P = '6a1f0c2e-0000-4000-8000-000000000001';

describe('screensFor', () => {
  it('gives the show caller every screen', () => {
    expect(screensFor(['show_caller'], []).map((s) => s.screen)).toEqual([
      'caller',
      'manager',
      'department',
      'department',
      'department',
      'department',
      'stage',
      'client',
    ]);
    expect(mayCallShow(['show_caller'])).toBe(true);
  });

  it('gives crew their own department, the stage and the client view, not the console', () => {
    expect(screensFor(['crew'], ['sound'])).toEqual([
      { screen: 'department', department: 'sound' },
      { screen: 'stage' },
      { screen: 'client' },
    ]);
    expect(mayOpen({ screen: 'department', department: 'sound' }, ['crew'], ['sound'])).toBe(true);
    expect(mayOpen({ screen: 'department', department: 'video' }, ['crew'], ['sound'])).toBe(false);
    expect(mayOpen({ screen: 'caller' }, ['crew'], ['sound'])).toBe(false);
    expect(mayCallShow(['crew'])).toBe(false);
  });

  it('gives a client only the client view', () => {
    expect(screensFor(['client'], [])).toEqual([{ screen: 'client' }]);
    expect(mayOpen({ screen: 'manager' }, ['client'], [])).toBe(false);
  });
});

describe('departmentsOf', () => {
  it('reads the show departments of the person’s memberships in this production', () => {
    const me = {
      memberships: [
        { productionId: P, role: 'crew', department: 'sound' },
        { productionId: P, role: 'crew', department: 'rigging' },
        { productionId: '6a1f0c2e-0000-4000-8000-000000000002', role: 'crew', department: 'video' },
      ],
    } as unknown as Me;
    expect(departmentsOf(me, P)).toEqual(['sound']);
  });
});
