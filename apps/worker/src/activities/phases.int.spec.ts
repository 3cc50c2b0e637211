import { randomUUID } from 'node:crypto';
import type { GateCondition, ProductionStatus, Terms } from '@panggung/contracts';
import { decideContract, initialContractState, type GateFacts } from '@panggung/domain';
import type { EventStore, NewEvent } from '@panggung/event-store';
import { uniqueTaskQueue } from '@panggung/infra/testing';
import {
  advancePhaseUpdate,
  forceGateUpdate,
  getPhaseQuery,
  productionWorkflowId,
  timelineChangedSignal,
  type PhaseRefusalDetails,
  type PhaseRequester,
  type productionWorkflow,
} from '@panggung/workflows';
import { ApplicationFailure, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openWorkerHarness, type WorkerHarness } from '../testing/worker-harness.ts';
import { createActivities } from './index.ts';

const taskQueue = uniqueTaskQueue('phases');
const doubleQueue = uniqueTaskQueue('phases-facts');
let harness: WorkerHarness;
let store: EventStore;
let client: Client;
let doubles: Worker;
let doublesRunning: Promise<void>;

/** The crew and technical facts, set by each test (their real sources belong to other capabilities). */
let crewAndTechnical: Pick<GateFacts, 'calls' | 'technical'>;
const notReady: Pick<GateFacts, 'calls' | 'technical'> = {
  calls: { anyPublished: false, daysWithoutPublishedCall: [], unacknowledged: [] },
  technical: { checklists: 0, departmentsNotSignedOff: [], openChecklistItems: 0, openRehearsalIssues: 0 },
};

const ayu: PhaseRequester = { personId: randomUUID(), roles: ['production_manager'] };
const eko: PhaseRequester = { personId: randomUUID(), roles: ['crew'] };

beforeAll(async () => {
  harness = await openWorkerHarness('worker_phases', taskQueue);
  ({ store, client } = harness);
  // The real activities on the real store, but crew and technical facts from the test.
  const real = createActivities({ store });
  doubles = await harness.startWorker(doubleQueue, {
    ...real,
    gatherGateFacts: async (input) => ({ ...(await real.gatherGateFacts(input)), ...crewAndTechnical }),
  });
  doublesRunning = doubles.run();
});

afterAll(async () => {
  doubles?.shutdown();
  await doublesRunning;
  await harness?.close();
});

const append = (streamId: string, events: { type: string; data: object }[]) =>
  store.append(
    streamId,
    'any',
    events.map(({ type, data }) => ({ type, data: data as NewEvent['data'] })),
    { metadata: { actor: 'test', correlationId: 'phases-test' } },
  );

async function refusalOf(
  call: Promise<unknown>,
): Promise<{ type: string | undefined; details: PhaseRefusalDetails }> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, 'the update should have been refused').toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  const failure = cause as ApplicationFailure;
  return { type: failure.type ?? undefined, details: failure.details?.[0] as PhaseRefusalDetails };
}

async function phaseEvents(productionId: string) {
  return (await store.readStream(`production-${productionId}`))
    .filter((event) => event.type === 'ProductionPhaseChanged')
    .map((event) => event.data);
}

const terms: Terms = {
  lines: [{ description: 'Line array system', quantity: 2, unitPrice: 40_000_000 }],
  subtotal: 80_000_000,
  taxRate: 1100,
  tax: 8_800_000,
  total: 88_800_000,
};

describe('productionWorkflow phases on a real Temporal and PostgreSQL', () => {
  it('refuses each gate naming what is missing, passes once met, records a forced gate’s reason, settles and closes', async () => {
    const productionId = randomUUID();
    crewAndTechnical = notReady;
    const handle = await client.workflow.start<typeof productionWorkflow>('productionWorkflow', {
      taskQueue: doubleQueue,
      workflowId: productionWorkflowId(productionId),
      args: [{ productionId, organisationId: randomUUID() }],
    });
    const advance = (to: ProductionStatus) =>
      handle.executeUpdate(advancePhaseUpdate, { args: [{ to, requestedBy: ayu }] });
    expect(await handle.query(getPhaseQuery)).toBe('planning');

    // No skipping, and only managers.
    expect(await refusalOf(advance('show_day'))).toMatchObject({
      type: 'phase_not_next',
      details: { field: 'to' },
    });
    expect(
      await refusalOf(
        handle.executeUpdate(advancePhaseUpdate, { args: [{ to: 'pre_production', requestedBy: eko }] }),
      ),
    ).toMatchObject({ type: 'wrong_role' });

    // planning → pre-production: estimates and required categories.
    expect((await refusalOf(advance('pre_production'))).details.missing).toEqual<GateCondition[]>([
      { code: 'budget_estimates_missing' },
      { code: 'required_categories_missing' },
    ]);
    await append(`budget-${productionId}`, [
      {
        type: 'BudgetEstimateSet',
        data: { productionId, category: 'sound', estimate: 100_000_000, previous: 0 },
      },
      {
        type: 'BudgetEstimateSet',
        data: { productionId, category: 'lighting', estimate: 50_000_000, previous: 0 },
      },
    ]);
    expect(await advance('pre_production')).toMatchObject({
      from: 'planning',
      phase: 'pre_production',
      forced: false,
    });

    // pre-production → technical rehearsal: the required categories signed, checklists.
    expect((await refusalOf(advance('technical_rehearsal'))).details.missing).toEqual<GateCondition[]>([
      { code: 'vendor_category_unsigned', category: 'sound' },
      { code: 'vendor_category_unsigned', category: 'lighting' },
      { code: 'technical_checklists_missing' },
    ]);
    const vendorId = randomUUID();
    const contracts = [randomUUID(), randomUUID()];
    for (const [index, contractId] of contracts.entries()) {
      const category = index === 0 ? 'sound' : 'lighting';
      const drafted = decideContract(
        {
          type: 'DraftContract',
          data: {
            contractId,
            organisationId: randomUUID(),
            award: {
              productionId,
              rfqId: randomUUID(),
              quoteId: randomUUID(),
              vendorId,
              category,
              currency: 'IDR',
              terms,
            },
            milestones: [
              { kind: 'down_payment', amount: 44_400_000, dueOn: '2027-02-01' },
              { kind: 'settlement', amount: 44_400_000, dueOn: '2027-03-21' },
            ],
            by: { personId: ayu.personId, roles: ['production_manager'] },
          },
          metadata: { actor: 'test', now: '2027-01-20T10:00:00+07:00' },
        },
        initialContractState,
      );
      await append(`contract-${contractId}`, drafted);
      await append(`budget-${productionId}`, [
        {
          type: 'BudgetCommitted',
          data: { productionId, category, contractId, vendorId, amount: 88_800_000 },
        },
      ]);
    }
    crewAndTechnical = { ...notReady, technical: { ...notReady.technical, checklists: 3 } };
    expect(await advance('technical_rehearsal')).toMatchObject({ phase: 'technical_rehearsal' });

    // technical rehearsal → show day: calls, acknowledgements, sign-offs; then forced with a reason.
    const joko = randomUUID();
    crewAndTechnical = {
      calls: {
        anyPublished: true,
        daysWithoutPublishedCall: [],
        unacknowledged: [{ personId: joko, day: '2027-03-14', key: true }],
      },
      technical: {
        checklists: 3,
        departmentsNotSignedOff: ['lighting'],
        openChecklistItems: 0,
        openRehearsalIssues: 0,
      },
    };
    const missingAtShow: GateCondition[] = [
      { code: 'key_call_unacknowledged', personId: joko, day: '2027-03-14' },
      { code: 'technical_department_not_signed_off', department: 'lighting' },
      // Two lighting contracts commit more than the lighting estimate, and nobody approved the overrun.
      { code: 'budget_category_over_without_approval', category: 'lighting' },
    ];
    expect((await refusalOf(advance('show_day'))).details.missing).toEqual(missingAtShow);
    expect(
      await refusalOf(
        handle.executeUpdate(forceGateUpdate, {
          args: [{ to: 'show_day', reason: 'besok', requestedBy: ayu }],
        }),
      ),
    ).toMatchObject({ type: 'VALIDATION', details: { field: 'reason' } });
    const reason = 'Joko sudah konfirmasi lewat telepon; sign-off lighting menyusul sebelum gate';
    expect(
      await handle.executeUpdate(forceGateUpdate, { args: [{ to: 'show_day', reason, requestedBy: ayu }] }),
    ).toMatchObject({ phase: 'show_day', forced: true });
    const forcedEvent = (await store.readStream(`production-${productionId}`)).at(-1)!;
    expect(forcedEvent.type).toBe('ProductionPhaseChanged');
    expect(forcedEvent.data).toEqual({
      productionId,
      from: 'technical_rehearsal',
      to: 'show_day',
      forced: { reason, byPersonId: ayu.personId, missing: missingAtShow },
    });
    expect(forcedEvent.metadata).toMatchObject({ actor: `person:${ayu.personId}` });

    // show day → wrap-up opens the settlement with the unpaid milestones.
    expect(await advance('wrap_up')).toMatchObject({ phase: 'wrap_up' });
    const settlement = (await store.readStream(`phases-${productionId}`)).find(
      (event) => event.type === 'SettlementOpened',
    );
    expect(settlement?.data).toMatchObject({ productionId, total: 4 * 44_400_000 });
    expect((settlement?.data as { unpaid: unknown[] }).unpaid).toHaveLength(4);

    // wrap-up → closed once every milestone is paid.
    expect((await refusalOf(advance('closed'))).details.missing).toEqual([
      { code: 'settlement_open', unpaidMilestones: 4 },
    ]);
    await append(
      `budget-${productionId}`,
      contracts.map((contractId, index) => ({
        type: 'PaymentRecorded',
        data: {
          productionId,
          category: index === 0 ? 'sound' : 'lighting',
          paymentId: randomUUID(),
          contractId,
          amount: 88_800_000,
          paidOn: '2027-03-21',
        },
      })),
    );
    expect(await advance('closed')).toMatchObject({ phase: 'closed' });
    expect(await handle.result()).toEqual({ productionId, phase: 'closed' });
    expect((await phaseEvents(productionId)).map((data) => (data as { to: string }).to)).toEqual([
      'pre_production',
      'technical_rehearsal',
      'show_day',
      'wrap_up',
      'closed',
    ]);
  });

  it('reminds of a timeline milestone a lead time before it is due', async () => {
    const productionId = randomUUID();
    const handle = await client.workflow.start<typeof productionWorkflow>('productionWorkflow', {
      taskQueue,
      workflowId: productionWorkflowId(productionId),
      args: [{ productionId, organisationId: randomUUID(), milestoneReminderLeadMs: 3_000 }],
    });
    const taskId = randomUUID();
    const dueAt = new Date(Date.now() + 6_000).toISOString();
    await append(`timeline-${productionId}`, [
      {
        type: 'TaskAdded',
        data: {
          productionId,
          task: { taskId, title: 'Rider final', kind: 'milestone', durationMinutes: 0, dueAt },
        },
      },
    ]);
    await handle.signal(timelineChangedSignal);
    await vi.waitFor(
      async () => {
        const reminders = (await store.readStream(`phases-${productionId}`)).filter(
          (event) => event.type === 'MilestoneReminderSent',
        );
        expect(reminders.map((event) => event.data)).toEqual([
          { productionId, taskId, title: 'Rider final', dueAt, leadMs: 3_000 },
        ]);
        expect(Date.parse(reminders[0]!.metadata.recordedAt)).toBeLessThan(Date.parse(dueAt));
        expect(Date.parse(reminders[0]!.metadata.recordedAt)).toBeGreaterThanOrEqual(
          Date.parse(dueAt) - 3_000,
        );
      },
      { timeout: 20_000, interval: 100 },
    );
    // Told again, it does not remind twice of the same milestone.
    await handle.signal(timelineChangedSignal);
    await handle.signal('closeProduction');
    await handle.result();
    expect(
      (await store.readStream(`phases-${productionId}`)).filter(
        (event) => event.type === 'MilestoneReminderSent',
      ),
    ).toHaveLength(1);
  });
});
