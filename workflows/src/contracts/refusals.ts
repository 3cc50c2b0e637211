import { ApplicationFailure } from '@temporalio/workflow';
import { approvalRefusalOf, DomainError } from '@panggung/domain';

/** What a refused call carries in its failure's details, for the API to answer with. */
export interface RefusalDetails {
  readonly code: DomainError['code'] | 'INVALID_ARGUMENT';
  readonly field?: string | undefined;
}

/**
 * A domain refusal as a non-retryable ApplicationFailure: `type` is the approval refusal
 * (`wrong_person`…) or the domain code (`VALIDATION`…), the details carry the code and the field.
 * Anything else (a malformed call) becomes `INVALID_ARGUMENT`.
 */
export function asRefusal(error: unknown): ApplicationFailure {
  if (error instanceof DomainError) {
    const details: RefusalDetails = { code: error.code, field: error.field };
    return ApplicationFailure.create({
      type: approvalRefusalOf(error) ?? error.code,
      message: error.message,
      nonRetryable: true,
      details: [details],
    });
  }
  const details: RefusalDetails = { code: 'INVALID_ARGUMENT' };
  return ApplicationFailure.create({
    type: 'INVALID_ARGUMENT',
    message: error instanceof Error ? error.message : String(error),
    nonRetryable: true,
    details: [details],
  });
}
