import type { Incident } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { canSeeIncidents, incidentActions, incidentSummary } from './incidents.ts';

const eko = '00000000-0000-4000-8000-0000000000a5';
const fajar = '00000000-0000-4000-8000-0000000000a6';
const incident = (changes: Partial<Incident> = {}): Incident => ({
  incidentId: '00000000-0000-4000-8000-000000000001',
  severity: 'high',
  location: 'FOH',
  description: 'Feedback',
  status: 'open',
  reportedBy: eko,
  reportedAt: '2027-03-14T13:00:00.000Z',
  escalateAfterMinutes: 5,
  ...changes,
});

describe('incidents', () => {
  it('are for the internal team', () => {
    expect(canSeeIncidents(['crew'])).toBe(true);
    expect(canSeeIncidents(['client'])).toBe(false);
    expect(canSeeIncidents(['vendor'])).toBe(false);
  });

  it('are assigned by the show caller and managers, acknowledged by the assignee, resolved by either', () => {
    expect(incidentActions(incident(), eko, ['show_caller'])).toEqual({
      canAssign: true,
      canAcknowledge: false,
      canResolve: true,
    });
    expect(incidentActions(incident(), eko, ['crew'])).toEqual({
      canAssign: false,
      canAcknowledge: false,
      canResolve: false,
    });
    const assigned = incident({ status: 'assigned', assigneeId: fajar });
    expect(incidentActions(assigned, fajar, ['crew'])).toEqual({
      canAssign: false,
      canAcknowledge: true,
      canResolve: true,
    });
    expect(incidentActions({ ...assigned, status: 'acknowledged' }, fajar, ['crew']).canAcknowledge).toBe(
      false,
    );
    expect(incidentActions({ ...assigned, status: 'resolved' }, fajar, ['production_manager'])).toEqual({
      canAssign: false,
      canAcknowledge: false,
      canResolve: false,
    });
  });

  it('summarise the open ones, the urgent and the escalated', () => {
    expect(
      incidentSummary([
        incident({ severity: 'critical', escalatedAt: '2027-03-14T13:02:00.000Z' }),
        incident({ severity: 'low' }),
        incident({ severity: 'high', status: 'resolved' }),
      ]),
    ).toEqual({ open: 2, urgent: 1, escalated: 1 });
  });
});
