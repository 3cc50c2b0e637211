import type { ShowHistory } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { CUE, runningShow } from '../show/show.fixtures.ts';
import {
  approvalsCsvHref,
  budgetReportCsvHref,
  formatReportAmount,
  formatVariancePercent,
  printReport,
  showReportCsvHref,
  showReportOf,
  signedMinutes,
} from './reports.ts';

const { run, productionId, showDay } = runningShow();
const at = (hhmm: string) => `2027-03-14T${hhmm}:00.000Z`;
const event = (type: string, hhmm: string, data: object) => ({
  streamId: `show-${productionId}-${showDay}`,
  type,
  data: { productionId, showDay, idempotencyKey: `${type}-${hhmm}`, at: at(hhmm), ...data },
  recordedAt: at(hhmm),
});
const history = (events: ShowHistory['events']): ShowHistory => ({ productionId, showDay, events });

describe('the printable report', () => {
  it('is planned against actual at the show’s last event', () => {
    const report = showReportOf(
      history([
        event('ShowRunFrozen', '12:55', { run }),
        event('CueStarted', '13:00', { cueId: CUE.a, previousCueId: null }),
        event('CueStarted', '13:12', { cueId: CUE.b, previousCueId: CUE.a }),
        event('CueStarted', '13:16', { cueId: CUE.c, previousCueId: CUE.b }),
        event('ShowEnded', '13:26', { lastCueId: CUE.c }),
      ]),
    )!;
    expect(report.rows.map((row) => row.overUnderSeconds)).toEqual([120, -60, 0]);
    expect(report.total).toEqual({ plannedSeconds: 1500, actualSeconds: 1560, overUnderSeconds: 60 });
    expect(report.rows[0]?.actualStart).toBe('2027-03-14 20:00:00');
  });

  it('is nothing before the show started', () => {
    expect(showReportOf(history([]))).toBeUndefined();
  });
});

describe('report helpers', () => {
  it('links the CSV in the chosen language', () => {
    expect(showReportCsvHref('p 1', '2027-03-14', 'en')).toBe(
      '/api/productions/p%201/shows/2027-03-14/report.csv?lang=en',
    );
    expect(approvalsCsvHref('p1', 'id')).toBe('/api/productions/p1/reports/approvals.csv?lang=id');
    expect(budgetReportCsvHref('p/1', 'en')).toBe('/api/productions/p%2F1/reports/budget.csv?lang=en');
  });

  it('signs minutes over and under', () => {
    expect([125, -60, 0, undefined].map(signedMinutes)).toEqual(['+2:05', '−1:00', '±0:00', '—']);
  });
});

describe('the budget report’s figures', () => {
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

  it('writes rupiah the way each language does', () => {
    expect(plain(formatReportAmount(12_500_000, 'id'))).toBe('Rp 12.500.000');
    expect(plain(formatReportAmount(12_500_000, 'en'))).toBe('IDR 12,500,000');
    expect(plain(formatReportAmount(-8_800_000, 'id'))).toBe('-Rp 8.800.000');
    expect(plain(formatReportAmount(0, 'en'))).toBe('IDR 0');
  });

  it('signs a variance in per cent, and has none without an estimate', () => {
    expect(formatVariancePercent(-8.8, 'id')).toBe('-8,8%');
    expect(formatVariancePercent(53.1, 'en')).toBe('+53.1%');
    expect(formatVariancePercent(0, 'en')).toBe('0%');
    expect(formatVariancePercent(null, 'id')).toBe('—');
  });
});

describe('printing one report', () => {
  it('marks the page with the report while the print dialog is open, and clears it after', () => {
    const listeners = new Map<string, () => void>();
    const root = { dataset: {} as Record<string, string> };
    let markedWhilePrinting: string | undefined;
    const win = {
      document: { documentElement: root },
      addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
      print: () => {
        markedWhilePrinting = root.dataset['printing'];
      },
    } as unknown as Window;
    printReport('budget', win);
    expect(markedWhilePrinting).toBe('budget');
    listeners.get('afterprint')?.();
    expect(root.dataset['printing']).toBeUndefined();
  });
});
