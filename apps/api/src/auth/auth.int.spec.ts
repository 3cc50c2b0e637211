import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo.ts';
import { bearer, startTestApi, type TestApi } from '../testing/test-api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('auth', { signInLimitPerMinute: 8 });
});
afterAll(() => api.app.close());

describe('sign-in', () => {
  it('issues a token and an HttpOnly cookie, and the token opens /api/auth/me', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'AYU@gema.test', password: DEMO.password },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.me).toMatchObject({ name: 'Ayu Lestari', locale: 'id' });
    expect(body.me.memberships).toContainEqual({ productionId: DEMO.concertId, role: 'production_manager' });
    expect(response.headers['set-cookie']).toMatch(/panggung_session=.+HttpOnly/i);

    const me = await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(body.token) });
    expect(me.json()).toMatchObject({ email: 'ayu@gema.test' });
    const cookie = await api.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { panggung_session: body.token },
    });
    expect(cookie.statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown e-mail alike, without a hint which', async () => {
    const wrong = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'ayu@gema.test', password: 'nope' },
    });
    const unknown = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'who@gema.test', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('answers 401 without a session, with a broken token and after sign-out', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({
      statusCode: 401,
      code: 'UNAUTHENTICATED',
    });
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer('x'.repeat(43)) }))
        .statusCode,
    ).toBe(401);
    const token = await api.signIn('budi@gema.test');
    const out = await api.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: bearer(token) });
    expect(out.statusCode).toBe(204);
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode,
    ).toBe(401);
  });

  it('limits sign-in attempts with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push(
        (
          await api.app.inject({
            method: 'POST',
            url: '/api/auth/sign-in',
            payload: { email: 'x@y.test', password: 'z' },
          })
        ).statusCode,
      );
    expect(statuses).toContain(429);
    const limited = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'x@y.test', password: 'z' },
    });
    expect(limited.json()).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
  });
});

describe('health', () => {
  it('is ready when PostgreSQL and Temporal answer', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      checks: { postgres: { ok: true }, temporal: { ok: true } },
    });
  });
});

describe('the API description', () => {
  it('serves an OpenAPI document naming every route with its schemas, and the interactive page', async () => {
    const document = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/sign-in',
        '/api/productions',
        '/api/productions/{id}',
        '/health/ready',
      ]),
    );
    expect(
      document.paths['/api/productions/{id}'].patch.requestBody.content['application/json'].schema.required,
    ).toContain('expectedVersion');
    const page = await api.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});
