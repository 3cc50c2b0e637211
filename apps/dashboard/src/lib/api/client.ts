import type { ErrorBody } from '@panggung/contracts';

/**
 * A refused or failed request. `code` is the API's stable code (`INVALID_CREDENTIALS`, `STALE_VERSION`, …)
 * or `NETWORK` when the server could not be reached; `message` is the API's text for people.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The whole error body, for refusals that carry more (a gate's missing conditions). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

function isErrorBody(value: unknown): value is ErrorBody {
  const body = value as Partial<ErrorBody> | null;
  return typeof body?.code === 'string' && typeof body.message === 'string';
}

/**
 * Calls the API on the same origin. The session travels in the HttpOnly `panggung_session` cookie the API
 * set at sign-in, so the dashboard never holds a token that a script could steal.
 */
export async function requestJson<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  fetchImpl: Fetch = (input, init) => fetch(input, init),
): Promise<T> {
  let response: Response;
  try {
    response = await fetchImpl(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new ApiRequestError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    if (isErrorBody(parsed))
      throw new ApiRequestError(response.status, parsed.code, parsed.message, parsed.field, parsed);
    throw new ApiRequestError(
      response.status,
      `HTTP_${response.status}`,
      response.statusText || 'Request failed',
    );
  }
  return parsed as T;
}
