import { describe, expect, it } from 'vitest';
import { dictionaries, hasMessage, interpolate, isLocale, placeholders, translator } from './translate.ts';

describe('dictionaries', () => {
  it('English has exactly the keys of Bahasa Indonesia', () => {
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries.id).sort());
  });

  it('every translation uses the same placeholders as the Indonesian original', () => {
    for (const [key, text] of Object.entries(dictionaries.id))
      expect(placeholders(dictionaries.en[key as keyof typeof dictionaries.en]), key).toEqual(
        placeholders(text),
      );
  });

  it('has no empty message', () => {
    for (const locale of ['id', 'en'] as const)
      for (const [key, text] of Object.entries(dictionaries[locale])) expect(text.trim(), key).not.toBe('');
  });
});

describe('translator', () => {
  it('translates and fills placeholders per language', () => {
    expect(translator('id')('event.renamed', { name: 'Konser Baru' })).toBe(
      'Nama produksi diubah menjadi “Konser Baru”',
    );
    expect(translator('en')('event.renamed', { name: 'New Concert' })).toBe(
      'Production renamed to “New Concert”',
    );
  });
});

describe('interpolate', () => {
  it('keeps a placeholder that has no value visible', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
  it('does not read inherited properties as values', () => {
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });
});

describe('isLocale and hasMessage', () => {
  it('accept only what exists', () => {
    expect(isLocale('id')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(hasMessage('errors.INVALID_CREDENTIALS')).toBe(true);
    expect(hasMessage('errors.SOMETHING_NEW')).toBe(false);
  });
});
