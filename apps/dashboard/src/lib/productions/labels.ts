import type { Production } from '@panggung/contracts';
import { formatDateRange } from '../format/dates.ts';
import type { Locale, Translate } from '../i18n/translate.ts';

/** `Lapangan Banteng, Jakarta` */
export const venueLine = (production: Pick<Production, 'venue'>) =>
  `${production.venue.name}, ${production.venue.city}`;

/** The production's dates in its own time zone. */
export const datesLine = (production: Pick<Production, 'startsAt' | 'endsAt' | 'timeZone'>, locale: Locale) =>
  formatDateRange(production.startsAt, production.endsAt, production.timeZone, locale);

/** The viewer's roles, in words: `Pengelola produksi, Penyetuju keuangan`. */
export const rolesLine = (production: Pick<Production, 'myRoles'>, t: Translate) =>
  production.myRoles.map((role) => t(`role.${role}`)).join(', ');
