import { hasMessage, type Locale, type Translate } from '../i18n/translate.ts';
import { ApiRequestError } from './client.ts';

/**
 * What to tell a person about a failed request: a message in their language for the codes the dashboard
 * knows; in English, or for a code it does not know, the API's own message (written for people).
 */
export function errorMessage(error: unknown, t: Translate, locale: Locale): string {
  if (!(error instanceof ApiRequestError)) return t('errors.unexpected');
  if (error.code === 'NETWORK') return t('errors.network');
  const key = `errors.${error.code}`;
  if (locale === 'id' && hasMessage(key)) return t(key);
  if (error.message) return error.message;
  return hasMessage(key) ? t(key) : t('errors.unexpected');
}
