import {
  approved,
  ayu,
  budi,
  budgetChecked,
  drafted,
  opened,
  productionId,
  rfqId,
  submitted,
  vendorId,
} from '../contracts/contract.fixtures.ts';
import { showRunOf } from '../show/rundown-plan.ts';
import { evolveRundown, initialRundownState, type RundownRecord } from '../show/rundown.ts';
import * as show from '../show/show.fixtures.ts';
import type { AuditEvent } from './time-travel.ts';

/** Histories of one production as time travel reads them, for the audit unit tests. */

const organisationId = '22222222-2222-4222-8222-222222222222';
export const shiftId = '33333333-3333-4333-8333-333333333333';

/** Stored events in global order: one a minute from 09:00 WIB. */
function history(events: readonly { type: string; data: object; streamId: string; actor?: string }[]) {
  return events.map((event, i): AuditEvent => ({
    streamId: event.streamId,
    type: event.type,
    data: event.data,
    position: `${100 + i}:${i + 1}`,
    recordedAt: new Date(Date.parse('2027-01-20T02:00:00Z') + i * 60_000).toISOString(),
    actor: event.actor ?? `person:${ayu.personId}`,
  }));
}

const contract = (event: { type: string; data: object }, actor?: string) => ({
  ...event,
  streamId: 'contract-x',
  ...(actor ? { actor } : {}),
});

export const events = history([
  {
    streamId: `production-${productionId}`,
    type: 'ProductionCreated',
    data: {
      productionId,
      organisationId,
      details: {
        name: 'Konser Senja',
        kind: 'concert',
        venue: { name: 'Istora', city: 'Jakarta' },
        startsAt: '2027-03-14T10:00:00Z',
        endsAt: '2027-03-14T16:00:00Z',
        timeZone: 'Asia/Jakarta',
        currency: 'IDR',
      },
    },
  },
  {
    streamId: `budget-${productionId}`,
    type: 'BudgetEstimateSet',
    data: { productionId, category: 'sound', estimate: 60_000_000, previous: 0 },
  },
  {
    streamId: `rfq-${rfqId}`,
    type: 'RfqIssued',
    data: {
      productionId,
      rfqId,
      category: 'sound',
      title: 'Sistem tata suara',
      vendorIds: [vendorId],
      deadline: '2027-01-25T10:00:00Z',
      issuedBy: ayu.personId,
    },
  },
  contract(drafted()),
  ...submitted().map((e) => contract(e)),
  contract(approved('manager_review', ayu)),
  contract(opened('budget_check'), 'workflow:contract-approval'),
  contract(budgetChecked(false), 'workflow:contract-approval'),
  contract(opened('finance_overrun', budi.personId, 'finance_approver'), 'workflow:contract-approval'),
  contract(approved('finance_overrun', budi), `person:${budi.personId}`),
  {
    streamId: `production-${productionId}`,
    type: 'ProductionPhaseChanged',
    data: { productionId, from: 'planning', to: 'pre_production' },
  },
  {
    streamId: `crew-${productionId}`,
    type: 'ShiftAssigned',
    data: {
      productionId,
      shift: {
        shiftId,
        personId: budi.personId,
        productionId,
        startsAt: '2027-03-14T08:00:00Z',
        endsAt: '2027-03-14T16:00:00Z',
        callAt: '2027-03-14T07:30:00Z',
        location: 'Istora',
        department: 'sound',
        key: false,
      },
    },
  },
  { streamId: `logistics-${productionId}`, type: 'TruckArrived', data: { productionId } },
]);

const rundown = show.rundownEvents.reduce(evolveRundown, initialRundownState) as RundownRecord;
export const run = showRunOf(rundown, '2027-03-14T21:55:00+07:00');
export const eko = '99999999-9999-4999-8999-000000000011';
const call = {
  shiftId: '33333333-3333-4333-8333-333333333333',
  personId: eko,
  department: 'sound' as const,
  key: true,
  callAt: '2027-03-14T07:30:00+07:00',
  startsAt: '2027-03-14T08:00:00+07:00',
  endsAt: '2027-03-14T16:00:00+07:00',
  location: 'Lapangan Banteng',
};

/** A call sheet published and acknowledged, then a show frozen and its first cue started. */
export const showEvents: AuditEvent[] = [
  {
    type: 'CallSheetPublished',
    streamId: `crew-${show.productionId}`,
    data: {
      productionId: show.productionId,
      day: show.showDay,
      version: 1,
      calls: [call],
      affectedPersonIds: [eko],
      acknowledgeBy: [eko],
      publishedAt: '2027-03-13T10:00:00+07:00',
    },
  },
  {
    type: 'CallAcknowledged',
    streamId: `crew-${show.productionId}`,
    data: {
      productionId: show.productionId,
      day: show.showDay,
      version: 1,
      personId: eko,
      acknowledgedAt: '2027-03-13T11:00:00+07:00',
    },
  },
  {
    type: 'ShowRunFrozen',
    streamId: `show-${show.productionId}-${show.showDay}`,
    data: { ...show.live('21:55', 'freeze-1'), run },
  },
  {
    type: 'CueStarted',
    streamId: `show-${show.productionId}-${show.showDay}`,
    data: { ...show.live('22:00', 'go-1'), cueId: run.cues[0]!.cueId, previousCueId: null },
  },
].map((event, i) => ({
  ...event,
  position: `7:${i + 1}`,
  recordedAt: `2027-03-14T1${i}:00:00.000Z`,
  actor: 'person:dewi',
}));
