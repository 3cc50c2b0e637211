import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo.ts';
import { bearer, startTestApi, type TestApi } from '../testing/test-api.ts';

/**
 * Hostile and malformed input to every route in the OpenAPI document: wrong types, huge strings, deep
 * JSON, unknown fields, injection strings where a format forbids them. Every answer must be a 4xx with
 * the error shape, never a 5xx, and the store must not change.
 */
let api: TestApi;
let routes: Array<{ method: string; path: string; hasBody: boolean }>;

beforeAll(async () => {
  api = await startTestApi('fuzz');
  await api.app.ready();
  const document = api.app.swagger() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
  routes = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => ['get', 'post', 'patch', 'put', 'delete'].includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        hasBody: Boolean(operation.requestBody),
      })),
  );
});
afterAll(() => api.app.close());

const INJECTIONS: string[] = [
  "' OR 1=1 --",
  '"; drop table events; --',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '${jndi:ldap://x}',
  '\u0000',
  '%00',
  '{{7*7}}',
];
const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const huge = 'A'.repeat(400 * 1024);

/** Path parameter values that are never valid ids. */
const BAD_IDS = [
  ...INJECTIONS.filter((s) => !s.includes('/')).map(encodeURIComponent),
  'not-a-uuid',
  '1'.repeat(500),
  '-1',
];

function fill(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, value);
}

function hostileBodies(): Array<{ name: string; payload: string; contentType?: string }> {
  return [
    { name: 'malformed JSON', payload: '{"name": ' },
    { name: 'JSON null', payload: 'null' },
    { name: 'a JSON array', payload: '[1,2,3]' },
    { name: 'a JSON string', payload: '"hello"' },
    { name: 'deep JSON', payload: nested(20_000) },
    { name: 'deep object', payload: '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000) },
    { name: 'a huge string', payload: JSON.stringify({ name: huge, email: huge, password: huge }) },
    {
      name: 'unknown fields',
      payload: JSON.stringify({
        expectedVersion: 1,
        name: 'x',
        isAdmin: true,
        role: 'org_admin',
        $where: '1',
      }),
    },
    {
      name: 'prototype pollution',
      payload: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
    },
    {
      name: 'wrong types',
      payload: JSON.stringify({
        expectedVersion: 'one',
        name: 42,
        kind: ['concert'],
        venue: 'here',
        startsAt: 1,
        endsAt: true,
        email: 7,
        password: null,
        personId: 5,
        role: {},
      }),
    },
    {
      name: 'injection in formatted fields',
      payload: JSON.stringify({
        expectedVersion: 0,
        email: INJECTIONS[0],
        password: 'x',
        personId: INJECTIONS[1],
        role: INJECTIONS[2],
        startsAt: INJECTIONS[3],
      }),
    },
    {
      name: 'a negative and a fractional version',
      payload: JSON.stringify({ expectedVersion: -1.5, name: 'x' }),
    },
    { name: 'plain text', payload: 'name=x', contentType: 'text/plain' },
    { name: 'form data', payload: 'name=x&kind=concert', contentType: 'application/x-www-form-urlencoded' },
  ];
}

describe('the error model', () => {
  it('answers an over-large body with 413 naming the problem, and a wrong media type with 415', async () => {
    const token = await api.signIn('ayu@gema.test');
    const before = await api.eventCount();
    const large = await api.app.inject({
      method: 'POST',
      url: '/api/productions',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: JSON.stringify({ name: huge }),
    });
    expect(large.statusCode).toBe(413);
    expect(large.json()).toMatchObject({ code: 'BODY_TOO_LARGE', message: expect.stringMatching(/body/i) });
    const text = await api.app.inject({
      method: 'POST',
      url: '/api/productions',
      headers: { ...bearer(token), 'content-type': 'text/plain' },
      payload: 'name=x',
    });
    expect(text.statusCode).toBe(415);
    expect(await api.eventCount()).toBe(before);
  });

  it('names the field at fault in a 400', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/productions',
      headers: bearer(await api.signIn('ayu@gema.test')),
      payload: {
        name: 'Gala',
        kind: 'wedding',
        venue: { name: 'x', city: 'Bandung' },
        startsAt: '2027-01-01T10:00:00+07:00',
        endsAt: '2027-01-01T12:00:00+07:00',
      },
    });
    expect(response.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION', field: 'body.kind' });
  });
});

describe('hostile input to every route', () => {
  it('finds the routes to attack', () => {
    expect(routes.length).toBeGreaterThanOrEqual(9);
  });

  it('answers every hostile request with a 4xx error body and changes nothing', async () => {
    const token = await api.signIn('ayu@gema.test');
    const before = await api.eventCount();
    const failures: string[] = [];
    const attempts: Array<{ label: string; request: InjectOptions }> = [];
    for (const route of routes) {
      if (route.path === '/api/live' || route.path.startsWith('/api/docs')) continue;
      for (const id of BAD_IDS)
        if (route.path.includes('{'))
          attempts.push({
            label: `${route.method} ${route.path} id=${id.slice(0, 20)}`,
            request: { method: route.method as 'GET', url: fill(route.path, id), headers: bearer(token) },
          });
      if (route.hasBody) {
        const url = fill(
          route.path,
          route.path.includes('{personId}') ? DEMO.people.video : DEMO.concertId,
        ).replace(DEMO.people.video, DEMO.people.video);
        const target = route.path.includes('{id}') ? url.replace(/\{id\}/, DEMO.concertId) : url;
        for (const body of hostileBodies())
          attempts.push({
            label: `${route.method} ${route.path} ${body.name}`,
            request: {
              method: route.method as 'POST',
              url: target,
              headers: { ...bearer(token), 'content-type': body.contentType ?? 'application/json' },
              payload: body.payload,
            },
          });
      }
      if (route.method === 'GET' && !route.path.includes('{'))
        for (const query of [
          'limit=-1',
          'limit=abc',
          'limit=99999',
          `cursor=${encodeURIComponent(INJECTIONS[0]!)}`,
          'cursor=' + 'A'.repeat(5000),
          'extra=1&limit=1e3',
        ])
          attempts.push({
            label: `${route.method} ${route.path}?${query.slice(0, 30)}`,
            request: { method: 'GET', url: `${route.path}?${query}`, headers: bearer(token) },
          });
    }
    expect(attempts.length).toBeGreaterThan(100);
    for (const { label, request } of attempts) {
      const response = await api.app.inject(request);
      const status = response.statusCode;
      const body = response.body;
      if (status < 400 || status >= 500) failures.push(`${label} → ${status} ${body.slice(0, 200)}`);
      else if (!/"code":"[A-Z_]+"/.test(body) || /at .*\.ts:\d+/.test(body))
        failures.push(`${label} → ${status} without the error shape, or with a stack: ${body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(await api.eventCount()).toBe(before);
  });

  it('refuses unauthenticated requests to every protected route with 401 and changes nothing', async () => {
    const before = await api.eventCount();
    for (const route of routes) {
      if (
        !route.path.startsWith('/api/') ||
        route.path === '/api/auth/sign-in' ||
        route.path === '/api/auth/sign-out' ||
        route.path === '/api/live' ||
        // The server's clock, for screens to sync to before anyone signs in: public by design.
        route.path === '/api/clock' ||
        route.path.startsWith('/api/docs')
      )
        continue;
      const response = await api.app.inject({
        method: route.method as 'GET',
        url: fill(route.path, DEMO.concertId),
        payload: route.hasBody ? { expectedVersion: 1 } : undefined,
      });
      // A calendar feed is opened by calendar apps without a session: its secret token is the credential,
      // so a token that is not one is refused as such (never 401, never a feed).
      const expected = route.path.startsWith('/api/calendar/') ? [400, 404] : [401];
      expect(expected, `${route.method} ${route.path} → ${response.statusCode}`).toContain(
        response.statusCode,
      );
    }
    expect(await api.eventCount()).toBe(before);
  });
});
