/** Base of the domain's refusals; `code` is stable and maps to one HTTP status in the API. */
export abstract class DomainError extends Error {
  abstract readonly code: 'FORBIDDEN' | 'NOT_FOUND' | 'ILLEGAL_STATE' | 'VALIDATION';
  /** The input field at fault, when there is one. */
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
    this.name = new.target.name;
  }
}

/** The person may not do this (HTTP 403). */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

/** The thing does not exist, or the person may not know it does (HTTP 404). */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

/** The command does not fit the current state (HTTP 409). */
export class IllegalStateError extends DomainError {
  readonly code = 'ILLEGAL_STATE';
}

/** The command's content is wrong in a way a schema cannot see (HTTP 400). */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION';
}
