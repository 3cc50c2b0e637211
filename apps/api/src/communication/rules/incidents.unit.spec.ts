import type { IncidentEvent } from '@panggung/domain';
import { describe, expect, it } from 'vitest';
import { incidentLine, incidentNotices } from './incidents.ts';

const productionId = '00000000-0000-4000-8000-0000000000f1';
const incidentId = '00000000-0000-4000-8000-00000000000a';
const ayu = '00000000-0000-4000-8000-0000000000a1';
const dewi = '00000000-0000-4000-8000-0000000000a4';
const fajar = '00000000-0000-4000-8000-0000000000a6';
const at = '2027-03-14T13:00:00.000Z';
const assigned = (assigneeId: string): IncidentEvent => ({
  type: 'IncidentAssigned',
  data: { productionId, incidentId, assigneeId, assignedBy: dewi, at },
});

describe('incidentNotices', () => {
  it('tells the assignee of an assignment, unless they assigned it to themselves', () => {
    expect(incidentNotices(assigned(fajar), dewi, [ayu])).toEqual([
      { personId: fajar, kind: 'incident.assigned', incidentId },
    ]);
    expect(incidentNotices(assigned(dewi), dewi, [ayu])).toEqual([]);
  });

  it('tells every manager of an escalation (a workflow is the actor)', () => {
    const escalated: IncidentEvent = {
      type: 'IncidentEscalated',
      data: { productionId, incidentId, severity: 'critical', afterMinutes: 2, at },
    };
    expect(incidentNotices(escalated, undefined, [ayu, dewi])).toEqual([
      { personId: ayu, kind: 'incident.escalated', incidentId },
      { personId: dewi, kind: 'incident.escalated', incidentId },
    ]);
  });

  it('tells nobody of logging, acknowledgement and resolution (they are seen live)', () => {
    const logged: IncidentEvent = {
      type: 'IncidentLogged',
      data: {
        productionId,
        incidentId,
        severity: 'low',
        location: 'x',
        description: 'x',
        reportedBy: fajar,
        at,
        escalateAfterMinutes: 60,
      },
    };
    const acknowledged: IncidentEvent = {
      type: 'IncidentAcknowledged',
      data: { productionId, incidentId, by: fajar, at },
    };
    expect(incidentNotices(logged, fajar, [ayu])).toEqual([]);
    expect(incidentNotices(acknowledged, fajar, [ayu])).toEqual([]);
  });

  it('words the feed line from the incident', () => {
    expect(
      incidentLine({ severity: 'critical', location: 'Panggung kiri', description: 'Truss miring' }),
    ).toBe('[critical] Panggung kiri — Truss miring');
  });
});
