import {
  budgetStream,
  contractStream,
  decideContract,
  evolveContract,
  initialContractState,
  type ContractEvent,
} from '@panggung/domain';
import type { ApprovalActor, Terms } from '@panggung/contracts';
import { type EventStore, type NewEvent } from '@panggung/event-store';
import { uniqueTaskQueue } from '@panggung/infra/testing';
import {
  approveUpdate,
  contractApprovalWorkflowId,
  delegateUpdate,
  getApprovalChainQuery,
  rejectUpdate,
  sendBackUpdate,
  withdrawUpdate,
  type ApprovalPolicy,
  type contractApprovalWorkflow,
  type DecisionArgs,
} from '@panggung/workflows';
import { cancelled } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import {
  ApplicationFailure,
  WorkflowIdReusePolicy,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openWorkerHarness, type WorkerHarness } from '../testing/worker-harness.ts';
import { createActivities } from './index.ts';

/**
 * The contract approval workflow on the test run's real Temporal dev server and a real PostgreSQL, with
 * the worker's real activities. One worker (and one bundle) serves every test but the crash test.
 */
const taskQueue = uniqueTaskQueue('contracts');
let harness: WorkerHarness;
let store: EventStore;
let client: Client;
const startWorker: WorkerHarness['startWorker'] = (...args) => harness.startWorker(...args);

const person = (roles: ApprovalActor['roles'], partyId?: string): ApprovalActor => ({
  personId: randomUUID(),
  roles,
  ...(partyId ? { partyId } : {}),
});
const vendorId = randomUUID();
const ayu = person(['production_manager']);
const bagus = person(['production_manager']);
const budi = person(['finance_approver']);
const citra = person(['finance_approver']);
const maya = person(['client'], randomUUID());
const hendra = person(['vendor'], vendorId);

const policy = (overrides: Partial<ApprovalPolicy> = {}): ApprovalPolicy => ({
  clientApprovalThreshold: 50_000_000,
  reminderAfterMs: 3_600_000,
  escalateAfterMs: 3_600_000,
  ownerId: bagus.personId,
  ...overrides,
});
/** Rp 80.000.000 + PPN 11 % = Rp 88.800.000: at or above the threshold. */
const bigTerms: Terms = {
  lines: [{ description: 'Line array system with delay towers', quantity: 2, unitPrice: 40_000_000 }],
  subtotal: 80_000_000,
  taxRate: 1100,
  tax: 8_800_000,
  total: 88_800_000,
};
const smallLines = [{ description: 'Line array system', quantity: 1, unitPrice: 40_000_000 }];
const milestones = (total: number) => [
  { kind: 'down_payment' as const, amount: Math.floor(total / 2), dueOn: '2027-02-01' },
  { kind: 'settlement' as const, amount: total - Math.floor(total / 2), dueOn: '2027-03-21' },
];
const metadata = { actor: `person:${ayu.personId}`, now: '2027-01-20T10:00:00+07:00' };
const asNew = (events: readonly ContractEvent[]): NewEvent[] =>
  events.map(({ type, data }) => ({ type, data: data as NewEvent['data'] }));

beforeAll(async () => {
  harness = await openWorkerHarness('worker_contracts', taskQueue);
  ({ store, client } = harness);
});

afterAll(() => harness?.close());

/** A drafted contract (as the API would append it) and its production's sound budget. */
async function draftContract(soundEstimate: number) {
  const contractId = randomUUID();
  const productionId = randomUUID();
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
          category: 'sound',
          currency: 'IDR',
          terms: bigTerms,
        },
        milestones: milestones(bigTerms.total),
        by: ayu,
      },
      metadata,
    },
    initialContractState,
  );
  await store.append(contractStream(contractId), 'no_stream', asNew(drafted), { metadata });
  await store.append(
    budgetStream(productionId),
    'no_stream',
    [
      {
        type: 'BudgetEstimateSet',
        data: { productionId, category: 'sound', estimate: soundEstimate, previous: 0 },
      },
    ],
    { metadata },
  );
  return { contractId, productionId };
}

function submit(contractId: string, version = 1, options: { policy?: ApprovalPolicy; queue?: string } = {}) {
  return client.workflow.start<typeof contractApprovalWorkflow>('contractApprovalWorkflow', {
    taskQueue: options.queue ?? taskQueue,
    workflowId: contractApprovalWorkflowId(contractId, version),
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    args: [
      {
        contractId,
        contractVersion: version,
        submittedBy: ayu,
        approvers: { manager_review: ayu, finance_overrun: budi, client_approval: maya },
        policy: options.policy ?? policy(),
      },
    ],
  });
}

const types = async (contractId: string) =>
  (await store.readStream(contractStream(contractId))).map((event) => event.type);

/** Waits until the contract's stream has these event types (the worker appends them). */
const waitForTypes = (contractId: string, expected: string[], timeout = 20_000) =>
  vi.waitFor(async () => expect(await types(contractId)).toEqual(expected), { timeout, interval: 50 });

type Handle = WorkflowHandle<typeof contractApprovalWorkflow>;
const approve = (handle: Handle, step: DecisionArgs['step'], by: ApprovalActor, contractVersion = 1) =>
  handle.executeUpdate(approveUpdate, { args: [{ step, contractVersion, by }] });

/** The refusal of an update that should have been refused. */
async function refusalOf(call: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the call should have been refused').toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

const submitted = ['ContractDrafted', 'ContractSubmitted', 'ApprovalStepOpened'];

describe('contractApprovalWorkflow on a real Temporal and PostgreSQL', () => {
  it('drives a big contract over budget to signed: manager, budget check, finance (delegated), client; committed raised', async () => {
    const { contractId, productionId } = await draftContract(60_000_000);
    const handle = await submit(contractId);
    await waitForTypes(contractId, submitted);

    expect(await approve(handle, 'manager_review', ayu)).toEqual({
      accepted: true,
      contractId,
      version: 1,
      status: 'in_approval',
      step: 'budget_check',
    });
    await vi.waitFor(
      async () => expect((await handle.query(getApprovalChainQuery))?.step).toBe('finance_overrun'),
      {
        timeout: 20_000,
        interval: 50,
      },
    );
    await handle.executeUpdate(delegateUpdate, {
      args: [{ step: 'finance_overrun', contractVersion: 1, by: budi, to: citra, reason: 'Cuti' }],
    });
    expect((await refusalOf(approve(handle, 'finance_overrun', budi))).type).toBe('wrong_person');
    await approve(handle, 'finance_overrun', citra);
    expect(await approve(handle, 'client_approval', maya)).toMatchObject({ status: 'signed' });
    expect(await handle.result()).toEqual({ contractId, contractVersion: 1, outcome: 'signed' });

    const events = await store.readStream(contractStream(contractId));
    expect(events.map((e) => [e.type, (e.data as { step?: string }).step])).toEqual([
      ['ContractDrafted', undefined],
      ['ContractSubmitted', undefined],
      ['ApprovalStepOpened', 'manager_review'],
      ['ApprovalStepApproved', 'manager_review'],
      ['ApprovalStepOpened', 'budget_check'],
      ['BudgetOverrunFlagged', 'budget_check'],
      ['ApprovalStepOpened', 'finance_overrun'],
      ['ApprovalStepDelegated', 'finance_overrun'],
      ['ApprovalStepApproved', 'finance_overrun'],
      ['ApprovalStepOpened', 'client_approval'],
      ['ApprovalStepApproved', 'client_approval'],
      ['ContractSigned', undefined],
    ]);
    expect(events[5]!.data).toMatchObject({
      estimate: 60_000_000,
      committed: 0,
      remainingAfter: -28_800_000,
    });
    expect(events[10]!.metadata).toMatchObject({
      actor: `person:${maya.personId}`,
      correlationId: handle.workflowId,
    });
    expect(events[5]!.metadata.actor).toBe(`workflow:${handle.workflowId}`);
    const budget = await store.readStream(budgetStream(productionId));
    // Over its estimate: the commitment raises the budget alert in the same append.
    expect(budget.map((e) => e.type)).toEqual(['BudgetEstimateSet', 'BudgetCommitted', 'BudgetAlertRaised']);
    expect(budget[1]!.data).toEqual({
      productionId,
      category: 'sound',
      contractId,
      vendorId,
      amount: 88_800_000,
    });
    expect(budget[2]!.data).toEqual({
      productionId,
      category: 'sound',
      kind: 'committed_over_estimate',
      estimate: 60_000_000,
      amount: 88_800_000,
    });
    expect(budget[2]!.transactionId).toBe(budget[1]!.transactionId);
  });

  it('refuses the wrong person, role, step and version at once, leaving no event and no update in history', async () => {
    const { contractId } = await draftContract(100_000_000);
    const handle = await submit(contractId);
    await waitForTypes(contractId, submitted);

    const refusals = await Promise.all([
      refusalOf(approve(handle, 'manager_review', bagus)),
      refusalOf(approve(handle, 'manager_review', { ...hendra, roles: ['vendor', 'production_manager'] })),
      refusalOf(approve(handle, 'manager_review', maya)),
      refusalOf(approve(handle, 'manager_review', budi)),
      refusalOf(approve(handle, 'client_approval', maya)),
      refusalOf(approve(handle, 'manager_review', ayu, 2)),
      refusalOf(handle.executeUpdate(withdrawUpdate, { args: [{ contractVersion: 1, by: maya }] })),
    ]);
    expect(refusals.map((r) => r.type)).toEqual([
      'wrong_person',
      'own_contract',
      'wrong_role',
      'wrong_role',
      'wrong_step',
      'stale_version',
      'wrong_role',
    ]);
    expect(refusals[0]!.details).toEqual([{ code: 'FORBIDDEN', field: 'actor' }]);
    expect(await types(contractId)).toEqual(submitted);
    const history = await handle.fetchHistory();
    const updates = history.events?.filter(
      (e) =>
        e.workflowExecutionUpdateAcceptedEventAttributes || e.workflowExecutionUpdateCompletedEventAttributes,
    );
    expect(updates).toEqual([]);
    expect((await handle.query(getApprovalChainQuery))?.history.map((h) => h.outcome)).toEqual([
      'submitted',
      'opened',
    ]);
    await handle.terminate('test over');
  });

  it('ends on a rejection at each human step, with the reason', async () => {
    const steps = ['manager_review', 'finance_overrun', 'client_approval'] as const;
    const deciders = { manager_review: ayu, finance_overrun: budi, client_approval: maya };
    await Promise.all(
      steps.map(async (rejectAt) => {
        const { contractId } = await draftContract(60_000_000); // over budget: every step is on the way
        const handle = await submit(contractId);
        await waitForTypes(contractId, submitted);
        for (const step of steps.slice(0, steps.indexOf(rejectAt))) {
          await vi.waitFor(async () => expect((await handle.query(getApprovalChainQuery))?.step).toBe(step), {
            timeout: 20_000,
            interval: 50,
          });
          await approve(handle, step, deciders[step]);
        }
        await vi.waitFor(
          async () => expect((await handle.query(getApprovalChainQuery))?.step).toBe(rejectAt),
          {
            timeout: 20_000,
            interval: 50,
          },
        );
        const answer = await handle.executeUpdate(rejectUpdate, {
          args: [{ step: rejectAt, contractVersion: 1, by: deciders[rejectAt], reason: 'Harga tidak wajar' }],
        });
        expect(answer).toMatchObject({ status: 'rejected' });
        expect(await handle.result()).toMatchObject({ outcome: 'rejected' });
        const last = (await store.readStream(contractStream(contractId))).at(-1)!;
        expect(last).toMatchObject({
          type: 'ContractRejected',
          data: { step: rejectAt, reason: 'Harga tidak wajar' },
        });
      }),
    );
  });

  it('sends back for changes; the revised version restarts the chain from the manager review, keeping the history', async () => {
    const { contractId, productionId } = await draftContract(60_000_000);
    const first = await submit(contractId);
    await waitForTypes(contractId, submitted);
    await first.executeUpdate(sendBackUpdate, {
      args: [
        { step: 'manager_review', contractVersion: 1, by: ayu, reason: 'Tanpa delay tower, harga turun' },
      ],
    });
    expect(await first.result()).toMatchObject({ outcome: 'sent_back' });

    // The vendor revises (through the API, later): Rp 40.000.000 + PPN = Rp 44.400.000, within budget and
    // under the client threshold.
    const stored = await store.readStream(contractStream(contractId));
    const state = stored
      .map((e) => ({ type: e.type, data: e.data }) as ContractEvent)
      .reduce(evolveContract, initialContractState);
    const revised = decideContract(
      {
        type: 'ReviseContract',
        data: {
          contractId,
          expectedVersion: 1,
          lines: smallLines,
          taxRate: 1100,
          milestones: milestones(44_400_000),
          by: hendra,
        },
        metadata,
      },
      state,
    );
    await store.append(contractStream(contractId), stored.length, asNew(revised), { metadata });
    await expect(submit(contractId, 1)).rejects.toThrow(); // the same version is never in approval twice

    const second = await submit(contractId, 2);
    await vi.waitFor(async () => expect((await second.query(getApprovalChainQuery))?.round).toBe(2), {
      timeout: 20_000,
      interval: 50,
    });
    expect((await refusalOf(approve(second, 'manager_review', ayu, 1))).type).toBe('stale_version');
    await approve(second, 'manager_review', ayu, 2);
    expect(await second.result()).toEqual({ contractId, contractVersion: 2, outcome: 'signed' });
    const chain = await second.query(getApprovalChainQuery);
    expect(chain?.history.map((h) => `${h.round}:${h.step}:${h.outcome}`)).toEqual([
      '1:submission:submitted',
      '1:manager_review:opened',
      '1:manager_review:sent_back',
      '2:submission:submitted',
      '2:manager_review:opened',
      '2:manager_review:approved',
      '2:budget_check:opened',
      '2:budget_check:passed',
      '2:signature:signed',
    ]);
    const budget = await store.readStream(budgetStream(productionId));
    expect(budget.at(-1)).toMatchObject({ type: 'BudgetCommitted', data: { amount: 44_400_000 } });
  });

  it('reminds, then escalates a waiting step on short deadlines; the manager withdraws', async () => {
    const { contractId } = await draftContract(100_000_000);
    const handle = await submit(contractId, 1, {
      policy: policy({ reminderAfterMs: 1_000, escalateAfterMs: 1_000 }),
    });
    await waitForTypes(contractId, [...submitted, 'ApprovalReminderSent', 'ApprovalEscalated'], 30_000);
    const events = await store.readStream(contractStream(contractId));
    expect(events[3]!.data).toMatchObject({ step: 'manager_review', assigneeId: ayu.personId });
    expect(events[4]!.data).toMatchObject({
      step: 'manager_review',
      assigneeId: ayu.personId,
      escalatedTo: bagus.personId,
    });
    const remindedAfter =
      Date.parse(events[3]!.metadata.recordedAt) - Date.parse(events[2]!.metadata.recordedAt);
    expect(remindedAfter).toBeGreaterThanOrEqual(900);

    expect(
      await handle.executeUpdate(withdrawUpdate, {
        args: [{ contractVersion: 1, by: ayu, reason: 'Acara dibatalkan' }],
      }),
    ).toMatchObject({ status: 'withdrawn' });
    expect(await handle.result()).toMatchObject({ outcome: 'withdrawn' });
    expect((await store.readStream(contractStream(contractId))).at(-1)).toMatchObject({
      type: 'ContractWithdrawn',
      data: { step: 'manager_review', withdrawnBy: ayu.personId, reason: 'Acara dibatalkan' },
    });
  });

  it('survives a worker stopped after it appended a decision but before it reported: the next worker finishes, nothing twice', async () => {
    const queue = uniqueTaskQueue('contracts-crash');
    const real = createActivities({ store });
    let appended!: () => void;
    const appendedOnce = new Promise<void>((resolve) => (appended = resolve));
    const dying = await startWorker(
      queue,
      {
        ...real,
        appendContractEvents: async (input) => {
          const result = await real.appendContractEvents(input);
          if (!input.step.endsWith('-approve')) return result;
          appended();
          return cancelled(); // hangs until the shutdown cancels it: Temporal never hears of the append
        },
      },
      '100 ms',
    );
    const dyingRun = dying.run();
    const { contractId, productionId } = await draftContract(100_000_000);
    const handle = await submit(contractId, 1, { queue });
    await waitForTypes(contractId, submitted);
    const approval = approve(handle, 'manager_review', ayu);
    await appendedOnce;
    dying.shutdown();
    await dyingRun;

    const next = await startWorker(queue, real);
    await next.runUntil(async () => {
      expect(await approval).toMatchObject({ accepted: true, step: 'budget_check' });
      await vi.waitFor(
        async () => expect((await handle.query(getApprovalChainQuery))?.step).toBe('client_approval'),
        {
          timeout: 20_000,
          interval: 50,
        },
      );
      await approve(handle, 'client_approval', maya);
      await handle.result();
    });
    expect(await types(contractId)).toEqual([
      ...submitted,
      'ApprovalStepApproved',
      'ApprovalStepOpened',
      'BudgetCheckPassed',
      'ApprovalStepOpened',
      'ApprovalStepApproved',
      'ContractSigned',
    ]);
    expect((await store.readStream(budgetStream(productionId))).map((e) => e.type)).toEqual([
      'BudgetEstimateSet',
      'BudgetCommitted',
    ]);
  });
});
