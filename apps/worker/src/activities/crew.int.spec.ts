import type { CrewShift } from '@panggung/contracts';
import {
  crewStream,
  decideCrew,
  evolveCrew,
  initialCrewState,
  type CrewCommand,
  type CrewEvent,
} from '@panggung/domain';
import type { EventStore, NewEvent } from '@panggung/event-store';
import { uniqueTaskQueue } from '@panggung/infra/testing';
import {
  callAcknowledgedSignal,
  callSheetSupersededSignal,
  callSheetWorkflowId,
  type callAcknowledgementWorkflow,
} from '@panggung/workflows';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkerHarness, type WorkerHarness } from '../testing/worker-harness.ts';

/** The call acknowledgement workflow on a real Temporal dev server and PostgreSQL, deadlines in seconds. */
const taskQueue = uniqueTaskQueue('crew');
let harness: WorkerHarness;
let store: EventStore;
let client: Client;

beforeAll(async () => {
  harness = await openWorkerHarness('worker_crew', taskQueue);
  ({ store, client } = harness);
});
afterAll(() => harness?.close());

const day = '2027-03-14';
const metadata = { actor: 'person:ayu', now: '2027-03-10T09:00:00+07:00' };

/** Runs crew commands as the API would: fold the stream, decide, append. */
async function run(productionId: string, command: Omit<CrewCommand, 'metadata'>): Promise<CrewEvent[]> {
  const stream = crewStream(productionId);
  const stored = await store.readStream(stream);
  const state = stored
    .map((e) => ({ type: e.type, data: e.data }) as unknown as CrewEvent)
    .reduce(evolveCrew, initialCrewState);
  const events = decideCrew({ ...command, metadata } as CrewCommand, state);
  await store.append(
    stream,
    stored.length === 0 ? 'no_stream' : BigInt(stored.length),
    events.map(({ type, data }) => ({ type, data: data as NewEvent['data'] })),
    { metadata },
  );
  return events;
}

/** A production with Eko (key) and Fajar called on show day, published as version 1. */
async function publishedSheet() {
  const productionId = randomUUID();
  const [eko, fajar] = [randomUUID(), randomUUID()];
  const shift = (personId: string, key: boolean): CrewShift => ({
    shiftId: randomUUID(),
    personId,
    productionId,
    startsAt: '2027-03-14T10:00:00+07:00',
    endsAt: '2027-03-14T20:00:00+07:00',
    callAt: '2027-03-14T09:00:00+07:00',
    location: 'Lapangan Banteng',
    department: 'sound',
    key,
  });
  const context = { shifts: [], unavailable: [] };
  for (const s of [shift(eko, true), shift(fajar, false)])
    await run(productionId, {
      type: 'AssignShift',
      data: { productionId, shift: s, personIsCrew: true, context },
    });
  await run(productionId, { type: 'PublishCallSheet', data: { productionId, day } });
  return { productionId, eko, fajar };
}

function start(productionId: string, version: number, remindAfterMs: number, escalateAfterMs: number) {
  return client.workflow.start<typeof callAcknowledgementWorkflow>('callAcknowledgementWorkflow', {
    taskQueue,
    workflowId: callSheetWorkflowId(productionId, day, version),
    args: [{ productionId, day, version, remindAfterMs, escalateAfterMs }],
  });
}

const acknowledge = (productionId: string, personId: string, version = 1) =>
  run(productionId, { type: 'AcknowledgeCall', data: { productionId, day, personId, version } });

const crewEvents = async (productionId: string, ...types: string[]) =>
  (await store.readStream(crewStream(productionId)))
    .filter((e) => types.includes(e.type))
    .map((e) => ({ type: e.type, data: e.data }));

describe('callAcknowledgementWorkflow', () => {
  it('reminds, then escalates, only the people who have not acknowledged; ends when all have', async () => {
    const { productionId, eko, fajar } = await publishedSheet();
    await acknowledge(productionId, fajar);
    const handle = await start(productionId, 1, 1_000, 2_000);
    await handle.signal(callAcknowledgedSignal, { personId: fajar });
    // The escalation is the last step before it waits for Eko: the stream says when it is there.
    await expect
      .poll(() => crewEvents(productionId, 'CallEscalated'), { timeout: 20_000, interval: 100 })
      .toHaveLength(1);
    expect(await crewEvents(productionId, 'CallReminderSent', 'CallEscalated')).toEqual([
      { type: 'CallReminderSent', data: { productionId, day, version: 1, personId: eko } },
      { type: 'CallEscalated', data: { productionId, day, version: 1, personIds: [eko] } },
    ]);
    await acknowledge(productionId, eko);
    await handle.signal(callAcknowledgedSignal, { personId: eko });
    expect(await handle.result()).toEqual({ outcome: 'acknowledged', reminded: [eko], escalated: [eko] });
  });

  it('ends without reminders when everyone acknowledges in time', async () => {
    const { productionId, eko, fajar } = await publishedSheet();
    const handle = await start(productionId, 1, 60_000, 120_000);
    for (const personId of [eko, fajar]) {
      await acknowledge(productionId, personId);
      await handle.signal(callAcknowledgedSignal, { personId });
    }
    expect(await handle.result()).toEqual({ outcome: 'acknowledged', reminded: [], escalated: [] });
    expect(await crewEvents(productionId, 'CallReminderSent', 'CallEscalated')).toEqual([]);
  });

  it('ends when a newer version supersedes it, reminding nobody of the old one', async () => {
    const { productionId } = await publishedSheet();
    const handle = await start(productionId, 1, 60_000, 120_000);
    await handle.signal(callSheetSupersededSignal);
    expect(await handle.result()).toEqual({ outcome: 'superseded', reminded: [], escalated: [] });
    expect(await crewEvents(productionId, 'CallReminderSent', 'CallEscalated')).toEqual([]);
  });

  it('finds a version superseded in the store even without the signal', async () => {
    const { productionId } = await publishedSheet();
    const events = await store.readStream(crewStream(productionId));
    const shiftId = (events.find((e) => e.type === 'ShiftAssigned')!.data as { shift: { shiftId: string } })
      .shift.shiftId;
    await run(productionId, { type: 'RemoveShift', data: { productionId, shiftId } });
    await run(productionId, { type: 'PublishCallSheet', data: { productionId, day } });
    const handle = await start(productionId, 1, 500, 1_000);
    expect(await handle.result()).toEqual({ outcome: 'superseded', reminded: [], escalated: [] });
  });
});
