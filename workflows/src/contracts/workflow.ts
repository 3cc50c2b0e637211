import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { ApprovalActor, DecisionAccepted } from '@panggung/contracts';
import {
  approvalChainView,
  assertNever,
  decideContract,
  evolveContract,
  IllegalStateError,
  initialContractState,
  type ContractCommand,
  type ContractEvent,
  type ContractState,
} from '@panggung/domain';
import type { AppendedEvents } from '../production/activities.ts';
import type { ContractApprovalActivities } from './activities.ts';
import {
  approveUpdate,
  delegateUpdate,
  getApprovalChainQuery,
  rejectUpdate,
  sendBackUpdate,
  withdrawUpdate,
  type ContractApprovalInput,
  type ContractApprovalOutcome,
  type ContractApprovalResult,
  type DecisionArgs,
  type DelegateArgs,
  type ReasonedDecisionArgs,
  type WithdrawArgs,
} from './messages.ts';
import { asRefusal } from './refusals.ts';

const activities = proxyActivities<ContractApprovalActivities>({
  // Each activity is one or two database round trips; a minute covers a slow or restarting PostgreSQL.
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Temporal's clock inside a workflow: the sandbox replaces `Date` with the time of the current workflow
 * task, recorded in history, so this is replay-safe (unlike a clock in the domain, which has none).
 */
function workflowNow(): string {
  // eslint-disable-next-line no-restricted-properties -- deterministic in the workflow sandbox (see above)
  return new Date(Date.now()).toISOString();
}

const personActor = (by: ApprovalActor) => `person:${by.personId}`;

/**
 * The approval chain of one submitted contract version (id `contract-approval-<contractId>-v<version>`):
 * manager review → budget check → finance overrun (if the check flagged one) → client approval (at or
 * above the threshold) → signed, then the budget line's committed amount is raised.
 *
 * The domain decides everything: the update validators run `decideContract` against the state folded
 * from the events this workflow appended, so a refused call throws before it is accepted and leaves no
 * trace in history. Accepted decisions evolve the state at once (so the next call is judged against it)
 * and are appended in order by one chain of idempotent activities, keyed `<workflowId>:<nn>-<label>`
 * (`nn` counts appends: deterministic on replay). The workflow holds nothing that is not also in the
 * event store, save the decisions whose append is in flight.
 */
export async function contractApprovalWorkflow(
  input: ContractApprovalInput,
): Promise<ContractApprovalResult> {
  if (
    !input?.contractId ||
    !input.contractVersion ||
    !input.submittedBy ||
    !input.approvers ||
    !input.policy
  ) {
    throw ApplicationFailure.nonRetryable(
      'contractApprovalWorkflow needs contractId, contractVersion, submittedBy, approvers and policy',
      'InvalidWorkflowInput',
    );
  }
  const { contractId, contractVersion, policy } = input;
  const system = `workflow:${workflowInfo().workflowId}`;
  let state: ContractState = initialContractState;
  let appends = 0;
  let tail: Promise<unknown> = Promise.resolve();
  let appendFailure: unknown;

  setHandler(getApprovalChainQuery, () => approvalChainView(state));

  const command = <T extends ContractCommand['type']>(
    type: T,
    data: Omit<Extract<ContractCommand, { type: T }>['data'], 'contractId'>,
    actor: string,
  ) =>
    ({
      type,
      data: { contractId, ...data },
      metadata: { actor, now: workflowNow() },
    }) as unknown as ContractCommand;

  /** Decides with the domain; a refusal becomes the ApplicationFailure the caller receives. */
  const decide = (cmd: ContractCommand): ContractEvent[] => {
    try {
      return decideContract(cmd, state);
    } catch (error) {
      throw asRefusal(error);
    }
  };

  /** Takes the events into the state now, and appends them after every earlier append. */
  const emit = (label: string, events: ContractEvent[], actor: string): Promise<AppendedEvents> => {
    state = events.reduce(evolveContract, state);
    appends += 1;
    const step = `${String(appends).padStart(2, '0')}-${label}`;
    const append = tail.then(() => activities.appendContractEvents({ contractId, step, events, actor }));
    tail = append.catch((error: unknown) => void (appendFailure ??= error));
    return append;
  };

  /** For the workflow's own steps (budget check, reminders): one that no longer fits is skipped. */
  const emitIfStillValid = (label: string, cmd: ContractCommand): void => {
    let events: ContractEvent[];
    try {
      events = decideContract(cmd, state);
    } catch (error) {
      if (error instanceof IllegalStateError) return; // a decision arrived meanwhile
      throw error;
    }
    void emit(label, events, system);
  };

  const accepted = (): DecisionAccepted => {
    const view = approvalChainView(state)!;
    return {
      accepted: true,
      contractId,
      version: view.version,
      status: view.status,
      ...(view.step ? { step: view.step } : {}),
    };
  };

  // 1. Submission: judged against the contract's stream, appended by the submitter.
  const loaded = await activities.loadContract({ contractId });
  state = loaded.state;
  const { submittedBy, approvers } = input;
  const submission = decide(
    command(
      'SubmitContract',
      {
        contractVersion,
        by: submittedBy,
        approvers,
        clientApprovalThreshold: policy.clientApprovalThreshold,
      },
      personActor(submittedBy),
    ),
  );
  void emit('submitted', submission, personActor(submittedBy));

  // 2. Decisions, registered once the chain exists: an earlier call waits in Temporal's buffer.
  const on = <A extends { readonly by: ApprovalActor }>(
    label: string,
    toCommand: (args: A) => ContractCommand,
  ) => ({
    validator: (args: A): void => void decide(toCommand(args)),
    handler: async (args: A): Promise<DecisionAccepted> => {
      const events = decide(toCommand(args));
      const appended = emit(label, events, personActor(args.by));
      const answer = accepted(); // the chain right after this decision
      await appended;
      return answer;
    },
  });
  const approve = on<DecisionArgs>('approve', (a) => command('ApproveStep', a, personActor(a.by)));
  const reject = on<ReasonedDecisionArgs>('reject', (a) => command('RejectStep', a, personActor(a.by)));
  const sendBack = on<ReasonedDecisionArgs>('send-back', (a) =>
    command('SendBackContract', a, personActor(a.by)),
  );
  const delegate = on<DelegateArgs>('delegate', (a) => command('DelegateStep', a, personActor(a.by)));
  const withdraw = on<WithdrawArgs>('withdraw', (a) => command('WithdrawContract', a, personActor(a.by)));
  setHandler(approveUpdate, approve.handler, { validator: approve.validator });
  setHandler(rejectUpdate, reject.handler, { validator: reject.validator });
  setHandler(sendBackUpdate, sendBack.handler, { validator: sendBack.validator });
  setHandler(delegateUpdate, delegate.handler, { validator: delegate.validator });
  setHandler(withdrawUpdate, withdraw.handler, { validator: withdraw.validator });

  // 3. The chain: the budget check runs here; human steps wait, with a reminder and an escalation.
  const assignment = () =>
    state.status === 'in_approval'
      ? `${state.round}:${state.chain.step}:${state.chain.assigneeId ?? ''}`
      : state.status;
  while (state.status === 'in_approval' && appendFailure === undefined) {
    const { chain } = state;
    if (chain.step === 'budget_check') {
      const result = await activities.checkContractBudget({
        productionId: state.productionId,
        category: state.category,
        contractTotal: state.terms.total,
      });
      emitIfStillValid('budget-check', command('RecordBudgetCheck', { contractVersion, result }, system));
      continue;
    }
    const step = chain.step;
    const waitingFor = assignment();
    const moved = () => assignment() !== waitingFor || appendFailure !== undefined;
    if (await condition(moved, policy.reminderAfterMs)) continue;
    emitIfStillValid(`remind-${step}`, command('RemindApprover', { contractVersion, step }, system));
    if (await condition(moved, policy.escalateAfterMs)) continue;
    emitIfStillValid(
      `escalate-${step}`,
      command('EscalateStep', { contractVersion, step, escalateTo: policy.ownerId }, system),
    );
    await condition(moved);
  }

  // 4. The end: every append done, a signed contract committed to the budget, every handler answered.
  await tail;
  if (appendFailure !== undefined) throw appendFailure;
  if (state.status === 'signed') {
    appends += 1;
    await activities.commitContractToBudget({
      step: `${String(appends).padStart(2, '0')}-budget-commit`,
      productionId: state.productionId,
      category: state.category,
      contractId,
      vendorId: state.vendorId,
      amount: state.terms.total,
    });
  }
  await condition(allHandlersFinished);
  return { contractId, contractVersion, outcome: outcomeOf(state) };
}

function outcomeOf(state: ContractState): ContractApprovalOutcome {
  switch (state.status) {
    case 'signed':
    case 'rejected':
    case 'withdrawn':
      return state.status;
    case 'changes_requested':
      return 'sent_back';
    case 'none':
    case 'draft':
    case 'in_approval':
      throw ApplicationFailure.nonRetryable(
        `The approval ended with the contract ${state.status}`,
        'IllegalEnd',
      );
    default:
      return assertNever(state);
  }
}
