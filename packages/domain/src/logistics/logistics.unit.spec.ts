import type { EquipmentItem, LoadWindow, TransportRun } from '@panggung/contracts';
import { describe, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import {
  decideLogistics,
  evolveLogistics,
  initialLogisticsState,
  type LogisticsCommand,
  type LogisticsEvent,
} from './logistics.ts';

const spec = specification(decideLogistics, evolveLogistics, initialLogisticsState);
const metadata = { actor: 'person:ayu', now: '2027-03-01T09:00:00+07:00' };
const productionId = '11111111-1111-4111-8111-111111111111';
const cmd = <T extends LogisticsCommand['type']>(
  type: T,
  data: Omit<Extract<LogisticsCommand, { type: T }>['data'], 'productionId'>,
) => ({ type, data: { productionId, ...data }, metadata }) as unknown as LogisticsCommand;

const speakers: EquipmentItem = {
  itemId: 'speakers',
  department: 'sound',
  name: 'Line array L-Acoustics K2',
  quantity: 24,
  source: { kind: 'contract', contractId: 'contract-sound' },
};
const run: TransportRun = {
  runId: 'run-1',
  from: 'Gudang Cibubur',
  to: 'GBK Madya',
  departsAt: '2027-03-19T05:00:00+07:00',
  arrivesAt: '2027-03-19T07:00:00+07:00',
  vehicle: 'Truk Fuso B 9123 XY',
  cargo: ['speakers'],
};
const loadIn: LoadWindow = {
  windowId: 'in',
  kind: 'load_in',
  startsAt: '2027-03-19T08:00:00+07:00',
  endsAt: '2027-03-19T18:00:00+07:00',
};
const itemAdded: LogisticsEvent = { type: 'EquipmentAdded', data: { productionId, item: speakers } };
const runScheduled: LogisticsEvent = { type: 'TransportRunScheduled', data: { productionId, run } };
const windowScheduled: LogisticsEvent = {
  type: 'LoadWindowScheduled',
  data: { productionId, window: loadIn },
};

describe('SetVenueDetails', () => {
  const venue = { location: 'GBK Madya', powerKva: 500, powerPhases: 3 as const, capacity: 8000 };
  it('records the venue', () =>
    spec
      .given([])
      .when(cmd('SetVenueDetails', { venue }))
      .then([{ type: 'VenueDetailsSet', data: { productionId, venue } }]));
  it('refuses phases without kVA and a blank name', () => {
    spec
      .given([])
      .when(cmd('SetVenueDetails', { venue: { location: 'GBK', powerPhases: 3 } }))
      .thenThrows('VALIDATION', /kVA/, 'powerKva');
    spec
      .given([])
      .when(cmd('SetVenueDetails', { venue: { location: ' ' } }))
      .thenThrows('VALIDATION', /name/, 'location');
  });
});

describe('equipment', () => {
  it('adds an item from a contract or owned stock', () =>
    spec
      .given([])
      .when(cmd('AddEquipment', { item: speakers }))
      .then([itemAdded]));
  it('refuses the same item twice, a quantity below 1 and a blank name', () => {
    spec
      .given([itemAdded])
      .when(cmd('AddEquipment', { item: speakers }))
      .thenThrows('ILLEGAL_STATE', /already/, 'itemId');
    spec
      .given([])
      .when(cmd('AddEquipment', { item: { ...speakers, quantity: 0 } }))
      .thenThrows('VALIDATION', /quantity/, 'quantity');
    spec
      .given([])
      .when(cmd('AddEquipment', { item: { ...speakers, name: ' ' } }))
      .thenThrows('VALIDATION', /name/, 'name');
  });
  it('removes an item, but not one on a run or one that is not there', () => {
    spec
      .given([itemAdded])
      .when(cmd('RemoveEquipment', { itemId: 'speakers' }))
      .then([{ type: 'EquipmentRemoved', data: { productionId, itemId: 'speakers' } }]);
    spec
      .given([itemAdded, runScheduled])
      .when(cmd('RemoveEquipment', { itemId: 'speakers' }))
      .thenThrows('ILLEGAL_STATE', /Gudang Cibubur → GBK Madya/, 'itemId');
    spec
      .given([])
      .when(cmd('RemoveEquipment', { itemId: 'x' }))
      .thenThrows('NOT_FOUND', undefined, 'itemId');
  });
});

describe('transport runs', () => {
  it('schedules a run with cargo and cancels it', () => {
    spec.given([itemAdded]).when(cmd('ScheduleTransportRun', { run })).then([runScheduled]);
    spec
      .given([itemAdded, runScheduled])
      .when(cmd('CancelTransportRun', { runId: 'run-1' }))
      .then([{ type: 'TransportRunCancelled', data: { productionId, runId: 'run-1' } }]);
  });
  it('refuses a run that arrives before it departs, goes nowhere, or carries unknown or doubled cargo', () => {
    spec
      .given([itemAdded])
      .when(cmd('ScheduleTransportRun', { run: { ...run, arrivesAt: run.departsAt } }))
      .thenThrows('VALIDATION', /end after/, 'arrivesAt');
    spec
      .given([itemAdded])
      .when(cmd('ScheduleTransportRun', { run: { ...run, to: 'gudang cibubur' } }))
      .thenThrows('VALIDATION', /somewhere/, 'to');
    spec
      .given([itemAdded])
      .when(cmd('ScheduleTransportRun', { run: { ...run, cargo: ['speakers', 'ghost'] } }))
      .thenThrows('NOT_FOUND', /ghost/, 'cargo/1');
    spec
      .given([itemAdded])
      .when(cmd('ScheduleTransportRun', { run: { ...run, cargo: ['speakers', 'speakers'] } }))
      .thenThrows('VALIDATION', /twice/, 'cargo');
  });
  it('refuses the same run twice and cancelling an unknown run', () => {
    spec
      .given([itemAdded, runScheduled])
      .when(cmd('ScheduleTransportRun', { run }))
      .thenThrows('ILLEGAL_STATE', /already/);
    spec
      .given([])
      .when(cmd('CancelTransportRun', { runId: 'x' }))
      .thenThrows('NOT_FOUND', undefined, 'runId');
  });
});

describe('load windows', () => {
  it('schedules a load-in and removes it', () => {
    spec
      .given([])
      .when(cmd('ScheduleLoadWindow', { window: loadIn }))
      .then([windowScheduled]);
    spec
      .given([windowScheduled])
      .when(cmd('RemoveLoadWindow', { windowId: 'in' }))
      .then([{ type: 'LoadWindowRemoved', data: { productionId, windowId: 'in' } }]);
  });
  it('refuses a window that overlaps another, naming it in WIB', () =>
    spec
      .given([windowScheduled])
      .when(
        cmd('ScheduleLoadWindow', {
          window: {
            ...loadIn,
            windowId: 'out',
            kind: 'load_out',
            startsAt: '2027-03-19T17:00:00+07:00',
            endsAt: '2027-03-19T23:00:00+07:00',
          },
        }),
      )
      .thenThrows(
        'ILLEGAL_STATE',
        /overlaps Load-in 2027-03-19 08:00 WIB – 2027-03-19 18:00 WIB/,
        'startsAt',
      ));
  it('refuses a window that ends before it starts, the same window twice, removing an unknown one', () => {
    spec
      .given([])
      .when(cmd('ScheduleLoadWindow', { window: { ...loadIn, endsAt: loadIn.startsAt } }))
      .thenThrows('VALIDATION', /end after/, 'endsAt');
    spec
      .given([windowScheduled])
      .when(cmd('ScheduleLoadWindow', { window: loadIn }))
      .thenThrows('ILLEGAL_STATE', /already/);
    spec
      .given([])
      .when(cmd('RemoveLoadWindow', { windowId: 'x' }))
      .thenThrows('NOT_FOUND', undefined, 'windowId');
  });
});
