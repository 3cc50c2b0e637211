import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate.ts';
import { ApiRequestError, requestJson, type Fetch } from './client.ts';
import { errorMessage } from './error-message.ts';

const respond =
  (status: number, body?: unknown): Fetch =>
  async () =>
    new Response(body === undefined ? null : JSON.stringify(body), { status });

describe('requestJson', () => {
  it('sends JSON with the cookie and parses the answer', async () => {
    let seen: RequestInit | undefined;
    const result = await requestJson<{ ok: boolean }>('POST', '/api/x', { a: 1 }, async (_url, init) => {
      seen = init;
      return new Response('{"ok":true}', { status: 200 });
    });
    expect(result).toEqual({ ok: true });
    expect(seen?.credentials).toBe('same-origin');
    expect(seen?.body).toBe('{"a":1}');
    expect((seen?.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('sends no content type without a body (the API refuses an empty JSON body)', async () => {
    let seen: RequestInit | undefined;
    await requestJson('POST', '/api/auth/sign-out', undefined, async (_url, init) => {
      seen = init;
      return new Response(null, { status: 204 });
    });
    expect((seen?.headers as Record<string, string>)['content-type']).toBeUndefined();
  });

  it("turns an ErrorBody into an ApiRequestError with the API's code and message", async () => {
    const error = await requestJson(
      'POST',
      '/api/auth/sign-in',
      {},
      respond(401, {
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        error: 'Unauthorized',
        message: 'The e-mail or the password is not right.',
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
  });

  it('reports an unreachable server as NETWORK', async () => {
    const error = await requestJson('GET', '/api/x', undefined, async () => {
      throw new TypeError('Failed to fetch');
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('copes with a non-JSON error page', async () => {
    const error = await requestJson(
      'GET',
      '/api/x',
      undefined,
      async () => new Response('<html>', { status: 502 }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'HTTP_502' });
  });
});

describe('errorMessage', () => {
  const invalid = new ApiRequestError(401, 'INVALID_CREDENTIALS', 'The e-mail or the password is not right.');
  const unknown = new ApiRequestError(409, 'SOMETHING_NEW', 'This was changed in the meantime.');

  it('speaks Indonesian for known codes', () => {
    expect(errorMessage(invalid, translator('id'), 'id')).toBe('E-mail atau kata sandi tidak sesuai.');
  });
  it("uses the API's message in English and for unknown codes", () => {
    expect(errorMessage(invalid, translator('en'), 'en')).toBe('The e-mail or the password is not right.');
    expect(errorMessage(unknown, translator('id'), 'id')).toBe('This was changed in the meantime.');
  });
  it('explains network failures and unexpected errors', () => {
    expect(errorMessage(new ApiRequestError(0, 'NETWORK', 'x'), translator('en'), 'en')).toMatch(
      /could not be reached/,
    );
    expect(errorMessage(new Error('boom'), translator('id'), 'id')).toMatch(/tidak terduga/);
  });
});
