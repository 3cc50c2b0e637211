import type { Incidents } from '@panggung/contracts';
import type { EventStore } from '@panggung/event-store';
import { freshNamespace, testTemporalAddress, uniqueTaskQueue } from '@panggung/infra/testing';
import { createActivities } from '@panggung/worker';
import { incidentWorkflowId, type incidentEscalationWorkflow } from '@panggung/workflows';
import { quietTemporalRuntime, testWorkflowBundle } from '@panggung/workflows/testing';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LiveSocket } from '../testing/live-socket.ts';
import { bearer, DEMO, startTestApi, type TestApi } from '../testing/test-api.ts';

/**
 * Incidents through the API, with a worker in this process on this test's own task queue (the API's
 * reactor starts each incident's escalation workflow there).
 */
let api: TestApi;
let connection: NativeConnection;
let worker: Worker;
let running: Promise<void>;
let base: string;
const sockets: LiveSocket[] = [];
const url = `/api/productions/${DEMO.concertId}/incidents`;

beforeAll(async () => {
  quietTemporalRuntime();
  const taskQueue = uniqueTaskQueue('api-incidents');
  const address = testTemporalAddress();
  const namespace = await freshNamespace('incidents');
  api = await startTestApi('incidents', {
    temporal: { address, namespace, taskQueue, tls: false, apiKey: undefined },
  });
  connection = await NativeConnection.connect({ address });
  worker = await Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowBundle: await testWorkflowBundle(),
    activities: createActivities({ store: api.app.store as unknown as EventStore }),
  });
  running = worker.run();
  base = await api.app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  worker?.shutdown();
  await running;
  await connection?.close();
  await api?.app.close();
});

const call = async (email: string, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) =>
  api.app.inject({
    method,
    url: path,
    headers: bearer(await api.signIn(email)),
    ...(payload ? { payload } : {}),
  });

/** Events in the concert's incidents stream ("nothing written": the production workflows run beside). */
const written = async () => (await api.app.store.readStream(`incidents-${DEMO.concertId}`)).length;

async function subscribed(email: string): Promise<LiveSocket> {
  const socket = LiveSocket.connect(base, await api.signIn(email));
  sockets.push(socket);
  await socket.opened;
  socket.send({ type: 'subscribe', productionIds: [DEMO.concertId] });
  await socket.waitFor((m) => m.type === 'subscribed');
  return socket;
}

async function logIncident(severity = 'high', description = 'Feedback di monitor kiri') {
  const response = await call('eko@gema.test', 'POST', url, {
    severity,
    location: 'FOH',
    description,
    cueRef: 'Q12',
  });
  expect(response.statusCode).toBe(201);
  const body = response.json() as Incidents;
  return { body, incident: body.incidents.find((i) => i.description === description)! };
}

const notifications = async (email: string, incidentId: string) =>
  (
    (await call(email, 'GET', '/api/me/notifications?limit=100')).json() as {
      items: Array<{ kind: string; payload: { incidentId?: string; excerpt?: string } }>;
    }
  ).items.filter((n) => n.payload.incidentId === incidentId);

describe('incidents', () => {
  it('are the production team’s: clients and vendors are refused, non-members see nothing', async () => {
    const empty = await call('eko@gema.test', 'GET', url);
    expect(empty.json()).toEqual({
      productionId: DEMO.concertId,
      incidents: [],
      escalation: { low: 60, medium: 15, high: 5, critical: 2 },
      version: 0,
    });
    const before = await written();
    for (const email of ['maya@sinarcahaya.test', 'hendra@suaraprima.test']) {
      expect((await call(email, 'GET', url)).statusCode).toBe(403);
      const refused = await call(email, 'POST', url, { severity: 'low', location: 'x', description: 'x' });
      expect(refused.statusCode).toBe(403);
    }
    const launch = `/api/productions/${DEMO.launchId}/incidents`;
    expect((await call('eko@gema.test', 'GET', launch)).statusCode).toBe(404);
    expect(await written()).toBe(before);
  });

  it('refuses bad input naming the field, changing nothing', async () => {
    const before = await written();
    const blank = await call('eko@gema.test', 'POST', url, {
      severity: 'high',
      location: '  ',
      description: 'x',
    });
    expect(blank.json()).toMatchObject({ statusCode: 400, field: 'location' });
    const severity = await call('eko@gema.test', 'POST', url, {
      severity: 'urgent',
      location: 'FOH',
      description: 'x',
    });
    expect(severity.statusCode).toBe(400);
    expect(severity.json().message).toMatch(/severity/);
    const unknown = await call(
      'dewi@gema.test',
      'POST',
      `${url}/6a1f0c2e-0000-4000-8000-0000000000ff/assign`,
      {
        assigneeId: DEMO.people.lighting,
      },
    );
    expect(unknown.json()).toMatchObject({ statusCode: 404, field: 'incidentId' });
    expect(await written()).toBe(before);
  });

  it('is logged, assigned, acknowledged and resolved, live on the manager’s screen, with every refusal', async () => {
    const ayu = await subscribed('ayu@gema.test');
    const { body, incident } = await logIncident();
    expect(incident).toMatchObject({
      severity: 'high',
      location: 'FOH',
      cueRef: 'Q12',
      status: 'open',
      reportedBy: DEMO.people.sound,
      escalateAfterMinutes: 5,
    });
    const incidentUrl = `${url}/${incident.incidentId}`;
    await ayu.waitFor((m) => m.type === 'event' && m.event.type === 'IncidentLogged');

    // The reactor started its escalation workflow, with the high-severity deadline.
    await vi.waitFor(
      async () => {
        const handle = api.app.temporal
          .client()
          .then((c) => c.workflow.getHandle(incidentWorkflowId(incident.incidentId)));
        expect((await (await handle).describe()).status.name).toBe('RUNNING');
      },
      { timeout: 20_000, interval: 100 },
    );

    const before = await written();
    const byCrew = await call('eko@gema.test', 'POST', `${incidentUrl}/assign`, {
      assigneeId: DEMO.people.lighting,
    });
    expect(byCrew.statusCode).toBe(403);
    const toVendor = await call('dewi@gema.test', 'POST', `${incidentUrl}/assign`, {
      assigneeId: DEMO.people.soundVendor,
    });
    expect(toVendor.json()).toMatchObject({ statusCode: 400, field: 'assigneeId' });
    const early = await call('fajar@gema.test', 'POST', `${incidentUrl}/acknowledge`, {});
    expect(early.json()).toMatchObject({ statusCode: 409, message: expect.stringMatching(/not assigned/) });
    const stale = await call('dewi@gema.test', 'POST', `${incidentUrl}/assign`, {
      expectedVersion: body.version - 1,
      assigneeId: DEMO.people.lighting,
    });
    expect(stale.statusCode).toBe(409);
    expect(await written()).toBe(before);

    const assigned = await call('dewi@gema.test', 'POST', `${incidentUrl}/assign`, {
      expectedVersion: body.version,
      assigneeId: DEMO.people.lighting,
    });
    expect(assigned.statusCode).toBe(200);
    expect((assigned.json() as Incidents).incidents[0]).toMatchObject({
      status: 'assigned',
      assigneeId: DEMO.people.lighting,
      assignedBy: DEMO.people.showCaller,
    });
    await vi.waitFor(async () =>
      expect(await notifications('fajar@gema.test', incident.incidentId)).toEqual([
        expect.objectContaining({
          kind: 'incident.assigned',
          payload: expect.objectContaining({ excerpt: '[high] FOH — Feedback di monitor kiri' }),
        }),
      ]),
    );

    expect((await call('eko@gema.test', 'POST', `${incidentUrl}/acknowledge`, {})).statusCode).toBe(403);
    const acknowledged = await call('fajar@gema.test', 'POST', `${incidentUrl}/acknowledge`, {});
    expect((acknowledged.json() as Incidents).incidents[0]!.status).toBe('acknowledged');
    expect((await call('fajar@gema.test', 'POST', `${incidentUrl}/acknowledge`, {})).statusCode).toBe(409);
    // The acknowledgement ended the escalation wait.
    const client = await api.app.temporal.client();
    expect(await client.workflow.getHandle(incidentWorkflowId(incident.incidentId)).result()).toEqual({
      outcome: 'settled',
    });

    expect((await call('eko@gema.test', 'POST', `${incidentUrl}/resolve`, { note: 'x' })).statusCode).toBe(
      403,
    );
    const noNote = await call('fajar@gema.test', 'POST', `${incidentUrl}/resolve`, { note: ' ' });
    expect(noNote.json()).toMatchObject({ statusCode: 400, field: 'note' });
    const resolved = await call('fajar@gema.test', 'POST', `${incidentUrl}/resolve`, {
      note: 'Kabel diganti',
    });
    expect((resolved.json() as Incidents).incidents[0]).toMatchObject({
      status: 'resolved',
      resolution: { by: DEMO.people.lighting, note: 'Kabel diganti' },
    });
    expect((await call('ayu@gema.test', 'POST', `${incidentUrl}/resolve`, { note: 'x' })).statusCode).toBe(
      409,
    );
    await ayu.waitFor((m) => m.type === 'event' && m.event.type === 'IncidentResolved');
  });

  it('escalates one nobody acknowledged to the managers, live, and never to the client', async () => {
    const ayu = await subscribed('ayu@gema.test');
    const maya = await subscribed('maya@sinarcahaya.test');
    const { incident } = await logIncident('critical', 'Penonton pingsan di depan barikade');
    expect(incident.escalateAfterMinutes).toBe(2);
    // Two minutes is the production's shortest deadline: the test runs the same workflow with 1 s.
    const client = await api.app.temporal.client();
    const id = incidentWorkflowId(incident.incidentId);
    await vi.waitFor(
      async () => expect((await client.workflow.getHandle(id).describe()).status.name).toBe('RUNNING'),
      { timeout: 20_000, interval: 100 },
    );
    await client.workflow.getHandle(id).terminate('the test runs it with a deadline of seconds');
    const handle = await client.workflow.start<typeof incidentEscalationWorkflow>(
      'incidentEscalationWorkflow',
      {
        taskQueue: api.config.temporal.taskQueue,
        workflowId: id,
        args: [{ productionId: DEMO.concertId, incidentId: incident.incidentId, escalateAfterMs: 1_000 }],
      },
    );
    expect(await handle.result()).toEqual({ outcome: 'escalated' });
    const escalated = await ayu.waitFor((m) => m.type === 'event' && m.event.type === 'IncidentEscalated');
    expect(escalated).toMatchObject({
      event: { data: { incidentId: incident.incidentId, severity: 'critical', afterMinutes: 2 } },
    });
    await vi.waitFor(async () =>
      expect((await notifications('ayu@gema.test', incident.incidentId)).map((n) => n.kind)).toEqual([
        'incident.escalated',
      ]),
    );
    const list = (await call('ayu@gema.test', 'GET', url)).json() as Incidents;
    expect(list.incidents[0]).toMatchObject({
      incidentId: incident.incidentId,
      escalatedAt: expect.any(String),
    });

    // The client hears the production's own changes but nothing of incidents.
    const headers = bearer(await api.signIn('ayu@gema.test'));
    const { version } = (
      await api.app.inject({ method: 'GET', url: `/api/productions/${DEMO.concertId}`, headers })
    ).json();
    const renamed = await api.app.inject({
      method: 'PATCH',
      url: `/api/productions/${DEMO.concertId}`,
      headers,
      payload: { expectedVersion: version, name: 'Senandung Senja — incidents' },
    });
    expect(renamed.statusCode).toBe(200);
    await maya.waitFor((m) => m.type === 'event' && m.event.type === 'ProductionDetailsUpdated');
    expect(maya.events().filter((e) => e.type.startsWith('Incident'))).toEqual([]);
    expect(await notifications('maya@sinarcahaya.test', incident.incidentId)).toEqual([]);
  });

  it('takes the production’s own deadlines (managers only, sensible order)', async () => {
    const minutes = { low: 30, medium: 10, high: 3, critical: 1 };
    expect((await call('dewi@gema.test', 'PUT', `${url}/escalation`, { minutes })).statusCode).toBe(403);
    const inverted = await call('ayu@gema.test', 'PUT', `${url}/escalation`, {
      minutes: { ...minutes, critical: 20 },
    });
    expect(inverted.json()).toMatchObject({ statusCode: 400, field: 'minutes' });
    const set = await call('ayu@gema.test', 'PUT', `${url}/escalation`, { minutes });
    expect((set.json() as Incidents).escalation).toEqual(minutes);
    const { incident } = await logIncident('high', 'Lampu follow spot mati');
    expect(incident.escalateAfterMinutes).toBe(3);
  });
});
