import { describe, expect, it } from 'vitest';
import { clockText, formatDuration, MINUS, overUnder } from './show-format.ts';

describe('formatDuration', () => {
  it('writes minutes and seconds, and hours from an hour on', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(307)).toBe('05:07');
    expect(formatDuration(307.6)).toBe('05:08');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(-3723)).toBe(`${MINUS}1:02:03`);
    expect(formatDuration(30 * 3600)).toBe('30:00:00');
    expect(formatDuration(-0.2)).toBe('00:00');
  });
});

describe('overUnder', () => {
  it('says over with a plus, under with a minus sign, and on time within half a second', () => {
    expect(overUnder(135)).toEqual({ kind: 'over', text: '+02:15' });
    expect(overUnder(-90)).toEqual({ kind: 'under', text: `${MINUS}01:30` });
    expect(overUnder(0.4)).toEqual({ kind: 'on_time', text: '00:00' });
    expect(overUnder(-0.4)).toEqual({ kind: 'on_time', text: '00:00' });
    expect(overUnder(3600)).toEqual({ kind: 'over', text: '+1:00:00' });
  });
});

describe('clockText', () => {
  it('shows the wall clock in the production’s zone, 24-hour with seconds', () => {
    expect(clockText(Date.parse('2027-03-14T13:04:09Z'), 'Asia/Jakarta')).toBe('20:04:09');
    expect(clockText(Date.parse('2027-03-14T17:30:00Z'), 'Asia/Jakarta')).toBe('00:30:00');
    expect(clockText(Date.parse('2027-03-14T13:04:09Z'), 'Asia/Makassar')).toBe('21:04:09');
  });
});
