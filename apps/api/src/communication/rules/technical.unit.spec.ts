import { evolveTechnical, initialTechnicalState, type TechnicalEvent } from '@panggung/domain';
import { describe, expect, it } from 'vitest';
import type { Roster } from './roster.ts';
import { technicalNotices } from './technical.ts';

const productionId = '00000000-0000-4000-8000-0000000000f1';
const ayu = '00000000-0000-4000-8000-0000000000a1';
const dewi = '00000000-0000-4000-8000-0000000000a4';
const eko = '00000000-0000-4000-8000-0000000000a3';
const fajar = '00000000-0000-4000-8000-0000000000a6';
const roster: Roster = new Map([
  [ayu, ['production_manager']],
  [dewi, ['show_caller']],
  [eko, ['crew']],
  [fajar, ['crew']],
]);
const head = (personId: string): TechnicalEvent => ({
  type: 'DepartmentHeadAssigned',
  data: { productionId, department: 'sound', personId },
});
const given = (...events: TechnicalEvent[]) => events.reduce(evolveTechnical, initialTechnicalState);
const reopened: TechnicalEvent = {
  type: 'DepartmentChecklistReopened',
  data: { productionId, department: 'sound', because: 'item_added' },
};
const issue = (recordedBy: string): TechnicalEvent => ({
  type: 'RehearsalIssueRecorded',
  data: {
    productionId,
    issueId: '00000000-0000-4000-8000-0000000000b1',
    department: 'sound',
    description: 'Feedback di monitor kiri',
    severity: 'high',
    recordedBy,
    at: '2027-03-19T12:00:00.000Z',
  },
});

describe('technicalNotices', () => {
  it('tells the department’s head (as the stream stood) that the checklist must be signed off again', () => {
    expect(technicalNotices(given(head(fajar), head(eko)), reopened, roster, ayu)).toEqual([
      { personId: eko, kind: 'checklist.reopened', payload: { department: 'sound' } },
    ]);
    expect(technicalNotices(given(head(eko)), reopened, roster, eko)).toEqual([]);
    expect(technicalNotices(initialTechnicalState, reopened, roster, ayu)).toEqual([]);
  });

  it('tells the head and the show callers of a rehearsal issue, not who recorded it', () => {
    const payload = {
      department: 'sound',
      issueId: '00000000-0000-4000-8000-0000000000b1',
      excerpt: 'Feedback di monitor kiri',
    };
    expect(technicalNotices(given(head(eko)), issue(ayu), roster, ayu)).toEqual([
      { personId: eko, kind: 'rehearsal.issue_recorded', payload },
      { personId: dewi, kind: 'rehearsal.issue_recorded', payload },
    ]);
    expect(technicalNotices(given(head(eko)), issue(dewi), roster, dewi).map((n) => n.personId)).toEqual([
      eko,
    ]);
    expect(technicalNotices(initialTechnicalState, issue(ayu), roster, ayu).map((n) => n.personId)).toEqual([
      dewi,
    ]);
  });

  it('tells nobody of a head’s assignment or a fix', () => {
    expect(technicalNotices(initialTechnicalState, head(eko), roster, ayu)).toEqual([]);
  });
});
