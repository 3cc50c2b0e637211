import { describe, expect, it } from 'vitest';
import {
  dayInZone,
  formatCalendarDate,
  formatDateRange,
  formatEventTime,
  formatTime,
  isoToZonedLocal,
  timeZoneLabel,
  zonedLocalToIso,
  zoneOffsetMinutes,
} from './dates.ts';

const JAKARTA = 'Asia/Jakarta';

describe('timeZoneLabel', () => {
  it('names Indonesian zones the Indonesian way', () => {
    expect(timeZoneLabel(JAKARTA)).toBe('WIB');
    expect(timeZoneLabel('Asia/Makassar')).toBe('WITA');
    expect(timeZoneLabel('Asia/Jayapura')).toBe('WIT');
  });
});

describe('formatDateRange', () => {
  it('shows a one-day show in WIB, whatever the offset the instants were written with', () => {
    // 09:00Z is 16:00 in Jakarta.
    const id = formatDateRange('2027-03-14T09:00:00Z', '2027-03-14T23:30:00+07:00', JAKARTA, 'id');
    expect(id).toBe('Min, 14 Mar 2027 · 16.00–23.30 WIB');
    const en = formatDateRange('2027-03-14T09:00:00Z', '2027-03-14T23:30:00+07:00', JAKARTA, 'en');
    expect(en).toBe('Sun, 14 Mar 2027 · 16:00–23:30 WIB');
  });

  it('names both days for a show that runs past midnight in Jakarta', () => {
    const text = formatDateRange('2027-03-14T20:00:00+07:00', '2027-03-15T01:30:00+07:00', JAKARTA, 'id');
    expect(text).toBe('Min, 14 Mar 2027 · 20.00 – Sen, 15 Mar 2027 · 01.30 WIB');
  });

  it('uses the Jakarta calendar day, not UTC: 17:30Z on the 14th is already the 15th in Jakarta', () => {
    const text = formatDateRange('2027-03-14T17:30:00Z', '2027-03-14T19:00:00Z', JAKARTA, 'en');
    expect(text).toBe('Mon, 15 Mar 2027 · 00:30–02:00 WIB');
  });
});

describe('dayInZone and formatTime', () => {
  it('read the wall clock of the zone', () => {
    expect(dayInZone(new Date('2027-03-14T17:30:00Z'), JAKARTA)).toBe('2027-03-15');
    expect(dayInZone(new Date('2027-03-14T16:59:59Z'), JAKARTA)).toBe('2027-03-14');
    expect(formatTime('2027-03-14T17:30:00Z', JAKARTA, 'id')).toBe('00.30');
  });
});

describe('formatEventTime', () => {
  const now = new Date('2027-03-14T12:00:00+07:00');
  it('shows only the time for something that happened today in the zone', () => {
    expect(formatEventTime('2027-03-14T10:05:09+07:00', JAKARTA, 'id', now)).toBe('10.05.09 WIB');
  });
  it('adds the date for an earlier day', () => {
    expect(formatEventTime('2027-03-13T23:59:00+07:00', JAKARTA, 'en', now)).toBe(
      '13 Mar 2027, 23:59:00 WIB',
    );
  });
});

describe('zoned wall-clock times in forms', () => {
  it('reads a typed time in the production zone', () => {
    expect(zonedLocalToIso('2027-01-15T17:00', 'Asia/Jakarta')).toBe('2027-01-15T10:00:00.000Z');
    expect(zonedLocalToIso('2027-01-15T17:00', 'Asia/Makassar')).toBe('2027-01-15T09:00:00.000Z');
    expect(zonedLocalToIso('15/01/2027', 'Asia/Jakarta')).toBeUndefined();
  });
  it('shows an instant as the zone’s wall clock, and back', () => {
    expect(isoToZonedLocal('2027-01-15T10:00:00.000Z', 'Asia/Jakarta')).toBe('2027-01-15T17:00');
    expect(
      zonedLocalToIso(isoToZonedLocal('2027-03-14T16:30:00.000Z', 'Asia/Jayapura'), 'Asia/Jayapura'),
    ).toBe('2027-03-14T16:30:00.000Z');
    expect(zoneOffsetMinutes(new Date('2027-01-01T00:00:00Z'), 'Asia/Jakarta')).toBe(420);
  });
  it('writes a due date as a day, whatever the browser zone', () => {
    expect(formatCalendarDate('2027-02-15', 'id')).toBe('Sen, 15 Feb 2027');
    expect(formatCalendarDate('2027-02-15', 'en')).toBe('Mon, 15 Feb 2027');
  });
});
