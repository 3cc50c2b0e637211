import { describe, expect, it } from 'vitest';
import { actorLabel, canSeeAudit, changeMarkers, changesIn, sliderRange } from './time-travel.ts';

const at = (iso: string) => ({ recordedAt: iso });
const changes = [
  at('2027-01-20T02:00:00.000Z'),
  at('2027-01-20T02:00:00.000Z'),
  at('2027-01-20T03:00:00.000Z'),
  at('2027-01-20T06:00:00.000Z'),
];

describe('the time slider', () => {
  it('spans the first to the last change, and nothing without changes', () => {
    expect(sliderRange(changes)).toEqual({
      min: Date.parse('2027-01-20T02:00:00Z'),
      max: Date.parse('2027-01-20T06:00:00Z'),
    });
    expect(sliderRange([])).toBeUndefined();
  });

  it('marks each instant with a change once, with how many changes it holds', () => {
    const markers = changeMarkers(changes, sliderRange(changes)!);
    expect(markers.map((m) => [m.percent, m.count])).toEqual([
      [0, 2],
      [25, 1],
      [100, 1],
    ]);
    expect(changeMarkers([changes[0]!], sliderRange([changes[0]!])!)).toEqual([
      { at: Date.parse(changes[0]!.recordedAt), count: 1, percent: 0 },
    ]);
  });

  it('lists the changes after `from` and up to `to`', () => {
    const from = Date.parse('2027-01-20T02:00:00Z');
    const to = Date.parse('2027-01-20T03:00:00Z');
    expect(changesIn(changes, from, to)).toEqual([changes[2]]);
    expect(changesIn(changes, from - 1, to)).toHaveLength(3);
  });
});

describe('who may see it and who made a change', () => {
  it('is for managers, finance and admins', () => {
    expect(canSeeAudit(['finance_approver'])).toBe(true);
    expect(canSeeAudit(['crew', 'show_caller'])).toBe(false);
  });

  it('names a person, or the process', () => {
    expect(actorLabel({ actor: 'person:x', actorName: 'Budi Santoso' }, 'Sistem')).toBe('Budi Santoso');
    expect(actorLabel({ actor: 'workflow:contract-approval', actorName: null }, 'Sistem')).toBe('Sistem');
  });
});
