import type { Call } from '@panggung/contracts';
import type { CrewEvent } from '@panggung/domain';
import { describe, expect, it } from 'vitest';
import { callNotices } from './crew.ts';
import type { Roster } from './roster.ts';

const productionId = '00000000-0000-4000-8000-0000000000f1';
const ayu = '00000000-0000-4000-8000-0000000000a1';
const eko = '00000000-0000-4000-8000-0000000000a2';
const fajar = '00000000-0000-4000-8000-0000000000a3';
const sari = '00000000-0000-4000-8000-0000000000a4';
const gone = '00000000-0000-4000-8000-0000000000a5';
const day = '2027-03-20';
const roster: Roster = new Map([
  [ayu, ['production_manager']],
  [eko, ['crew']],
  [fajar, ['crew']],
  [sari, ['crew']],
]);
const call = (personId: string, shift: string): Call => ({
  shiftId: `00000000-0000-4000-8000-00000000000${shift}`,
  personId,
  department: 'sound',
  key: false,
  callAt: '2027-03-20T01:00:00.000Z',
  startsAt: '2027-03-20T02:00:00.000Z',
  endsAt: '2027-03-20T10:00:00.000Z',
  location: 'GBK Madya',
});
const published = (
  version: number,
  calls: Call[],
  affectedPersonIds: string[],
  acknowledgeBy: string[],
): CrewEvent => ({
  type: 'CallSheetPublished',
  data: {
    productionId,
    day,
    version,
    calls,
    affectedPersonIds,
    acknowledgeBy,
    publishedAt: '2027-03-18T00:00:00Z',
  },
});

describe('callNotices', () => {
  it('tells everyone on a first publication that their call is published, except the publisher', () => {
    const event = published(1, [call(eko, '1'), call(ayu, '2')], [ayu, eko], [ayu, eko]);
    expect(callNotices(event, undefined, roster, ayu)).toEqual([
      { personId: eko, day, kind: 'call.published' },
    ]);
  });

  it('on a republication asks the changed to acknowledge again, tells the newly called and the removed', () => {
    const previous = [call(eko, '1'), call(sari, '2')];
    const event = published(2, [call(eko, '1'), call(fajar, '3')], [eko, fajar, sari], [eko, fajar]);
    expect(callNotices(event, previous, roster, ayu)).toEqual([
      { personId: eko, day, kind: 'call.reacknowledge' },
      { personId: fajar, day, kind: 'call.published' },
      { personId: sari, day, kind: 'call.removed' },
    ]);
  });

  it('tells nobody who left the production', () => {
    const event = published(1, [call(gone, '1')], [gone], [gone]);
    expect(callNotices(event, undefined, roster, ayu)).toEqual([]);
  });

  it('reminds the person a reminder names, and escalates to the managers naming the people', () => {
    expect(
      callNotices(
        { type: 'CallReminderSent', data: { productionId, day, version: 1, personId: eko } },
        undefined,
        roster,
        undefined,
      ),
    ).toEqual([{ personId: eko, day, kind: 'call.reminder' }]);
    expect(
      callNotices(
        { type: 'CallEscalated', data: { productionId, day, version: 1, personIds: [eko, sari] } },
        undefined,
        roster,
        undefined,
      ),
    ).toEqual([{ personId: ayu, day, kind: 'call.escalated', personIds: [eko, sari] }]);
  });

  it('tells nobody of acknowledgements and schedule edits', () => {
    const ack: CrewEvent = {
      type: 'CallAcknowledged',
      data: { productionId, day, version: 1, personId: eko, acknowledgedAt: '2027-03-18T01:00:00Z' },
    };
    expect(callNotices(ack, undefined, roster, eko)).toEqual([]);
  });
});
