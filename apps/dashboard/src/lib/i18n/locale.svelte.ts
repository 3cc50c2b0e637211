import {
  DEFAULT_LOCALE,
  isLocale,
  translator,
  type Locale,
  type MessageKey,
  type Params,
} from './translate.ts';

const STORAGE_KEY = 'panggung.locale';

function stored(): Locale | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined; // storage can be blocked; the default language still works
  }
}

/**
 * The interface language, shared by every component: Bahasa Indonesia unless the person chose English
 * (remembered in localStorage), mirrored in `<html lang>` so screen readers pronounce it right.
 */
export class I18n {
  locale = $state<Locale>(DEFAULT_LOCALE);
  /** Whether the person picked the language themselves (then their profile's language does not override it). */
  chosen = $state(false);
  #translate = $derived(translator(this.locale));

  constructor() {
    const remembered = stored();
    if (remembered) {
      this.locale = remembered;
      this.chosen = true;
    }
    this.#apply();
  }

  /** Translates a key in the current language; reading it in a template makes the template follow the language. */
  t = (key: MessageKey, params?: Params): string => this.#translate(key, params);

  /** The person picked a language: use it and remember it. */
  choose(locale: Locale): void {
    this.locale = locale;
    this.chosen = true;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // not remembered, still used
    }
    this.#apply();
  }

  /** A default from the signed-in person's profile, unless they already chose on this device. */
  suggest(locale: Locale): void {
    if (this.chosen || locale === this.locale) return;
    this.locale = locale;
    this.#apply();
  }

  #apply(): void {
    document.documentElement.lang = this.locale;
  }
}

export const i18n = new I18n();
