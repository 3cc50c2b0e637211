import type { GateRefusedBody, PhaseChangeAccepted } from '@panggung/contracts';
import {
  advancePhaseUpdate,
  forceGateUpdate,
  productionWorkflowId,
  type AdvancePhaseArgs,
  type ForceGateArgs,
  type PhaseRefusalDetails,
} from '@panggung/workflows';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors/api-error.ts';
import { conditionView } from './readiness.ts';

const REFUSAL_STATUS: Record<string, number> = {
  gate_not_met: 409,
  phase_not_next: 409,
  wrong_role: 403,
  VALIDATION: 400,
  INVALID_ARGUMENT: 400,
  FORBIDDEN: 403,
  ILLEGAL_STATE: 409,
};

/** A phase change refused by the workflow: the status, and for a gate every missing condition. */
export class PhaseRefusedError extends ApiError {
  constructor(
    type: string,
    message: string,
    readonly details: PhaseRefusalDetails | undefined,
  ) {
    super(REFUSAL_STATUS[type] ?? 409, type.toUpperCase(), message, details?.field);
  }

  body(): GateRefusedBody {
    return {
      statusCode: this.statusCode,
      code: this.code,
      error: this.statusCode === 409 ? 'Conflict' : this.statusCode === 403 ? 'Forbidden' : 'Bad Request',
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.details?.missing
        ? { missing: this.details.missing.map((condition) => conditionView(condition)) }
        : {}),
    };
  }
}

export type PhaseChange =
  { kind: 'advance'; args: AdvancePhaseArgs } | { kind: 'force'; args: ForceGateArgs };

/** Sends a phase change to the production's workflow and answers what it answered. */
export async function changePhase(
  app: FastifyInstance,
  productionId: string,
  change: PhaseChange,
): Promise<PhaseChangeAccepted> {
  const client = await app.temporal.client();
  const handle = client.workflow.getHandle(productionWorkflowId(productionId));
  try {
    return change.kind === 'advance'
      ? await handle.executeUpdate(advancePhaseUpdate, { args: [change.args] })
      : await handle.executeUpdate(forceGateUpdate, { args: [change.args] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure)
      throw new PhaseRefusedError(
        error.cause.type ?? 'ILLEGAL_STATE',
        error.cause.message,
        error.cause.details?.[0] as PhaseRefusalDetails | undefined,
      );
    if (error instanceof WorkflowNotFoundError || /already completed|not found/i.test(String(error)))
      throw new PhaseRefusedError(
        'ILLEGAL_STATE',
        'The production’s workflow is not running (closed, or not started yet)',
        undefined,
      );
    throw error;
  }
}
