import type { TransportRun } from '@panggung/contracts';
import { evolveLogistics, initialLogisticsState, type LogisticsEvent } from '@panggung/domain';
import { describe, expect, it } from 'vitest';
import { runLine, transportNotices } from './logistics.ts';

const productionId = '00000000-0000-4000-8000-0000000000f1';
const ayu = '00000000-0000-4000-8000-0000000000a1';
const joko = '00000000-0000-4000-8000-0000000000a8';
const run: TransportRun = {
  runId: '00000000-0000-4000-8000-0000000000b1',
  from: 'Gudang Cibubur',
  to: 'GBK Madya',
  departsAt: '2027-03-19T00:00:00.000Z',
  arrivesAt: '2027-03-19T02:00:00.000Z',
  vehicle: 'Truk Fuso',
  driverId: joko,
  cargo: [],
};
const scheduled = (r: TransportRun): LogisticsEvent => ({
  type: 'TransportRunScheduled',
  data: { productionId, run: r },
});
const cancelled: LogisticsEvent = { type: 'TransportRunCancelled', data: { productionId, runId: run.runId } };

describe('transportNotices', () => {
  it('tells the driver of a scheduled run, unless the driver scheduled it', () => {
    expect(transportNotices(initialLogisticsState, scheduled(run), ayu)).toEqual([
      { personId: joko, kind: 'transport.assigned', run },
    ]);
    expect(transportNotices(initialLogisticsState, scheduled(run), joko)).toEqual([]);
    const { driverId: _, ...driverless } = run;
    expect(transportNotices(initialLogisticsState, scheduled(driverless), ayu)).toEqual([]);
  });

  it('tells the driver of a cancelled run, found in the state before it', () => {
    const state = evolveLogistics(initialLogisticsState, scheduled(run));
    expect(transportNotices(state, cancelled, ayu)).toEqual([
      { personId: joko, kind: 'transport.cancelled', run },
    ]);
    expect(transportNotices(initialLogisticsState, cancelled, ayu)).toEqual([]);
  });

  it('writes the route and vehicle for the feed', () => {
    expect(runLine(run)).toBe('Gudang Cibubur → GBK Madya (Truk Fuso)');
  });
});
