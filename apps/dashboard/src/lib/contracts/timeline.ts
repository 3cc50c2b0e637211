import type { NamedRef, TimelineEntry } from '@panggung/contracts';
import { formatRupiah } from '../format/money.ts';
import type { MessageKey, Translate } from '../i18n/translate.ts';

/** The kind of mark a timeline entry gets (and its text, so colour is never the only signal). */
export type EntryTone = 'done' | 'info' | 'warn' | 'stop' | 'final';

const TONE: Record<TimelineEntry['outcome'], EntryTone> = {
  drafted: 'info',
  revised: 'info',
  submitted: 'info',
  opened: 'info',
  approved: 'done',
  passed: 'done',
  overrun: 'warn',
  reminded: 'warn',
  escalated: 'warn',
  delegated: 'info',
  rejected: 'stop',
  sent_back: 'stop',
  withdrawn: 'stop',
  signed: 'final',
};

/** One timeline entry as a sentence in the current language: who did what, at which step. */
export function describeEntry(
  entry: TimelineEntry,
  t: Translate,
  me: string | undefined,
): { sentence: string; tone: EntryTone; figures?: string } {
  const name = (ref: NamedRef | undefined) =>
    ref === undefined ? t('actor.someone') : ref.id === me ? t('actor.you') : ref.name;
  const step = entry.step ? t(`step.${entry.step}`) : '';
  const params = {
    by: name(entry.by),
    to: name(entry.to),
    step,
    version: entry.version,
    round: entry.round,
  };
  const key: MessageKey =
    entry.outcome === 'opened' && entry.to === undefined
      ? 'timeline.openedSystem'
      : `timeline.${entry.outcome}`;
  const sentence = t(key, params);
  let figures: string | undefined;
  if (entry.budget) {
    const { estimate, committed, contractTotal, remainingAfter } = entry.budget;
    figures = t(remainingAfter < 0 ? 'timeline.figuresOver' : 'timeline.figures', {
      estimate: formatRupiah(estimate),
      committed: formatRupiah(committed),
      total: formatRupiah(contractTotal),
      remaining: formatRupiah(Math.abs(remainingAfter)),
    });
  }
  return { sentence, tone: TONE[entry.outcome], ...(figures ? { figures } : {}) };
}
