import { describe, expect, it } from 'vitest';
import { inShowDay, showDayWindow } from './history.ts';

describe('the show day window', () => {
  it('runs from midnight WIB to the next midnight', () => {
    expect(showDayWindow('2027-03-14', 'Asia/Jakarta')).toEqual({
      fromMs: Date.parse('2027-03-13T17:00:00Z'),
      toMs: Date.parse('2027-03-14T17:00:00Z'),
    });
  });

  it('stretches to the show stream’s span: past midnight, or a run recorded earlier', () => {
    const end = Date.parse('2027-03-14T17:20:00Z');
    const early = Date.parse('2027-03-01T10:00:00Z');
    expect(showDayWindow('2027-03-14', 'Asia/Jakarta', { fromMs: early, toMs: end })).toEqual({
      fromMs: early,
      toMs: end,
    });
  });
});

describe('inShowDay', () => {
  const window = showDayWindow('2027-03-14', 'Asia/Jakarta', {
    fromMs: Date.parse('2027-03-14T12:00:00Z'),
    toMs: Date.parse('2027-03-14T17:20:00Z'),
  });

  it('takes check-ins and arrivals of that day only', () => {
    expect(inShowDay({ type: 'CrewCheckedIn', data: { day: '2027-03-14' } }, '2027-03-14', window)).toBe(
      true,
    );
    expect(inShowDay({ type: 'VendorArrived', data: { day: '2027-03-15' } }, '2027-03-14', window)).toBe(
      false,
    );
  });

  it('takes incidents that happened within the window, past midnight too', () => {
    const at = (iso: string) => ({ type: 'IncidentLogged', data: { at: iso } });
    expect(inShowDay(at('2027-03-14T16:59:00Z'), '2027-03-14', window)).toBe(true);
    expect(inShowDay(at('2027-03-14T17:10:00Z'), '2027-03-14', window)).toBe(true);
    expect(inShowDay(at('2027-03-14T17:21:00Z'), '2027-03-14', window)).toBe(false);
    expect(inShowDay(at('2027-03-13T16:59:00Z'), '2027-03-14', window)).toBe(false);
  });

  it('leaves out what says neither day nor time (a grace setting)', () => {
    expect(inShowDay({ type: 'CheckinGraceSet', data: { graceMinutes: 5 } }, '2027-03-14', window)).toBe(
      false,
    );
  });
});
