import type { DecisionAccepted, Role } from '@panggung/contracts';
import {
  approvalChainView,
  approvalRefusalOf,
  contractStream,
  decideContract,
  DomainError,
  type ContractCommand,
  type ContractState,
} from '@panggung/domain';
import {
  approveUpdate,
  contractApprovalWorkflowId,
  delegateUpdate,
  rejectUpdate,
  sendBackUpdate,
  withdrawUpdate,
  type contractApprovalWorkflow,
  type ContractApprovalInput,
  type DecisionArgs,
  type DelegateArgs,
  type ReasonedDecisionArgs,
  type RefusalDetails,
  type WithdrawArgs,
} from '@panggung/workflows';
import {
  ApplicationFailure,
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { visibleStep } from '../contracts/contract-queries.ts';
import { contractDecider, loadState } from '../contracts/streams.ts';
import { ApiError } from '../errors/api-error.ts';

/** How each refusal answers over HTTP. */
const REFUSAL_STATUS: Record<string, number> = {
  wrong_step: 409,
  stale_version: 409,
  already_decided: 409,
  already_submitted: 409,
  not_in_approval: 409,
  wrong_role: 403,
  wrong_person: 403,
  own_contract: 403,
  VALIDATION: 400,
  INVALID_ARGUMENT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ILLEGAL_STATE: 409,
};

/** An approval call refused: the refusal as the code (`WRONG_STEP`…), and for a 409 the contract's state. */
export class ApprovalRefusedError extends ApiError {
  constructor(
    refusal: string,
    message: string,
    field: string | undefined,
    readonly current?: { version: number; status: string; step?: string },
  ) {
    super(REFUSAL_STATUS[refusal] ?? 409, refusal.toUpperCase(), message, field);
  }
}

/** Where the contract stands, as the caller may see it (attached to a 409). */
function currentState(state: ContractState, roles: readonly Role[]) {
  const view = approvalChainView(state);
  if (!view) return undefined;
  const step = visibleStep(view.step ?? null, roles);
  return { version: view.version, status: view.status, ...(step ? { step } : {}) };
}

function refusedBy(error: DomainError, state: ContractState, roles: readonly Role[]): ApprovalRefusedError {
  const refusal = approvalRefusalOf(error) ?? error.code;
  return new ApprovalRefusedError(refusal, error.message, error.field, currentState(state, roles));
}

export type Decision =
  | { kind: 'approve'; args: DecisionArgs }
  | { kind: 'reject'; args: ReasonedDecisionArgs }
  | { kind: 'sendBack'; args: ReasonedDecisionArgs }
  | { kind: 'delegate'; args: DelegateArgs }
  | { kind: 'withdraw'; args: WithdrawArgs };

/** The same decision as a domain command, to judge it when no approval is running. */
function asCommand(contractId: string, decision: Decision): ContractCommand {
  const metadata = { actor: `person:${decision.args.by.personId}`, now: new Date().toISOString() };
  const type = {
    approve: 'ApproveStep',
    reject: 'RejectStep',
    sendBack: 'SendBackContract',
    delegate: 'DelegateStep',
    withdraw: 'WithdrawContract',
  }[decision.kind];
  return { type, data: { contractId, ...decision.args }, metadata } as ContractCommand;
}

/**
 * Starts the approval of one contract version (id `contract-approval-<contractId>-v<version>`), refusing a
 * version already in approval (WorkflowExecutionAlreadyStartedError). Returns the workflow id.
 */
export async function startApprovalWorkflow(
  client: Client,
  taskQueue: string,
  input: ContractApprovalInput,
): Promise<string> {
  const workflowId = contractApprovalWorkflowId(input.contractId, input.contractVersion);
  await client.workflow.start<typeof contractApprovalWorkflow>('contractApprovalWorkflow', {
    taskQueue,
    workflowId,
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    args: [input],
  });
  return workflowId;
}

/**
 * The approval workflow as the API uses it: started once per submitted version, decided through
 * updates. Refusals come back as ApprovalRefusedError (403, 409 with the current state, 400 naming the
 * field); nothing a refused call does is written anywhere.
 */
export class ApprovalClient {
  constructor(private readonly app: FastifyInstance) {}

  /** Judges the submission with the domain first, so a bad one is refused at once; then starts the workflow. */
  async submit(input: ContractApprovalInput, roles: readonly Role[]): Promise<string> {
    const state = await loadState(this.app.store, contractStream(input.contractId), contractDecider);
    try {
      decideContract(
        {
          type: 'SubmitContract',
          data: {
            contractId: input.contractId,
            contractVersion: input.contractVersion,
            by: input.submittedBy,
            approvers: input.approvers,
            clientApprovalThreshold: input.policy.clientApprovalThreshold,
          },
          metadata: { actor: `person:${input.submittedBy.personId}`, now: new Date().toISOString() },
        },
        state,
      );
    } catch (error) {
      if (error instanceof DomainError) throw refusedBy(error, state, roles);
      throw error;
    }
    const client = await this.app.temporal.client();
    try {
      return await startApprovalWorkflow(client, this.app.temporal.taskQueue, input);
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError)
        throw new ApprovalRefusedError(
          'already_submitted',
          `Version ${input.contractVersion} of this contract was already submitted for approval`,
          'contractVersion',
          currentState(state, roles) ?? { version: input.contractVersion, status: 'in_approval' },
        );
      throw error;
    }
  }

  /**
   * Sends a decision to the approval of the contract's current version and answers what the workflow
   * answered. With no approval running, the domain judges the call against the stream, so the caller
   * still learns why (already decided, not in approval, stale version…).
   */
  async decide(contractId: string, decision: Decision, roles: readonly Role[]): Promise<DecisionAccepted> {
    const state = await loadState(this.app.store, contractStream(contractId), contractDecider);
    if (state.status === 'none')
      throw new ApprovalRefusedError('NOT_FOUND', `Contract ${contractId} was not found`, undefined);
    const client = await this.app.temporal.client();
    const handle = client.workflow.getHandle(contractApprovalWorkflowId(contractId, state.version));
    try {
      switch (decision.kind) {
        case 'approve':
          return await handle.executeUpdate(approveUpdate, { args: [decision.args] });
        case 'reject':
          return await handle.executeUpdate(rejectUpdate, { args: [decision.args] });
        case 'sendBack':
          return await handle.executeUpdate(sendBackUpdate, { args: [decision.args] });
        case 'delegate':
          return await handle.executeUpdate(delegateUpdate, { args: [decision.args] });
        case 'withdraw':
          return await handle.executeUpdate(withdrawUpdate, { args: [decision.args] });
      }
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        const details = error.cause.details?.[0] as RefusalDetails | undefined;
        const latest = await loadState(this.app.store, contractStream(contractId), contractDecider);
        throw new ApprovalRefusedError(
          error.cause.type ?? 'ILLEGAL_STATE',
          error.cause.message,
          details?.field,
          currentState(latest, roles),
        );
      }
      if (!(error instanceof WorkflowNotFoundError) && !isClosedWorkflow(error)) throw error;
    }
    // No approval of this version is running (never submitted, or already over).
    try {
      decideContract(asCommand(contractId, decision), state);
    } catch (error) {
      if (error instanceof DomainError) throw refusedBy(error, state, roles);
      throw error;
    }
    throw new ApprovalRefusedError(
      'not_in_approval',
      'No approval of this version is running',
      undefined,
      currentState(state, roles),
    );
  }
}

/** Temporal's answer to an update on a workflow that has completed. */
function isClosedWorkflow(error: unknown): boolean {
  return error instanceof Error && /workflow execution already completed|not found/i.test(error.message);
}
