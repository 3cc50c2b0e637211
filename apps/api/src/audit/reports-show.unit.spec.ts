import type { ShowRun } from '@panggung/contracts';
import {
  evolveShow,
  initialShowState,
  showReport,
  showTiming,
  wallTime,
  type ShowEvent,
  type ShowState,
} from '@panggung/domain';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { showReportCsv } from './reports-show.ts';

const productionId = '6a1f0c2e-0000-4000-8000-000000000001';
const showDay = '2027-03-14';
const id = (n: number) => `6a1f0c2e-0000-4000-8000-00000000a00${n}`;
const at = (hhmm: string) => `2027-03-14T${hhmm}:00.000Z`;
const cue = (n: number, title: string, start: string, minutes: number) => ({
  cueId: id(n),
  segmentId: id(9),
  segmentTitle: 'Pembukaan',
  title,
  startKind: 'soft' as const,
  plannedStart: at(start),
  durationSeconds: minutes * 60,
  notes: {},
});
/** 20:00–20:30 WIB: A 10 min, B 10 min (a title a spreadsheet would run), C 10 min. */
const run: ShowRun = {
  productionId,
  showDay,
  timeZone: 'Asia/Jakarta',
  rundownRevision: 3,
  frozenAt: at('12:50'),
  plannedStart: at('13:00'),
  plannedEnd: at('13:30'),
  cues: [
    cue(1, 'Video pembuka', '13:00', 10),
    cue(2, '=HYPERLINK("x")', '13:10', 10),
    cue(3, 'Penutup', '13:20', 10),
  ],
};
const live = (hhmm: string, key: string) => ({ productionId, showDay, idempotencyKey: key, at: at(hhmm) });
/** A ran 12 min (+2), B 7 min (−3), C skipped; the show ended at 13:19. */
const events: ShowEvent[] = [
  { type: 'ShowRunFrozen', data: { ...live('12:55', 'k1'), run } },
  { type: 'CueStarted', data: { ...live('13:00', 'k2'), cueId: id(1), previousCueId: null } },
  { type: 'CueStarted', data: { ...live('13:12', 'k3'), cueId: id(2), previousCueId: id(1) } },
  { type: 'CueSkipped', data: { ...live('13:15', 'k4'), cueId: id(3) } },
  { type: 'ShowEnded', data: { ...live('13:19', 'k5'), lastCueId: id(2) } },
];
const show = events.reduce<ShowState>(evolveShow, initialShowState);
if (show.status === 'none') throw new Error('the fixture froze no run');
const report = showReport(showTiming(show, Date.parse(at('14:00'))), 'Asia/Jakarta');

describe('the planned-vs-actual report', () => {
  it('gives each cue planned against actual, in WIB', () => {
    expect(report.rows.map((r) => [r.status, r.actualSeconds, r.overUnderSeconds])).toEqual([
      ['done', 720, 120],
      ['done', 420, -180],
      ['skipped', undefined, undefined],
    ]);
    expect(report.rows[0]).toMatchObject({
      plannedStart: '2027-03-14 20:00:00',
      actualStart: '2027-03-14 20:00:00',
      actualEnd: '2027-03-14 20:12:00',
    });
  });

  it('totals the cues that ran', () => {
    expect(report.total).toEqual({ plannedSeconds: 1200, actualSeconds: 1140, overUnderSeconds: -60 });
  });

  it.each([
    ['id', 'Mulai rencana', 'Dilewati'],
    ['en', 'Planned start', 'Skipped'],
  ] as const)('is CSV in %s with a BOM, read back cell for cell', (lang, header, skipped) => {
    const csv = showReportCsv(report, lang);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]?.[3]).toBe(header);
    expect(rows).toHaveLength(5);
    expect(rows[1]).toEqual([
      '1',
      'Video pembuka',
      rows[1]?.[2],
      '2027-03-14 20:00:00',
      '600',
      '2027-03-14 20:00:00',
      '2027-03-14 20:12:00',
      '720',
      '120',
    ]);
    expect(rows[3]?.[2]).toBe(skipped);
    expect(rows[4]?.slice(4)).toEqual(['1200', '', '', '1140', '-60']);
  });

  it('keeps a title that looks like a formula as text', () => {
    const rows = parse(showReportCsv(report, 'en'), { bom: true }) as string[][];
    expect(rows[2]?.[1]).toBe(`'=HYPERLINK("x")`);
  });

  it('writes wall time in the show’s zone', () => {
    expect(wallTime('2027-03-14T17:05:00Z', 'Asia/Jakarta')).toBe('2027-03-15 00:05:00');
  });
});
