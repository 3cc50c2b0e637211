import { Type, type Static } from 'typebox';
import { Locale } from '../common/common.ts';

/** A report's language (`?lang=`); the viewer's own language when left out. */
export const ReportQuery = Type.Object({ lang: Type.Optional(Locale) }, { additionalProperties: false });
export type ReportQuery = Static<typeof ReportQuery>;
