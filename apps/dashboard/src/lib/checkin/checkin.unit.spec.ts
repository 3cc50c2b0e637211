import type { CheckinEntry } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { canCheckIn, checkinChangedBy, checkinCounts } from './checkin.ts';

const eko = '00000000-0000-4000-8000-0000000000a5';
const fajar = '00000000-0000-4000-8000-0000000000a6';
const line = (personId: string, status: CheckinEntry['status'], checkedInAt?: string): CheckinEntry => ({
  personId,
  department: 'sound',
  shiftId: '00000000-0000-4000-8000-000000000001',
  callAt: '2027-03-14T08:00:00.000Z',
  status,
  ...(checkedInAt ? { checkedInAt } : {}),
});

describe('check-in', () => {
  it('is pressed by the crew member on their own line, or by a manager on anyone’s, once', () => {
    expect(canCheckIn(line(eko, 'missing'), eko, ['crew'])).toBe(true);
    expect(canCheckIn(line(eko, 'missing'), fajar, ['crew'])).toBe(false);
    expect(canCheckIn(line(eko, 'not_yet_due'), fajar, ['production_manager'])).toBe(true);
    expect(canCheckIn(line(eko, 'missing'), eko, ['show_caller'])).toBe(false);
    expect(canCheckIn(line(eko, 'late', '2027-03-14T08:10:00.000Z'), eko, ['crew'])).toBe(false);
  });

  it('counts the statuses', () => {
    expect(checkinCounts([line(eko, 'late'), line(fajar, 'missing'), line(eko, 'missing')])).toEqual({
      on_time: 0,
      late: 1,
      missing: 2,
      not_yet_due: 0,
    });
  });

  it('reloads on arrivals and on shift changes of this production only', () => {
    const p = '00000000-0000-4000-8000-0000000000c1';
    expect(checkinChangedBy(`checkin-${p}`, p)).toBe(true);
    expect(checkinChangedBy(`crew-${p}`, p)).toBe(true);
    expect(checkinChangedBy(`incidents-${p}`, p)).toBe(false);
  });
});
