import type { TechnicalDepartment } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import {
  canManageTechnical,
  canSeeTechnical,
  crewDepartments,
  departmentActions,
  progressOf,
} from './technical.ts';

const P = '6a1f0c2e-0000-4000-8000-0000000000c1';
const EKO = '6a1f0c2e-0000-4000-8000-0000000000a5';
const sound = (over: Partial<TechnicalDepartment> = {}): TechnicalDepartment => ({
  department: 'sound',
  headId: EKO,
  riders: [],
  items: [
    { itemId: 'i1', department: 'sound', text: 'Line check', checked: true },
    { itemId: 'i2', department: 'sound', text: 'RF scan', checked: false },
  ],
  ...over,
});

describe('technical access on the page', () => {
  it('is for the internal team; managing is for managers', () => {
    expect(canSeeTechnical(['crew'])).toBe(true);
    expect(canSeeTechnical(['vendor'])).toBe(false);
    expect(canSeeTechnical(['client'])).toBe(false);
    expect(canManageTechnical(['production_manager'])).toBe(true);
    expect(canManageTechnical(['crew', 'show_caller'])).toBe(false);
  });
  it('finds the person’s crew departments in this production only', () =>
    expect(
      crewDepartments(
        [
          { productionId: P, role: 'crew', department: 'sound' },
          { productionId: 'other', role: 'crew', department: 'video' },
          { productionId: P, role: 'show_caller' },
        ],
        P,
      ),
    ).toEqual(['sound']));
});

describe('departmentActions', () => {
  it('lets the head sign off only once every item is checked, and says how many are open', () => {
    expect(departmentActions(sound(), EKO, ['crew'], ['sound'])).toEqual({
      canCheck: true,
      canAdd: true,
      canSignOff: false,
      signOffBlockedBy: 1,
    });
    const done = sound({ items: [{ itemId: 'i1', department: 'sound', text: 'x', checked: true }] });
    expect(departmentActions(done, EKO, ['crew'], ['sound']).canSignOff).toBe(true);
    expect(
      departmentActions(
        { ...done, signedOff: { by: EKO, at: '2027-03-13T07:00:00Z' } },
        EKO,
        ['crew'],
        ['sound'],
      ).canSignOff,
    ).toBe(false);
  });
  it('never lets another department’s crew or a manager check or sign off', () => {
    expect(departmentActions(sound(), 'fajar', ['crew'], ['lighting'])).toMatchObject({
      canCheck: false,
      canAdd: false,
      canSignOff: false,
    });
    expect(departmentActions(sound(), 'ayu', ['production_manager'], [])).toMatchObject({
      canCheck: false,
      canAdd: true,
      canSignOff: false,
    });
  });
  it('counts progress', () => expect(progressOf(sound())).toEqual({ done: 1, total: 2 }));
});
