import { describe, expect, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import { metadata, productionId } from './phase.fixtures.ts';
import {
  decidePhases,
  evolvePhases,
  initialPhasesState,
  requiredCategories,
  type PhasesCommand,
  type PhasesEvent,
} from './settings.ts';

const spec = specification(decidePhases, evolvePhases, initialPhasesState);
const setTo = (categories: PhasesCommand['data']['categories']): PhasesCommand => ({
  type: 'SetRequiredVendorCategories',
  data: { productionId, categories },
  metadata,
});
const wasSet = (categories: string[], previous: string[] = []) =>
  ({ type: 'RequiredVendorCategoriesSet', data: { productionId, categories, previous } }) as PhasesEvent;

describe('SetRequiredVendorCategories', () => {
  it('records the categories in the directory’s order, saying what they were', () =>
    spec
      .given([wasSet(['sound'])])
      .when(setTo(['lighting', 'sound']))
      .then([wasSet(['sound', 'lighting'], ['sound'])]));
  it('records nothing when they do not change', () =>
    spec
      .given([wasSet(['sound', 'lighting'])])
      .when(setTo(['lighting', 'sound']))
      .then([]));
  it('may require no category at all (explicitly)', () =>
    spec
      .given([])
      .when(setTo([]))
      .then([wasSet([])]));
});

describe('requiredCategories', () => {
  it('defaults to the categories with an estimate', () =>
    expect(requiredCategories(initialPhasesState, ['sound', 'staging'])).toEqual(['sound', 'staging']));
  it('uses the setting once made', () =>
    expect(requiredCategories(evolvePhases(initialPhasesState, wasSet(['lighting'])), ['sound'])).toEqual([
      'lighting',
    ]));
});
