import { describe, expect, it } from 'vitest';
import { secondsOfDay, secondsOnOrAfter, zonedInstant } from './time-of-day.ts';

describe('clock times', () => {
  it('reads HH:mm and HH:mm:ss as seconds since midnight', () => {
    expect(secondsOfDay('22:05')).toBe(79_500);
    expect(secondsOfDay('00:00:30')).toBe(30);
  });
  it('refuses what is not a clock time, naming the field', () =>
    expect(() => secondsOfDay('24:00', 'showStart')).toThrow(
      expect.objectContaining({ field: 'showStart' }),
    ));
  it('places 22:00 in Jakarta at 15:00 UTC, and 24 h + 30 min at 00:30 the next morning', () => {
    expect(new Date(zonedInstant('2027-03-14', 22 * 3600, 'Asia/Jakarta')).toISOString()).toBe(
      '2027-03-14T15:00:00.000Z',
    );
    expect(new Date(zonedInstant('2027-03-14', 24.5 * 3600, 'Asia/Jakarta')).toISOString()).toBe(
      '2027-03-14T17:30:00.000Z',
    );
  });
  it('follows a zone with daylight saving (Amsterdam, 27 March 2027 in winter, 28 March in summer time)', () => {
    expect(new Date(zonedInstant('2027-03-27', 20 * 3600, 'Europe/Amsterdam')).toISOString()).toBe(
      '2027-03-27T19:00:00.000Z',
    );
    expect(new Date(zonedInstant('2027-03-28', 20 * 3600, 'Europe/Amsterdam')).toISOString()).toBe(
      '2027-03-28T18:00:00.000Z',
    );
  });
  it('reads a clock time forward: 00:30 after 23:00 is the next day', () => {
    expect(secondsOnOrAfter('00:30', 23 * 3600)).toBe(24.5 * 3600);
    expect(secondsOnOrAfter('23:30', 23 * 3600)).toBe(23.5 * 3600);
  });
});
