/**
 * `pnpm --filter @panggung/workflows run record-histories`: runs each recorded scenario (of the production,
 * contract approval and incident escalation workflows) to completion on a real Temporal and writes its history
 * to the workflow's `histories/` folder, where its `replay.int.spec.ts` replays it against the current code. Re-record only when a change to the workflow
 * is meant to be incompatible (and old executions are handled, e.g. by versioning); otherwise a failing
 * replay is the bug.
 *
 * Uses TEMPORAL_ADDRESS when set, else starts a headless dev server in a temporary folder. The activities
 * here are stand-ins that answer like the worker's: a history records what an activity returned, and a
 * replay never runs activities, so the event store is not needed.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, startTemporal } from '@panggung/infra';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { NativeConnection, Worker } from '@temporalio/worker';
import * as prettier from 'prettier';
import type { ApprovalActor, Terms } from '@panggung/contracts';
import {
  checkBudget,
  decideContract,
  evolveContract,
  initialContractState,
  type GateFacts,
} from '@panggung/domain';
import {
  advancePhaseUpdate,
  approveUpdate,
  closeProductionSignal,
  forceGateUpdate,
  timelineChangedSignal,
  type PhaseActivities,
  contractApprovalWorkflowId,
  delegateUpdate,
  getApprovalChainQuery,
  getPhaseQuery,
  incidentSettledSignal,
  incidentWorkflowId,
  productionWorkflowId,
  type IncidentActivities,
  type incidentEscalationWorkflow,
  sendBackUpdate,
  type ContractApprovalActivities,
  type contractApprovalWorkflow,
  type ContractApprovalInput,
  type ProductionActivities,
  type productionWorkflow,
} from '../index.ts';
import { quietTemporalRuntime, testWorkflowBundle } from './index.ts';

const productionHistories = path.resolve(import.meta.dirname, '../production/histories');
const contractHistories = path.resolve(import.meta.dirname, '../contracts/histories');
const incidentHistories = path.resolve(import.meta.dirname, '../incidents/histories');

// The recorded contract: Rp 80.000.000 + PPN 11 % for sound, against an estimate of Rp 60.000.000.
const recorded = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [productionId, vendorId, clientParty] = [recorded(101), recorded(102), recorded(103)];
const actor = (n: number, roles: ApprovalActor['roles'], partyId?: string): ApprovalActor => ({
  personId: recorded(n),
  roles,
  ...(partyId ? { partyId } : {}),
});
const ayu = actor(201, ['production_manager']);
const budi = actor(202, ['finance_approver']);
const citra = actor(203, ['finance_approver']);
const maya = actor(204, ['client'], clientParty);
const terms: Terms = {
  lines: [{ description: 'Line array system with delay towers', quantity: 2, unitPrice: 40_000_000 }],
  subtotal: 80_000_000,
  taxRate: 1100,
  tax: 8_800_000,
  total: 88_800_000,
};
const draftedContract = (contractId: string) =>
  decideContract(
    {
      type: 'DraftContract',
      data: {
        contractId,
        organisationId: recorded(100),
        award: {
          productionId,
          rfqId: recorded(104),
          quoteId: recorded(105),
          vendorId,
          category: 'sound',
          currency: 'IDR',
          terms,
        },
        milestones: [
          { kind: 'down_payment', amount: 44_400_000, dueOn: '2027-02-01' },
          { kind: 'settlement', amount: 44_400_000, dueOn: '2027-03-21' },
        ],
        by: ayu,
      },
      metadata: { actor: 'person:recorded', now: '2027-01-20T10:00:00+07:00' },
    },
    initialContractState,
  ).reduce(evolveContract, initialContractState);
const approvalInput = (contractId: string, reminderAfterMs: number): ContractApprovalInput => ({
  contractId,
  contractVersion: 1,
  submittedBy: ayu,
  approvers: { manager_review: ayu, finance_overrun: budi, client_approval: maya },
  policy: {
    clientApprovalThreshold: 50_000_000,
    reminderAfterMs,
    escalateAfterMs: reminderAfterMs,
    ownerId: ayu.personId,
  },
});

const noFacts: GateFacts = {
  estimatedCategories: [],
  requiredCategories: [],
  signedCategories: [],
  calls: { anyPublished: false, daysWithoutPublishedCall: [], unacknowledged: [] },
  technical: { checklists: 0, departmentsNotSignedOff: [], openChecklistItems: 0, openRehearsalIssues: 0 },
  budget: { overWithoutApproval: [] },
  settlement: { unpaidMilestones: 0 },
};
const readyFacts: GateFacts = {
  ...noFacts,
  estimatedCategories: ['sound'],
  requiredCategories: ['sound'],
  signedCategories: ['sound'],
  calls: { anyPublished: true, daysWithoutPublishedCall: [], unacknowledged: [] },
  technical: { ...noFacts.technical, checklists: 1 },
};

/** Answers like the worker's activities would on an empty store (and a contract drafted as above). */
function standInActivities(
  onAppended: () => void,
): ProductionActivities & ContractApprovalActivities & PhaseActivities & IncidentActivities {
  let version = 1;
  let gathered = 0;
  const appendedTo = (streamId: string) => ({ streamId, streamVersion: 1, duplicate: false });
  return {
    // The first gate is judged on an empty production (refused), the rest on a ready one.
    gatherGateFacts: async () => (gathered++ === 0 ? noFacts : readyFacts),
    changePhase: async ({ productionId }) => appendedTo(`production-${productionId}`),
    upcomingMilestones: async () => [
      { taskId: recorded(401), title: 'Rider final', dueAt: new Date(Date.now() + 1_500).toISOString() },
    ],
    sendMilestoneReminder: async ({ productionId }) => {
      onAppended();
      return appendedTo(`phases-${productionId}`);
    },
    openSettlement: async ({ productionId }) => appendedTo(`phases-${productionId}`),
    openPlanning: async ({ productionId }) => {
      onAppended();
      return { streamId: `production-${productionId}`, streamVersion: 1, duplicate: false };
    },
    closeProduction: async ({ productionId }) => ({
      streamId: `production-${productionId}`,
      streamVersion: 2,
      duplicate: false,
    }),
    loadContract: async ({ contractId }) => ({ state: draftedContract(contractId) }),
    appendContractEvents: async ({ contractId, events }) => {
      version += events.length;
      onAppended();
      return { streamId: `contract-${contractId}`, streamVersion: version, duplicate: false };
    },
    checkContractBudget: async ({ category, contractTotal }) =>
      checkBudget(
        {
          status: 'open',
          productionId,
          lines: { sound: { estimate: 60_000_000, committed: 0, actual: 0 } },
          committedContracts: [],
          payments: [],
        },
        category,
        contractTotal,
      ),
    commitContractToBudget: async () => ({
      streamId: `budget-${productionId}`,
      streamVersion: 2,
      duplicate: false,
    }),
    // An incident nobody acknowledged yet; escalating it succeeds.
    incidentStatus: async () => ({ settled: false, escalated: false }),
    escalateIncident: async () => ({ settled: false, escalated: true }),
  };
}

/** Waits until the contract's chain reaches `step` (its workflow answers queries all along). */
async function reaches(handle: WorkflowHandle<typeof contractApprovalWorkflow>, step: string): Promise<void> {
  for (;;) {
    if ((await handle.query(getApprovalChainQuery))?.step === step) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the workflow's history shows an activity of this type completed. */
async function activityCompleted(handle: WorkflowHandle, activityType: string): Promise<void> {
  for (;;) {
    const events = (await handle.fetchHistory()).events ?? [];
    const scheduled = events
      .filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === activityType)
      .map((event) => Number(event.eventId));
    if (
      events.some((event) =>
        scheduled.includes(Number(event.activityTaskCompletedEventAttributes?.scheduledEventId ?? -1)),
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Scenario {
  readonly file: string;
  readonly dir: string;
  readonly productionId: string;
  run(client: Client, taskQueue: string, appended: Promise<void>): Promise<WorkflowHandle>;
}

const scenarios: Scenario[] = [
  {
    // The phase machine: a gate refused then passed, a milestone reminded, a forced gate, to closed.
    file: 'production-phases.json',
    dir: productionHistories,
    productionId: '00000000-0000-4000-8000-000000000003',
    async run(client, taskQueue) {
      const handle = await client.workflow.start<typeof productionWorkflow>('productionWorkflow', {
        taskQueue,
        workflowId: productionWorkflowId(this.productionId),
        args: [
          { productionId: this.productionId, organisationId: 'org-recorded', milestoneReminderLeadMs: 1_000 },
        ],
      });
      const requestedBy = ayu;
      await handle.executeUpdate(advancePhaseUpdate, { args: [{ to: 'pre_production', requestedBy }] }).then(
        () => {
          throw new Error('the first gate should have been refused');
        },
        () => undefined,
      );
      await handle.executeUpdate(advancePhaseUpdate, { args: [{ to: 'pre_production', requestedBy }] });
      await handle.signal(timelineChangedSignal);
      await activityCompleted(handle, 'sendMilestoneReminder');
      await handle.executeUpdate(forceGateUpdate, {
        args: [{ to: 'technical_rehearsal', reason: 'Checklist lighting menyusul besok pagi', requestedBy }],
      });
      for (const to of ['show_day', 'wrap_up', 'closed'] as const)
        await handle.executeUpdate(advancePhaseUpdate, { args: [{ to, requestedBy }] });
      return handle;
    },
  },
  {
    // The common path: started, planning opened, queried, closed.
    file: 'production-closed.json',
    dir: productionHistories,
    productionId: '00000000-0000-4000-8000-000000000001',
    async run(client, taskQueue, appended) {
      const handle = await client.workflow.start<typeof productionWorkflow>('productionWorkflow', {
        taskQueue,
        workflowId: productionWorkflowId(this.productionId),
        args: [{ productionId: this.productionId, organisationId: 'org-recorded' }],
      });
      await appended;
      await handle.query(getPhaseQuery);
      await handle.signal(closeProductionSignal);
      return handle;
    },
  },
  {
    // The close arrives with the start, before planning is recorded.
    file: 'production-closed-at-start.json',
    dir: productionHistories,
    productionId: '00000000-0000-4000-8000-000000000002',
    async run(client, taskQueue) {
      return client.workflow.signalWithStart<typeof productionWorkflow, []>('productionWorkflow', {
        taskQueue,
        workflowId: productionWorkflowId(this.productionId),
        args: [{ productionId: this.productionId, organisationId: 'org-recorded' }],
        signal: closeProductionSignal,
      });
    },
  },
  {
    // The whole chain: manager, budget overrun, finance (delegated), client, signed and committed.
    file: 'contract-signed.json',
    dir: contractHistories,
    productionId,
    async run(client, taskQueue, appended) {
      const contractId = recorded(301);
      const handle = await client.workflow.start<typeof contractApprovalWorkflow>(
        'contractApprovalWorkflow',
        {
          taskQueue,
          workflowId: contractApprovalWorkflowId(contractId, 1),
          args: [approvalInput(contractId, 3_600_000)],
        },
      );
      await appended;
      await handle.executeUpdate(approveUpdate, {
        args: [{ step: 'manager_review', contractVersion: 1, by: ayu }],
      });
      await reaches(handle, 'finance_overrun');
      await handle.executeUpdate(delegateUpdate, {
        args: [{ step: 'finance_overrun', contractVersion: 1, by: budi, to: citra }],
      });
      await handle.executeUpdate(approveUpdate, {
        args: [{ step: 'finance_overrun', contractVersion: 1, by: citra }],
      });
      await handle.executeUpdate(approveUpdate, {
        args: [{ step: 'client_approval', contractVersion: 1, by: maya }],
      });
      return handle;
    },
  },
  {
    // A waiting step reminded and escalated on short deadlines, then sent back.
    file: 'contract-reminded-sent-back.json',
    dir: contractHistories,
    productionId,
    async run(client, taskQueue) {
      const contractId = recorded(302);
      const handle = await client.workflow.start<typeof contractApprovalWorkflow>(
        'contractApprovalWorkflow',
        {
          taskQueue,
          workflowId: contractApprovalWorkflowId(contractId, 1),
          args: [approvalInput(contractId, 500)],
        },
      );
      for (;;) {
        const chain = await handle.query(getApprovalChainQuery);
        if (chain?.history.some((entry) => entry.outcome === 'escalated')) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await handle.executeUpdate(sendBackUpdate, {
        args: [{ step: 'manager_review', contractVersion: 1, by: ayu, reason: 'Harga terlalu tinggi' }],
      });
      return handle;
    },
  },
  {
    // Nobody acknowledged within the deadline: escalated.
    file: 'incident-escalated.json',
    dir: incidentHistories,
    productionId,
    async run(client, taskQueue) {
      const incidentId = recorded(501);
      return client.workflow.start<typeof incidentEscalationWorkflow>('incidentEscalationWorkflow', {
        taskQueue,
        workflowId: incidentWorkflowId(incidentId),
        args: [{ productionId: this.productionId, incidentId, escalateAfterMs: 500 }],
      });
    },
  },
  {
    // Acknowledged in time: the signal ends the wait, nothing escalates.
    file: 'incident-settled.json',
    dir: incidentHistories,
    productionId,
    async run(client, taskQueue) {
      const incidentId = recorded(502);
      const handle = await client.workflow.start<typeof incidentEscalationWorkflow>(
        'incidentEscalationWorkflow',
        {
          taskQueue,
          workflowId: incidentWorkflowId(incidentId),
          args: [{ productionId: this.productionId, incidentId, escalateAfterMs: 3_600_000 }],
        },
      );
      await activityCompleted(handle, 'incidentStatus');
      await handle.signal(incidentSettledSignal);
      return handle;
    },
  },
];

quietTemporalRuntime();
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'panggung-record-'));
const temporal = await startTemporal({
  address: process.env.TEMPORAL_ADDRESS || undefined,
  dataDir,
  port: await findFreePort(),
});
try {
  const [native, clientConnection, bundle] = await Promise.all([
    NativeConnection.connect({ address: temporal.address }),
    Connection.connect({ address: temporal.address }),
    testWorkflowBundle(),
  ]);
  const client = new Client({ connection: clientConnection });
  try {
    // `record-histories production-phases.json` records only the files named.
    const only = process.argv.slice(2);
    for (const scenario of scenarios.filter((s) => only.length === 0 || only.includes(s.file))) {
      const taskQueue = `record-histories-${randomUUID()}`;
      let appended!: () => void;
      const appendedOnce = new Promise<void>((resolve) => (appended = resolve));
      const worker = await Worker.create({
        connection: native,
        taskQueue,
        workflowBundle: bundle,
        activities: standInActivities(appended),
      });
      const history = await worker.runUntil(async () => {
        const handle = await scenario.run(client, taskQueue, appendedOnce);
        await handle.result();
        return handle.fetchHistory();
      });
      const file = path.join(scenario.dir, scenario.file);
      // Formatted as the repository's Prettier would, so a fresh recording passes `prettier --check`.
      const options = { ...(await prettier.resolveConfig(file)), filepath: file };
      await fs.writeFile(file, await prettier.format(historyToJSON(history), options));
      console.log(`Recorded ${path.relative(process.cwd(), file)} (${history.events?.length} events)`);
    }
  } finally {
    await clientConnection.close();
    await native.close();
  }
} finally {
  await temporal.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
