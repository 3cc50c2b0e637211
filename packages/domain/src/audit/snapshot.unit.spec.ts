import { describe, expect, it } from 'vitest';
import { productionId } from '../contracts/contract.fixtures.ts';
import { events, showEvents } from './audit.fixtures.ts';
import { changesBetween } from './changes.ts';
import { decodeFold, encodeFold } from './snapshot.ts';
import { AuditFolder, productionAt, type AuditEvent } from './time-travel.ts';

/** Contracts, budget, phase and crew, then call sheets and a running show (Maps in the show state). */
const history: AuditEvent[] = [...events, ...showEvents].map((event, i) => ({
  ...event,
  data: { ...(event.data as object), productionId },
  position: `${200 + i}:${i + 1}`,
}));

const foldOf = (list: readonly AuditEvent[]) => {
  const folder = new AuditFolder(productionId);
  for (const event of list) folder.apply(event);
  return folder;
};

describe('encodeFold / decodeFold: a folder stored as a snapshot', () => {
  it('comes back equal, with its Maps, a running show and the last event', () => {
    const folder = foldOf(history);
    expect([...folder.shows.values()].some((show) => show.status === 'running')).toBe(true);
    const restored = decodeFold(encodeFold(folder));
    expect(restored).toBeInstanceOf(AuditFolder);
    expect(restored).toStrictEqual(folder);
    const keys = [...restored.shows.values()].map((show) => show.status !== 'none' && show.keys);
    expect(keys.every((k) => k instanceof Map && k.size > 0)).toBe(true);
  });

  it('keeps bigints, dates, Sets, undefined fields, -0 and shared objects exactly', () => {
    const folder = new AuditFolder(productionId);
    const shared = { amount: 12_500_000n, at: new Date('2027-03-14T03:00:00.000Z') };
    folder.rfqTitles.set('rfq-1', 'Sistem tata suara');
    const odd = {
      status: 'open',
      shared,
      again: shared,
      tags: new Set(['a', 'b']),
      nested: new Map<string, unknown>([['k', { missing: undefined, zero: -0, big: 2n ** 70n }]]),
    };
    folder.budget = odd as never;
    folder.count = 42;
    const restored = decodeFold(encodeFold(folder));
    expect(restored).toStrictEqual(folder);
    const budget = restored.budget as unknown as typeof odd;
    expect(budget.again).toBe(budget.shared);
    expect(budget.shared.amount).toBe(12_500_000n);
    expect(budget.shared.at).toBeInstanceOf(Date);
    const inner = budget.nested.get('k') as { missing: undefined; zero: number };
    expect(Object.hasOwn(inner, 'missing')).toBe(true);
    expect(Object.is(inner.zero, -0)).toBe(true);
  });

  it('folds on from a snapshot to the same state as from the first event, at every split', () => {
    for (let split = 0; split <= history.length; split++) {
      const snapshot = encodeFold(foldOf(history.slice(0, split)));
      for (const end of [split, Math.min(split + 1, history.length), history.length]) {
        const fromSnapshot = productionAt(productionId, history.slice(split, end), decodeFold(snapshot));
        expect(fromSnapshot, `split ${split}, end ${end}`).toStrictEqual(
          productionAt(productionId, history.slice(0, end)),
        );
      }
    }
  });

  it('gives the same change list when folded on from a snapshot taken before the range', () => {
    const names = new Map<string, string>();
    const from = history[4]!.recordedAt;
    const snapshot = encodeFold(foldOf(history.slice(0, 3)));
    const fromSnapshot = changesBetween(history.slice(3), { from, lang: 'en', names }, decodeFold(snapshot));
    expect(fromSnapshot).toEqual(changesBetween(history, { from, lang: 'en', names }));
    expect(fromSnapshot.length).toBeGreaterThan(0);
  });
});
