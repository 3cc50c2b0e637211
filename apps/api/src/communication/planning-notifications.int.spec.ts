import type { CrewSchedule, Notification } from '@panggung/contracts';
import { budgetStream, crewStream, phasesStream, productionStream, technicalStream } from '@panggung/domain';
import type { NewEvent } from '@panggung/event-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveSocket } from '../testing/live-socket.ts';
import { bearer, DEMO, startTestApi, type TestApi } from '../testing/test-api.ts';

/**
 * Planning events notify the people they concern: crew calls, milestones, forced gates, the settlement,
 * budget alerts and technical preparation. Workflow-made events are appended as their activities append
 * them (no worker runs in the API's tests); a call sheet is published through the API.
 */
let api: TestApi;
let base: string;
const sockets: LiveSocket[] = [];
beforeAll(async () => {
  api = await startTestApi('planning_notifications');
  base = await api.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await api.app.close();
});

const p = DEMO.people;
const productionId = DEMO.concertId;
const concert = `/api/productions/${productionId}`;
const emails = {
  rina: 'rina@gema.test',
  ayu: 'ayu@gema.test',
  budi: 'budi@gema.test',
  dewi: 'dewi@gema.test',
  eko: 'eko@gema.test',
  fajar: 'fajar@gema.test',
  sari: 'sari@gema.test',
  maya: 'maya@sinarcahaya.test',
} as const;
type Who = keyof typeof emails;

const call = async (who: Who, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  api.app.inject({
    method,
    url,
    headers: bearer(await api.signIn(emails[who])),
    ...(payload ? { payload } : {}),
  });

/** A person's notifications of some kinds, newest first. */
async function notified(who: Who, ...kinds: Notification['kind'][]): Promise<Notification[]> {
  const page = (await call(who, 'GET', '/api/me/notifications?limit=100')).json() as {
    items: Notification[];
  };
  return page.items.filter((n) => kinds.includes(n.kind));
}

/** Appends as a workflow's activity or a command would, and waits for the read models. */
async function append(stream: string, events: NewEvent[], actor: string) {
  const appended = await api.app.store.append(stream, 'any', events, {
    metadata: { actor, productionId },
  });
  await api.app.projections.waitFor({
    transactionId: appended.transactionId,
    position: appended.lastPosition,
  });
}
const data = (value: object) => value as NewEvent['data'];

const day = '2027-03-15';
const shift = (personId: string, department: string, hour: number) => ({
  personId,
  startsAt: `${day}T${hour + 1}:00:00+07:00`,
  endsAt: `${day}T${hour + 9}:00:00+07:00`,
  callAt: `${day}T${hour}:00:00+07:00`,
  location: 'Lapangan Banteng',
  department,
  key: false,
});

describe('crew calls', () => {
  it('a published call tells each person on it; a republish asks the changed again and tells the removed and the new', async () => {
    const assign = async (body: object) => {
      const response = await call('ayu', 'POST', `${concert}/crew/shifts`, body);
      expect(response.statusCode).toBe(201);
      return (response.json() as CrewSchedule).shifts;
    };
    await assign(shift(p.sound, 'sound', 10));
    const shifts = await assign(shift(p.lighting, 'lighting', 10));
    expect((await call('ayu', 'POST', `${concert}/crew/call-sheets/${day}/publish`)).statusCode).toBe(201);
    for (const who of ['eko', 'fajar'] as const)
      expect(await notified(who, 'call.published')).toMatchObject([
        { productionId, payload: { day, actorId: p.manager, actorName: 'Ayu Lestari' } },
      ]);
    expect(await notified('ayu', 'call.published')).toEqual([]);

    const eko = shifts.find((s) => s.personId === p.sound)!;
    const fajar = shifts.find((s) => s.personId === p.lighting)!;
    expect(
      (
        await call('ayu', 'PATCH', `${concert}/crew/shifts/${eko.shiftId}`, {
          startsAt: `${day}T12:00:00+07:00`,
          endsAt: `${day}T20:00:00+07:00`,
          callAt: `${day}T11:00:00+07:00`,
        })
      ).statusCode,
    ).toBe(200);
    expect((await call('ayu', 'DELETE', `${concert}/crew/shifts/${fajar.shiftId}`)).statusCode).toBe(200);
    await assign(shift(p.video, 'video', 10));
    expect((await call('ayu', 'POST', `${concert}/crew/call-sheets/${day}/publish`)).statusCode).toBe(201);

    expect(await notified('eko', 'call.reacknowledge')).toMatchObject([{ payload: { day } }]);
    expect(await notified('fajar', 'call.removed')).toMatchObject([{ payload: { day } }]);
    expect(await notified('fajar', 'call.reacknowledge', 'call.published')).toHaveLength(1);
    expect(await notified('sari', 'call.published')).toMatchObject([{ payload: { day } }]);
    expect(await notified('eko', 'call.published')).toHaveLength(1);
  });

  it('a reminder tells its person; an escalation tells the managers whom it is about', async () => {
    await append(
      crewStream(productionId),
      [
        { type: 'CallReminderSent', data: data({ productionId, day, version: 2, personId: p.sound }) },
        {
          type: 'CallEscalated',
          data: data({ productionId, day, version: 2, personIds: [p.sound, p.video] }),
        },
      ],
      'workflow:crew-calls',
    );
    const [reminder] = await notified('eko', 'call.reminder');
    expect(reminder).toMatchObject({ payload: { day } });
    expect(reminder?.payload.actorId).toBeUndefined();
    expect(await notified('ayu', 'call.escalated')).toMatchObject([
      { payload: { day, personIds: [p.sound, p.video], excerpt: 'Eko Prasetyo, Sari Putri' } },
    ]);
    expect(await notified('budi', 'call.escalated', 'call.reminder')).toEqual([]);
    expect(await notified('sari', 'call.escalated')).toEqual([]);
  });
});

describe('phases', () => {
  it('a milestone due soon tells its owner and the managers', async () => {
    const taskId = '7a5c0000-0000-4000-8000-00000000a001';
    await append(
      phasesStream(productionId),
      [
        {
          type: 'MilestoneReminderSent',
          data: data({
            productionId,
            taskId,
            title: 'Load-in selesai',
            ownerId: p.stage,
            dueAt: '2027-03-14T10:00:00.000Z',
            leadMs: 86_400_000,
          }),
        },
      ],
      'workflow:production',
    );
    const expected = [
      {
        payload: {
          item: { kind: 'task', id: taskId },
          excerpt: 'Load-in selesai',
          dueAt: '2027-03-14T10:00:00.000Z',
        },
      },
    ];
    expect(await notified('ayu', 'milestone.reminder')).toMatchObject(expected);
    const joko = (
      await api.app.inject({
        method: 'GET',
        url: '/api/me/notifications',
        headers: bearer(await api.signIn('joko@gema.test')),
      })
    ).json() as { items: Notification[] };
    expect(joko.items.filter((n) => n.kind === 'milestone.reminder')).toMatchObject(expected);
    expect(await notified('budi', 'milestone.reminder')).toEqual([]);
  });

  it('a forced gate tells the managers and the admins, with its reason, not the one who forced it; a passed gate tells nobody', async () => {
    const reason = 'Checklist video menyusul besok pagi';
    await append(
      productionStream(productionId),
      [
        {
          type: 'ProductionPhaseChanged',
          data: data({ productionId, from: 'planning', to: 'pre_production' }),
        },
        {
          type: 'ProductionPhaseChanged',
          data: data({
            productionId,
            from: 'pre_production',
            to: 'technical_rehearsal',
            forced: { reason, byPersonId: p.manager, missing: [] },
          }),
        },
      ],
      `person:${p.manager}`,
    );
    expect(await notified('rina', 'phase.forced')).toMatchObject([
      { payload: { phase: 'technical_rehearsal', excerpt: reason, actorName: 'Ayu Lestari' } },
    ]);
    expect(await notified('ayu', 'phase.forced')).toEqual([]);
    expect(await notified('budi', 'phase.forced')).toEqual([]);
  });

  it('the settlement tells finance approvers and managers what is left to pay', async () => {
    await append(
      phasesStream(productionId),
      [{ type: 'SettlementOpened', data: data({ productionId, unpaid: [], total: 85_000_000 }) }],
      'workflow:production',
    );
    for (const who of ['ayu', 'budi'] as const)
      expect(await notified(who, 'settlement.opened')).toMatchObject([{ payload: { amount: 85_000_000 } }]);
    expect(await notified('eko', 'settlement.opened')).toEqual([]);
  });
});

describe('budget', () => {
  it('an alert and an approved overrun tell the managers and finance approvers, never crew or the client', async () => {
    await append(
      budgetStream(productionId),
      [
        {
          type: 'BudgetAlertRaised',
          data: data({
            productionId,
            category: 'sound',
            kind: 'committed_over_estimate',
            estimate: 120_000_000,
            amount: 150_000_000,
          }),
        },
      ],
      `person:${p.manager}`,
    );
    expect(await notified('budi', 'budget.committed_over_estimate')).toMatchObject([
      { payload: { category: 'sound', estimate: 120_000_000, amount: 150_000_000 } },
    ]);
    // The manager's own command raised it.
    expect(await notified('ayu', 'budget.committed_over_estimate')).toEqual([]);
    await append(
      budgetStream(productionId),
      [
        {
          type: 'BudgetOverrunApproved',
          data: data({
            productionId,
            category: 'sound',
            reason: 'Tambahan sistem delay untuk tribun',
            approvedBy: p.finance,
            estimate: 120_000_000,
            committed: 150_000_000,
            actual: 0,
          }),
        },
      ],
      `person:${p.finance}`,
    );
    expect(await notified('ayu', 'budget.overrun_approved')).toMatchObject([
      {
        payload: {
          category: 'sound',
          excerpt: 'Tambahan sistem delay untuk tribun',
          actorName: 'Budi Santoso',
        },
      },
    ]);
    expect(await notified('budi', 'budget.overrun_approved')).toEqual([]);
    for (const who of ['eko', 'maya'] as const)
      expect(await notified(who, 'budget.committed_over_estimate', 'budget.overrun_approved')).toEqual([]);
  });
});

describe('technical preparation', () => {
  it('a reopened checklist tells its head; a rehearsal issue tells the head and the show caller', async () => {
    await append(
      technicalStream(productionId),
      [
        {
          type: 'DepartmentHeadAssigned',
          data: data({ productionId, department: 'sound', personId: p.sound }),
        },
        {
          type: 'DepartmentChecklistReopened',
          data: data({ productionId, department: 'sound', because: 'item_added' }),
        },
        {
          type: 'RehearsalIssueRecorded',
          data: data({
            productionId,
            issueId: '1550e000-0000-4000-8000-000000000001',
            department: 'sound',
            description: 'Feedback di monitor kiri',
            severity: 'high',
            recordedBy: p.manager,
            at: '2027-03-14T12:00:00.000Z',
          }),
        },
      ],
      `person:${p.manager}`,
    );
    expect(await notified('eko', 'checklist.reopened')).toMatchObject([{ payload: { department: 'sound' } }]);
    expect(await notified('fajar', 'checklist.reopened')).toEqual([]);
    for (const who of ['eko', 'dewi'] as const)
      expect(await notified(who, 'rehearsal.issue_recorded')).toMatchObject([
        { payload: { department: 'sound', excerpt: 'Feedback di monitor kiri' } },
      ]);
    expect(await notified('ayu', 'rehearsal.issue_recorded', 'checklist.reopened')).toEqual([]);
  });
});

describe('live', () => {
  it('sends a planning notification to its person as it happens', async () => {
    const socket = LiveSocket.connect(base, await api.signIn(emails.eko));
    sockets.push(socket);
    await socket.opened;
    socket.send({ type: 'subscribe', productionIds: [productionId] });
    await socket.waitFor((m) => m.type === 'subscribed');
    await append(
      crewStream(productionId),
      [{ type: 'CallReminderSent', data: data({ productionId, day, version: 3, personId: p.sound }) }],
      'workflow:crew-calls',
    );
    const message = await socket.waitFor((m) => m.type === 'notification');
    expect(message).toMatchObject({ notification: { kind: 'call.reminder', payload: { day } } });
  });
});
