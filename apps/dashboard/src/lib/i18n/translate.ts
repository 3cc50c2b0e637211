import { en } from './messages-en.ts';
import { id, type MessageKey, type Messages } from './messages-id.ts';

export type { MessageKey, Messages } from './messages-id.ts';

/** The interface languages: Bahasa Indonesia first (the default), English second. */
export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];
export const DEFAULT_LOCALE: Locale = 'id';
export const dictionaries: Readonly<Record<Locale, Messages>> = { id, en };

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanishing. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** A translator for one language. */
export function translator(locale: Locale): Translate {
  const messages = dictionaries[locale];
  return (key, params) => interpolate(messages[key], params);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'id' || value === 'en';
}

/** The placeholders a template uses, sorted (for checking that translations agree). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** Whether the dictionary has a message for a key that is only known at run time (an API error code). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(id, key);
}
