import type { LoadWindow, TransportRun } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { logisticsConflicts, type ShiftAtPlace } from './conflicts.ts';

const venueLocation = 'GBK Madya';
const loadIn: LoadWindow = {
  windowId: 'in',
  kind: 'load_in',
  startsAt: '2027-03-19T08:00:00+07:00',
  endsAt: '2027-03-19T18:00:00+07:00',
};
const shift = (
  shiftId: string,
  startsAt: string,
  endsAt: string,
  extra: Partial<ShiftAtPlace> = {},
): ShiftAtPlace => ({
  shiftId,
  personId: 'eko',
  startsAt,
  endsAt,
  location: venueLocation,
  ...extra,
});
const run: TransportRun = {
  runId: 'run-1',
  from: 'Gudang Cibubur',
  to: 'gbk madya',
  departsAt: '2027-03-19T05:00:00+07:00',
  arrivesAt: '2027-03-19T07:00:00+07:00',
  vehicle: 'Truk Fuso',
  driverId: 'joko',
  cargo: [],
};
const fullCrew = [
  shift('s1', '2027-03-19T07:00:00+07:00', '2027-03-19T13:00:00+07:00'),
  shift('s2', '2027-03-19T12:00:00+07:00', '2027-03-19T19:00:00+07:00', { personId: 'fajar' }),
];
const none = { venueLocation, windows: [loadIn], runs: [], shifts: fullCrew, tasks: [] };

describe('logisticsConflicts', () => {
  it('finds nothing when the load-in is crewed, the truck is early and nothing needs the stage', () =>
    expect(logisticsConflicts({ ...none, runs: [run] })).toEqual([]));

  it('names the stretch of a load window no crew shift at the venue covers', () => {
    const conflicts = logisticsConflicts({
      ...none,
      shifts: [
        fullCrew[0]!,
        shift('elsewhere', '2027-03-19T12:00:00+07:00', '2027-03-19T19:00:00+07:00', { location: 'Gudang' }),
      ],
    });
    expect(conflicts).toEqual([
      {
        kind: 'window_without_crew',
        refs: ['in'],
        message:
          'Load-in 2027-03-19 08:00 WIB – 2027-03-19 18:00 WIB: no crew on shift at GBK Madya from 2027-03-19 13:00 WIB – 2027-03-19 18:00 WIB',
      },
    ]);
  });

  it('flags a run to the venue that arrives after the load-in has begun', () => {
    const late = { ...run, arrivesAt: '2027-03-19T09:30:00+07:00' };
    expect(logisticsConflicts({ ...none, runs: [late] })).toEqual([
      {
        kind: 'run_arrives_late',
        refs: ['run-1', 'in'],
        message:
          'Truk Fuso from Gudang Cibubur arrives 2027-03-19 09:30 WIB, after Load-in 2027-03-19 08:00 WIB – 2027-03-19 18:00 WIB has begun',
      },
    ]);
  });

  it('flags a driver whose crew shift overlaps the drive', () => {
    const conflicts = logisticsConflicts({
      ...none,
      runs: [run],
      shifts: [
        ...fullCrew,
        shift('joko-early', '2027-03-19T06:00:00+07:00', '2027-03-19T10:00:00+07:00', { personId: 'joko' }),
      ],
    });
    expect(conflicts.map((c) => [c.kind, c.refs])).toEqual([['driver_on_shift', ['run-1', 'joko-early']]]);
    expect(conflicts[0]!.message).toMatch(
      /05:00 WIB – 2027-03-19 07:00 WIB\) is on a crew shift at GBK Madya/,
    );
  });

  it('flags stage work due inside a load window, but not the load work itself', () => {
    const conflicts = logisticsConflicts({
      ...none,
      tasks: [
        { taskId: 'gladi', title: 'Gladi bersih', dueAt: '2027-03-19T16:00:00+07:00' },
        { taskId: 'load', title: 'Loading in & setting panggung', dueAt: '2027-03-19T16:00:00+07:00' },
        { taskId: 'izin', title: 'Izin keramaian', dueAt: '2027-03-19T16:00:00+07:00' },
        { taskId: 'later', title: 'Soundcheck', dueAt: '2027-03-19T19:00:00+07:00' },
      ],
    });
    expect(conflicts.map((c) => c.refs)).toEqual([['gladi', 'in']]);
    expect(conflicts[0]!.message).toBe(
      '“Gladi bersih” is due 2027-03-19 16:00 WIB, inside Load-in 2027-03-19 08:00 WIB – 2027-03-19 18:00 WIB, while the stage is taken by the load',
    );
  });

  it('skips venue checks when the venue is not set yet', () =>
    expect(logisticsConflicts({ ...none, venueLocation: undefined, shifts: [] })).toEqual([]));
});
