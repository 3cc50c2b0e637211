/** An HTTP error the API raises itself (not a domain refusal): a status, a stable code and a message. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const unauthenticated = (message = 'Sign in first: this needs a valid session.'): ApiError =>
  new ApiError(401, 'UNAUTHENTICATED', message);
