import { describe, expect, it } from 'vitest';
import { canSeeEvent } from '../access/visibility.ts';
import { specification } from '../testing/specification.ts';
import {
  DEFAULT_INCIDENT_ESCALATION,
  decideIncidents,
  evolveIncidents,
  incidentsByUrgency,
  initialIncidentsState,
  type IncidentActor,
  type IncidentCommand,
  type IncidentEvent,
} from './incidents.ts';

const spec = specification(decideIncidents, evolveIncidents, initialIncidentsState);
const now = '2027-03-14T13:05:00.000Z';
const metadata = { actor: 'person:x', now };
const productionId = '11111111-1111-4111-8111-111111111111';
const incidentId = 'd0000000-0000-4000-8000-000000000001';
const actor = (n: number, ...roles: IncidentActor['roles']): IncidentActor => ({
  personId: `a0000000-0000-4000-8000-00000000000${n}`,
  roles,
});
const ayu = actor(1, 'production_manager');
const dewi = actor(2, 'show_caller');
const eko = actor(3, 'crew');
const fajar = actor(4, 'crew');
const budi = actor(5, 'finance_approver');
const maya = actor(6, 'client');
const hendra = actor(7, 'vendor');

const cmd = <T extends IncidentCommand['type']>(
  type: T,
  data: Extract<IncidentCommand, { type: T }>['data'],
) => ({ type, data, metadata }) as IncidentCommand;

const log = (by: IncidentActor, extra: object = {}) =>
  cmd('LogIncident', {
    by,
    productionId,
    incidentId,
    severity: 'high',
    location: 'FOH',
    description: 'Feedback di monitor kiri',
    ...extra,
  });
const logged = (extra: object = {}): IncidentEvent => ({
  type: 'IncidentLogged',
  data: {
    productionId,
    incidentId,
    severity: 'high',
    location: 'FOH',
    description: 'Feedback di monitor kiri',
    reportedBy: eko.personId,
    at: now,
    escalateAfterMinutes: 5,
    ...extra,
  },
});
const assign = (by: IncidentActor, to: IncidentActor, assigneeIsTeam = true) =>
  cmd('AssignIncident', { by, productionId, incidentId, assigneeId: to.personId, assigneeIsTeam });
const assigned = (to = fajar, by = dewi, previous?: string): IncidentEvent => ({
  type: 'IncidentAssigned',
  data: {
    productionId,
    incidentId,
    assigneeId: to.personId,
    assignedBy: by.personId,
    at: now,
    ...(previous ? { previous } : {}),
  },
});
const acknowledged = (by = fajar): IncidentEvent => ({
  type: 'IncidentAcknowledged',
  data: { productionId, incidentId, by: by.personId, at: now },
});
const resolved: IncidentEvent = {
  type: 'IncidentResolved',
  data: { productionId, incidentId, by: fajar.personId, note: 'Kabel diganti', at: now },
};
const escalated: IncidentEvent = {
  type: 'IncidentEscalated',
  data: { productionId, incidentId, severity: 'high', afterMinutes: 5, at: now },
};
const escalate = cmd('EscalateIncident', { productionId, incidentId });
const minutes = { low: 30, medium: 10, high: 3, critical: 1 };

describe('logging an incident', () => {
  it('records it with the deadline of its severity (defaults: critical 2, high 5, medium 15, low 60)', () => {
    spec.given([]).when(log(eko)).then([logged()]);
    spec
      .given([])
      .when(log(eko, { severity: 'critical', cueRef: ' Q12 ', location: '  Panggung  ' }))
      .then([logged({ severity: 'critical', cueRef: 'Q12', location: 'Panggung', escalateAfterMinutes: 2 })]);
    expect(DEFAULT_INCIDENT_ESCALATION).toEqual({ low: 60, medium: 15, high: 5, critical: 2 });
  });

  it('uses the production’s own deadlines once set', () => {
    spec
      .given([{ type: 'IncidentEscalationSet', data: { productionId, minutes, by: ayu.personId } }])
      .when(log(eko))
      .then([logged({ escalateAfterMinutes: 3 })]);
  });

  it('is open to every internal role, refused to clients and vendors', () => {
    for (const by of [ayu, dewi, budi])
      spec
        .given([])
        .when(log(by))
        .then([logged({ reportedBy: by.personId })]);
    spec
      .given([])
      .when(log(maya))
      .thenThrows('FORBIDDEN', /production team/);
    spec.given([]).when(log(hendra)).thenThrows('FORBIDDEN');
  });

  it('refuses a blank location, description or cue reference, and an id logged before', () => {
    spec
      .given([])
      .when(log(eko, { location: '  ' }))
      .thenThrows('VALIDATION', /location/, 'location');
    spec
      .given([])
      .when(log(eko, { description: ' ' }))
      .thenThrows('VALIDATION', undefined, 'description');
    spec
      .given([])
      .when(log(eko, { cueRef: ' ' }))
      .thenThrows('VALIDATION', undefined, 'cueRef');
    spec
      .given([logged()])
      .when(log(eko))
      .thenThrows('ILLEGAL_STATE', /already logged/);
  });
});

describe('assigning', () => {
  it('by the show caller or a manager, to a member of the team; re-assigning names the previous one', () => {
    spec.given([logged()]).when(assign(dewi, fajar)).then([assigned()]);
    spec
      .given([logged()])
      .when(assign(ayu, eko))
      .then([assigned(eko, ayu)]);
    spec
      .given([logged(), assigned(), acknowledged()])
      .when(assign(ayu, eko))
      .then([assigned(eko, ayu, fajar.personId)]);
  });

  it('to the same person again changes nothing', () => {
    spec.given([logged(), assigned()]).when(assign(dewi, fajar)).then([]);
  });

  it('is refused to crew and finance, for an unknown or resolved incident, and to someone outside the team', () => {
    spec
      .given([logged()])
      .when(assign(eko, fajar))
      .thenThrows('FORBIDDEN', /manager or the show caller/);
    spec.given([logged()]).when(assign(budi, fajar)).thenThrows('FORBIDDEN');
    spec.given([]).when(assign(dewi, fajar)).thenThrows('NOT_FOUND', undefined, 'incidentId');
    spec
      .given([logged(), resolved])
      .when(assign(dewi, fajar))
      .thenThrows('ILLEGAL_STATE', /already resolved/);
    spec
      .given([logged()])
      .when(assign(dewi, hendra, false))
      .thenThrows('VALIDATION', /not in this production/, 'assigneeId');
  });
});

describe('acknowledging', () => {
  const ack = (by: IncidentActor) => cmd('AcknowledgeIncident', { by, productionId, incidentId });

  it('by the assignee', () => {
    spec.given([logged(), assigned()]).when(ack(fajar)).then([acknowledged()]);
  });

  it('is refused to anyone else, before assignment, twice, and once resolved', () => {
    spec
      .given([logged(), assigned()])
      .when(ack(ayu))
      .thenThrows('FORBIDDEN', /assigned to/);
    spec
      .given([logged()])
      .when(ack(fajar))
      .thenThrows('ILLEGAL_STATE', /not assigned/);
    spec
      .given([logged(), assigned(), acknowledged()])
      .when(ack(fajar))
      .thenThrows('ILLEGAL_STATE', /already/);
    spec
      .given([logged(), assigned(), resolved])
      .when(ack(fajar))
      .thenThrows('ILLEGAL_STATE', /resolved/);
    spec.given([]).when(ack(fajar)).thenThrows('NOT_FOUND');
  });

  it('is owed again by a new assignee', () => {
    spec
      .given([logged(), assigned(), acknowledged(), assigned(eko, ayu, fajar.personId)])
      .when(ack(eko))
      .then([acknowledged(eko)]);
  });
});

describe('resolving', () => {
  const resolve = (by: IncidentActor, note = 'Kabel diganti') =>
    cmd('ResolveIncident', { by, productionId, incidentId, note });

  it('by the assignee, the show caller or a manager, with a note', () => {
    spec.given([logged(), assigned()]).when(resolve(fajar)).then([resolved]);
    spec
      .given([logged()])
      .when(resolve(dewi, ' Sudah aman '))
      .then([{ ...resolved, data: { ...resolved.data, by: dewi.personId, note: 'Sudah aman' } }]);
  });

  it('is refused to other crew, without a note, twice, and for an unknown incident', () => {
    spec
      .given([logged(), assigned()])
      .when(resolve(eko))
      .thenThrows('FORBIDDEN', /assignee/);
    spec.given([logged(), assigned()]).when(resolve(fajar, '  ')).thenThrows('VALIDATION', undefined, 'note');
    spec
      .given([logged(), resolved])
      .when(resolve(ayu))
      .thenThrows('ILLEGAL_STATE', /already resolved/);
    spec.given([]).when(resolve(ayu)).thenThrows('NOT_FOUND');
  });
});

describe('escalating (the workflow, when the deadline passed)', () => {
  it('escalates an incident nobody acknowledged, assigned or not', () => {
    spec.given([logged()]).when(escalate).then([escalated]);
    spec.given([logged(), assigned()]).when(escalate).then([escalated]);
  });

  it('does nothing once acknowledged, resolved or escalated before', () => {
    spec.given([logged(), assigned(), acknowledged()]).when(escalate).then([]);
    spec.given([logged(), resolved]).when(escalate).then([]);
    spec.given([logged(), escalated]).when(escalate).then([]);
  });

  it('refuses an unknown incident', () => {
    spec.given([]).when(escalate).thenThrows('NOT_FOUND');
  });
});

describe('escalation deadlines', () => {
  const set = (by: IncidentActor, m: object) =>
    cmd('SetIncidentEscalation', { by, productionId, minutes: m as typeof minutes });

  it('are set by a manager', () => {
    spec
      .given([])
      .when(set(ayu, minutes))
      .then([{ type: 'IncidentEscalationSet', data: { productionId, minutes, by: ayu.personId } }]);
  });

  it('are refused to others, below a minute, and when a more severe incident would wait longer', () => {
    spec.given([]).when(set(dewi, minutes)).thenThrows('FORBIDDEN');
    spec
      .given([])
      .when(set(ayu, { ...minutes, critical: 0 }))
      .thenThrows('VALIDATION', undefined, 'minutes.critical');
    spec
      .given([])
      .when(set(ayu, { ...minutes, critical: 5 }))
      .thenThrows('VALIDATION', /critical ≤ high/, 'minutes');
  });
});

describe('the state', () => {
  it('folds the life of an incident', () => {
    const state = [logged({ cueRef: 'Q3' }), assigned(), escalated, acknowledged(), resolved].reduce(
      evolveIncidents,
      initialIncidentsState,
    );
    expect(state.incidents).toEqual([
      {
        incidentId,
        severity: 'high',
        location: 'FOH',
        description: 'Feedback di monitor kiri',
        cueRef: 'Q3',
        status: 'resolved',
        reportedBy: eko.personId,
        reportedAt: now,
        escalateAfterMinutes: 5,
        assigneeId: fajar.personId,
        assignedBy: dewi.personId,
        assignedAt: now,
        acknowledgedAt: now,
        escalatedAt: now,
        resolution: { by: fajar.personId, note: 'Kabel diganti', at: now },
      },
    ]);
  });

  it('orders by urgency: unresolved first, then severity, then newest', () => {
    const at = (minute: number) => `2027-03-14T13:${String(minute).padStart(2, '0')}:00.000Z`;
    const entry = (id: string, severity: 'low' | 'critical', minute: number, resolvedToo = false) => ({
      incidentId: id,
      severity,
      location: 'x',
      description: 'x',
      status: resolvedToo ? ('resolved' as const) : ('open' as const),
      reportedBy: eko.personId,
      reportedAt: at(minute),
      escalateAfterMinutes: 2,
    });
    const ordered = incidentsByUrgency([
      entry('a', 'low', 1),
      entry('b', 'critical', 2, true),
      entry('c', 'critical', 3),
      entry('d', 'low', 4),
    ]);
    expect(ordered.map((i) => i.incidentId)).toEqual(['c', 'd', 'a', 'b']);
  });
});

describe('who sees incident events (HTTP history and the live stream)', () => {
  it('the production team, never a client or a vendor', () => {
    const viewer = { personId: eko.personId };
    for (const event of [logged(), escalated, resolved]) {
      expect(canSeeEvent(event, viewer, ['production_manager'])).toBe(true);
      expect(canSeeEvent(event, viewer, ['crew'])).toBe(true);
      expect(canSeeEvent(event, viewer, ['client'])).toBe(false);
      expect(canSeeEvent(event, viewer, ['vendor'])).toBe(false);
    }
  });
});
