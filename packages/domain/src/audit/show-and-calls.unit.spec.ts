import { describe, expect, it } from 'vitest';
import { showRunOf } from '../show/rundown-plan.ts';
import { evolveRundown, initialRundownState, type RundownRecord } from '../show/rundown.ts';
import { C, live, productionId, rundownEvents, showDay } from '../show/show.fixtures.ts';
import { changesBetween } from './changes.ts';
import { productionAt, type AuditEvent } from './time-travel.ts';

const rundown = rundownEvents.reduce(evolveRundown, initialRundownState) as RundownRecord;
const run = showRunOf(rundown, '2027-03-14T21:55:00+07:00');
const eko = '99999999-9999-4999-8999-000000000011';
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

const events: AuditEvent[] = [
  {
    type: 'CallSheetPublished',
    streamId: `crew-${productionId}`,
    data: {
      productionId,
      day: showDay,
      version: 1,
      calls: [call],
      affectedPersonIds: [eko],
      acknowledgeBy: [eko],
      publishedAt: '2027-03-13T10:00:00+07:00',
    },
  },
  {
    type: 'CallAcknowledged',
    streamId: `crew-${productionId}`,
    data: {
      productionId,
      day: showDay,
      version: 1,
      personId: eko,
      acknowledgedAt: '2027-03-13T11:00:00+07:00',
    },
  },
  {
    type: 'ShowRunFrozen',
    streamId: `show-${productionId}-${showDay}`,
    data: { ...live('21:55', 'freeze-1'), run },
  },
  {
    type: 'CueStarted',
    streamId: `show-${productionId}-${showDay}`,
    data: { ...live('22:00', 'go-1'), cueId: run.cues[0]!.cueId, previousCueId: null },
  },
].map((event, i) => ({
  ...event,
  position: `7:${i + 1}`,
  recordedAt: `2027-03-14T1${i}:00:00.000Z`,
  actor: 'person:dewi',
}));

describe('the crew calls and the run of show at a past position', () => {
  it('shows who still owed an acknowledgement, and who had given it', () => {
    const published = productionAt(productionId, events.slice(0, 1)).crew.callSheets;
    expect(published).toMatchObject([{ day: showDay, version: 1, pending: [eko], acknowledged: [] }]);
    const acknowledged = productionAt(productionId, events.slice(0, 2)).crew.callSheets;
    expect(acknowledged).toMatchObject([{ pending: [], acknowledged: [eko] }]);
  });

  it('shows the show day ready before the first GO, then running on its first cue', () => {
    expect(productionAt(productionId, events.slice(0, 3)).shows).toEqual([
      { showDay, position: expect.objectContaining({ status: 'ready', currentCueId: null }) },
    ]);
    const running = productionAt(productionId, events).shows[0]?.position;
    expect(running).toMatchObject({ status: 'running', currentCueId: run.cues[0]!.cueId });
    expect(run.cues.map((cue) => cue.cueId)).toContain(C[1]);
  });

  it('names the cue that went and an actor that is no person', () => {
    const changes = changesBetween(events, { lang: 'en', names: new Map() });
    expect(changes.at(-1)?.summary).toBe(`GO: ${run.cues[0]!.title} (${showDay})`);
    expect(changes.every((change) => change.actorName === null)).toBe(true);
  });
});
