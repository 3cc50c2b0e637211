import type { ApprovalStep } from '@panggung/contracts';
import { ForbiddenError, IllegalStateError, NotFoundError } from '../core/errors.ts';

/**
 * Why an approval call was refused. The workflow's update validators answer with this as the failure's
 * type, so the API can tell the caller precisely (and map it to HTTP: wrong_step, stale_version and
 * already_decided are 409; wrong_role, wrong_person and own_contract are 403).
 */
export type ApprovalRefusal =
  'wrong_step' | 'wrong_role' | 'wrong_person' | 'own_contract' | 'stale_version' | 'already_decided';

/** The contract is not at the step the call names. */
export class WrongStepError extends IllegalStateError {
  readonly refusal = 'wrong_step' satisfies ApprovalRefusal;
  constructor(
    message: string,
    readonly current: ApprovalStep | undefined,
  ) {
    super(message, 'step');
  }
}

/** The caller does not hold the role the step needs (a client on the manager's step, finance on any step but the overrun). */
export class WrongRoleError extends ForbiddenError {
  readonly refusal = 'wrong_role' satisfies ApprovalRefusal;
  constructor(message: string) {
    super(message, 'actor');
  }
}

/** The caller holds the role, but the step is assigned to someone else (and was not delegated to them). */
export class NotYourStepError extends ForbiddenError {
  readonly refusal = 'wrong_person' satisfies ApprovalRefusal;
  constructor(message: string) {
    super(message, 'actor');
  }
}

/** A vendor can never decide on its own contract, whatever else it holds. */
export class OwnContractError extends ForbiddenError {
  readonly refusal = 'own_contract' satisfies ApprovalRefusal;
  constructor(message = 'A vendor can never approve, reject or delegate its own contract') {
    super(message, 'actor');
  }
}

/** The caller looked at another version of the contract than the current one. */
export class StaleContractVersionError extends IllegalStateError {
  readonly refusal = 'stale_version' satisfies ApprovalRefusal;
  constructor(
    readonly expected: number,
    readonly current: number,
  ) {
    super(
      `You looked at version ${expected} of the contract; it is at version ${current} now`,
      'contractVersion',
    );
  }
}

/** The step, or the whole chain, was already decided. */
export class AlreadyDecidedError extends IllegalStateError {
  readonly refusal = 'already_decided' satisfies ApprovalRefusal;
  constructor(message: string) {
    super(message, 'step');
  }
}

export class ContractNotFoundError extends NotFoundError {
  constructor(contractId: string) {
    super(`Contract ${contractId} was not found`, 'contractId');
  }
}

/** The refusal kind of an error, if it is an approval refusal. */
export function approvalRefusalOf(error: unknown): ApprovalRefusal | undefined {
  return error instanceof Error && 'refusal' in error ? (error.refusal as ApprovalRefusal) : undefined;
}
