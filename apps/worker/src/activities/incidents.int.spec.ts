import {
  decideIncidents,
  evolveIncidents,
  incidentsStream,
  initialIncidentsState,
  type IncidentCommand,
  type IncidentEvent,
} from '@panggung/domain';
import type { EventStore, NewEvent } from '@panggung/event-store';
import { uniqueTaskQueue } from '@panggung/infra/testing';
import {
  incidentSettledSignal,
  incidentWorkflowId,
  type incidentEscalationWorkflow,
} from '@panggung/workflows';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkerHarness, type WorkerHarness } from '../testing/worker-harness.ts';

/** The incident escalation workflow on a real Temporal dev server and PostgreSQL, deadlines in seconds. */
const taskQueue = uniqueTaskQueue('incidents');
let harness: WorkerHarness;
let store: EventStore;
let client: Client;

beforeAll(async () => {
  harness = await openWorkerHarness('worker_incidents', taskQueue);
  ({ store, client } = harness);
});
afterAll(() => harness?.close());

const ayu = { personId: randomUUID(), roles: ['production_manager' as const] };
const eko = { personId: randomUUID(), roles: ['crew' as const] };

/** Runs incident commands as the API would: fold the stream, decide, append. */
async function run(
  productionId: string,
  command: Omit<IncidentCommand, 'metadata'>,
): Promise<IncidentEvent[]> {
  const stream = incidentsStream(productionId);
  const stored = await store.readStream(stream);
  const state = stored
    .map((e) => ({ type: e.type, data: e.data }) as unknown as IncidentEvent)
    .reduce(evolveIncidents, initialIncidentsState);
  const metadata = { actor: 'person:test', now: new Date().toISOString() };
  const events = decideIncidents({ ...command, metadata } as IncidentCommand, state);
  await store.append(
    stream,
    stored.length === 0 ? 'no_stream' : BigInt(stored.length),
    events.map(({ type, data }) => ({ type, data: data as NewEvent['data'] })),
    { metadata },
  );
  return events;
}

/** A production with one critical incident, assigned to Eko. */
async function loggedIncident() {
  const productionId = randomUUID();
  const incidentId = randomUUID();
  await run(productionId, {
    type: 'LogIncident',
    data: {
      by: eko,
      productionId,
      incidentId,
      severity: 'critical',
      location: 'Panggung kiri',
      description: 'Truss miring',
    },
  });
  await run(productionId, {
    type: 'AssignIncident',
    data: { by: ayu, productionId, incidentId, assigneeId: eko.personId, assigneeIsTeam: true },
  });
  return { productionId, incidentId };
}

function start(productionId: string, incidentId: string, escalateAfterMs: number) {
  return client.workflow.start<typeof incidentEscalationWorkflow>('incidentEscalationWorkflow', {
    taskQueue,
    workflowId: incidentWorkflowId(incidentId),
    args: [{ productionId, incidentId, escalateAfterMs }],
  });
}

const escalations = async (productionId: string) =>
  (await store.readStream(incidentsStream(productionId)))
    .filter((e) => e.type === 'IncidentEscalated')
    .map((e) => ({ data: e.data, actor: e.metadata.actor }));

describe('incidentEscalationWorkflow', () => {
  it('escalates an incident nobody acknowledged within its deadline, once', async () => {
    const { productionId, incidentId } = await loggedIncident();
    const handle = await start(productionId, incidentId, 1_000);
    expect(await handle.result()).toEqual({ outcome: 'escalated' });
    const escalated = await escalations(productionId);
    expect(escalated).toEqual([
      {
        data: expect.objectContaining({ productionId, incidentId, severity: 'critical', afterMinutes: 2 }),
        actor: `workflow:${incidentWorkflowId(incidentId)}`,
      },
    ]);
  });

  it('ends without escalating when the acknowledgement is signalled before the deadline', async () => {
    const { productionId, incidentId } = await loggedIncident();
    const handle = await start(productionId, incidentId, 60_000);
    await run(productionId, { type: 'AcknowledgeIncident', data: { by: eko, productionId, incidentId } });
    await handle.signal(incidentSettledSignal);
    expect(await handle.result()).toEqual({ outcome: 'settled' });
    expect(await escalations(productionId)).toEqual([]);
  });

  it('escalates nothing when it was resolved but the signal was lost', async () => {
    const { productionId, incidentId } = await loggedIncident();
    const handle = await start(productionId, incidentId, 3_000);
    await run(productionId, {
      type: 'ResolveIncident',
      data: { by: ayu, productionId, incidentId, note: 'Truss dikencangkan' },
    });
    expect(await handle.result()).toEqual({ outcome: 'settled' });
    expect(await escalations(productionId)).toEqual([]);
  });

  it('ends at once for an incident already acknowledged when it starts', async () => {
    const { productionId, incidentId } = await loggedIncident();
    await run(productionId, { type: 'AcknowledgeIncident', data: { by: eko, productionId, incidentId } });
    const handle = await start(productionId, incidentId, 60_000);
    expect(await handle.result()).toEqual({ outcome: 'settled' });
  });
});
