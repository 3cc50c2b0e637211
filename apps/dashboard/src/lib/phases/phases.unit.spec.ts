import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/client.ts';
import { translator } from '../i18n/translate.ts';
import { canManagePhases, canSeePhases, conditionText, missingOf, reasonIsValid, stepsOf } from './phases.ts';

describe('stepsOf', () => {
  it('marks the phases before the current one done and the later ones upcoming', () =>
    expect(stepsOf('technical_rehearsal').map((step) => step.state)).toEqual([
      'done',
      'done',
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
    ]));
});

describe('conditionText', () => {
  it('names the category, the day and the person in Bahasa Indonesia and English', () => {
    const names = new Map([['00000000-0000-4000-8000-000000000401', 'Joko Susilo']]);
    expect(
      conditionText({ code: 'vendor_category_unsigned', category: 'sound' }, translator('id'), 'id'),
    ).toBe('Kontrak Tata suara sudah ditandatangani');
    expect(
      conditionText({ code: 'vendor_category_unsigned', category: 'sound' }, translator('en'), 'en'),
    ).toBe('The Sound contract is signed');
    expect(
      conditionText(
        {
          code: 'key_call_unacknowledged',
          personId: '00000000-0000-4000-8000-000000000401',
          day: '2027-03-14',
        },
        translator('en'),
        'en',
        names,
      ),
    ).toMatch(/^Joko Susilo acknowledged the call of .*14.*2027/);
  });
});

describe('missingOf', () => {
  it('reads the missing conditions of a refused gate', () => {
    const condition = { code: 'technical_checklists_missing' as const };
    const error = new ApiRequestError(409, 'GATE_NOT_MET', 'not met', undefined, {
      missing: [{ condition, met: false, message: 'Technical checklists exist' }],
    });
    expect(missingOf(error)).toEqual([condition]);
    expect(missingOf(new ApiRequestError(409, 'PHASE_NOT_NEXT', 'no'))).toEqual([]);
  });
});

describe('roles and the reason', () => {
  it('lets managers force, the internal team look, and clients neither', () => {
    expect(canManagePhases(['production_manager'])).toBe(true);
    expect(canManagePhases(['crew'])).toBe(false);
    expect(canSeePhases(['crew'])).toBe(true);
    expect(canSeePhases(['client'])).toBe(false);
  });
  it('needs at least 10 characters of reason, spaces aside', () => {
    expect(reasonIsValid('   besok    ')).toBe(false);
    expect(reasonIsValid('Vendor tanda tangan besok')).toBe(true);
  });
});
