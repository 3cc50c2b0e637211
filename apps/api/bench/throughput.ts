/**
 * Approval workflows completed per second: `approvers` people-slots approve many contracts at once, each
 * through every step its chain has (manager review → the workflow's budget check → finance when it
 * flagged an overrun → the client at or above the threshold), until `ContractSigned`. The work is driven
 * by the manager's live feed, as the inboxes would be: an `ApprovalStepOpened` of a human step queues
 * that decision for its person, and a free slot takes the next one, later steps first (a contract that is
 * further along is finished before a new one is started). The figure is contracts signed divided by the
 * time from the first approval sent to the last `ContractSigned` received.
 */
import type { Person } from './http.ts';
import type { Arrival, LiveFeed } from './live.ts';
import type { People, PreparedContract } from './prepare.ts';

type Step = 'manager_review' | 'finance_overrun' | 'client_approval';

export interface ThroughputResult {
  readonly signed: number;
  /** First approval sent → last ContractSigned received. */
  readonly ms: number;
  readonly decisions: number;
  readonly viaFinance: number;
  readonly viaClient: number;
  /** Per contract: its manager approval sent → its ContractSigned received. */
  readonly perWorkflow: number[];
  /** HTTP response times of the decisions, by step. */
  readonly http: Record<Step, number[]>;
  /** performance.now() of the first approval, to time what follows. */
  readonly startedAt: number;
}

interface Task {
  readonly contractId: string;
  readonly step: Step;
}

export async function approveConcurrently(
  people: People,
  feed: LiveFeed,
  contracts: readonly PreparedContract[],
  approvers: number,
  timeoutMs: number,
): Promise<ThroughputResult> {
  const ids = new Set(contracts.map((c) => c.id));
  const queues: Record<Step, Task[]> = {
    client_approval: [],
    finance_overrun: [],
    manager_review: contracts.map((c) => ({ contractId: c.id, step: 'manager_review' as const })),
  };
  const who: Record<Step, Person> = {
    manager_review: people.manager,
    finance_overrun: people.finance,
    client_approval: people.client,
  };
  const http: Record<Step, number[]> = { manager_review: [], finance_overrun: [], client_approval: [] };
  const firstSent = new Map<string, number>();
  const signedAt = new Map<string, number>();
  let failure: Error | undefined;
  let idle: Array<() => void> = [];
  const wakeAll = () => idle.splice(0).forEach((wake) => wake());
  let allSigned!: () => void;
  const finished = new Promise<void>((resolve) => (allSigned = resolve));

  const stop = feed.onEvent(({ event, at }: Arrival) => {
    const data = event.data as { contractId: string; step?: string };
    if (!ids.has(data.contractId)) return;
    if (
      event.type === 'ApprovalStepOpened' &&
      (data.step === 'finance_overrun' || data.step === 'client_approval')
    ) {
      queues[data.step].push({ contractId: data.contractId, step: data.step });
      wakeAll();
    } else if (event.type === 'ContractSigned') {
      signedAt.set(data.contractId, at);
      if (signedAt.size === ids.size) {
        allSigned();
        wakeAll();
      }
    } else if (['ContractRejected', 'ContractSentBack', 'ContractWithdrawn'].includes(event.type)) {
      failure ??= new Error(`contract ${data.contractId}: ${event.type} during the throughput run`);
      wakeAll();
    }
  });

  const take = (): Task | undefined =>
    queues.client_approval.shift() ?? queues.finance_overrun.shift() ?? queues.manager_review.shift();

  async function approver(): Promise<void> {
    while (signedAt.size < ids.size && !failure) {
      const task = take();
      if (!task) {
        await new Promise<void>((resolve) => idle.push(resolve));
        continue;
      }
      try {
        if (task.step === 'manager_review') firstSent.set(task.contractId, performance.now());
        const answer = await who[task.step].post(
          `/api/contracts/${task.contractId}/approve`,
          { step: task.step, contractVersion: 1 },
          200,
        );
        http[task.step].push(answer.ms);
      } catch (error) {
        failure ??= error as Error;
        wakeAll();
      }
    }
  }

  const startedAt = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      failure ??= new Error(`only ${signedAt.size} of ${ids.size} contracts signed within ${timeoutMs} ms`);
      wakeAll();
      resolve();
    }, timeoutMs);
  });
  try {
    await Promise.all(Array.from({ length: approvers }, approver));
    await Promise.race([finished, timedOut]);
  } finally {
    clearTimeout(timer);
    stop();
    idle = [];
  }
  if (failure) throw failure;

  const lastSigned = Math.max(...signedAt.values());
  return {
    signed: signedAt.size,
    ms: lastSigned - startedAt,
    decisions: http.manager_review.length + http.finance_overrun.length + http.client_approval.length,
    viaFinance: http.finance_overrun.length,
    viaClient: http.client_approval.length,
    perWorkflow: [...signedAt].map(([id, at]) => at - firstSent.get(id)!),
    http,
    startedAt,
  };
}
