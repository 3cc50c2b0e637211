import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, DEMO } from '../testing/test-api.ts';
import { startTestApiWithWorker, type TestApiWithWorker } from '../testing/test-api-with-worker.ts';

/**
 * Phases through the API, with a worker in this process on this test's own task queue. The seeded
 * concert has budget estimates (sound, lighting, …) and no signed contract yet.
 */
let api: TestApiWithWorker;
const url = `/api/productions/${DEMO.concertId}/phases`;

beforeAll(async () => {
  api = await startTestApiWithWorker('phases');
  // The API's reactor starts the concert's workflow; once its first activity has recorded the planning
  // phase, the worker is polling. (The store rather than a query: a query sent before the worker's first
  // poll waits on the server's own deadline, longer than a loaded CI machine's start-up.)
  await vi.waitFor(
    async () =>
      expect((await api.app.store.readStream(`production-${DEMO.concertId}`)).map((e) => e.type)).toContain(
        'ProductionPlanningOpened',
      ),
    { timeout: 60_000, interval: 100 },
  );
});

afterAll(() => api?.stop());

const as = async (email: string) => bearer(await api.signIn(email));
const call = async (email: string, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) =>
  api.app.inject({ method, url: path, headers: await as(email), ...(payload ? { payload } : {}) });

describe('production phases through the API', () => {
  it('shows the next gate, advances, refuses with the missing conditions, forbids non-managers, and forces with a reason', async () => {
    const start = await call('ayu@gema.test', 'GET', url);
    expect(start.statusCode).toBe(200);
    expect(start.json()).toMatchObject({ phase: 'planning', next: 'pre_production', missing: [] });

    // Crew may not advance; a client may not even look.
    expect((await call('eko@gema.test', 'POST', `${url}/advance`, { to: 'pre_production' })).statusCode).toBe(
      403,
    );
    expect((await call('maya@sinarcahaya.test', 'GET', url)).statusCode).toBe(403);

    // No skipping.
    const skipped = await call('ayu@gema.test', 'POST', `${url}/advance`, { to: 'show_day' });
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json()).toMatchObject({ code: 'PHASE_NOT_NEXT', field: 'to' });

    const advanced = await call('ayu@gema.test', 'POST', `${url}/advance`, { to: 'pre_production' });
    expect(advanced.statusCode).toBe(200);
    expect(advanced.json()).toMatchObject({ from: 'planning', phase: 'pre_production', forced: false });

    // Only sound is required from now on: the gate names its unsigned contract and the checklists.
    const required = await call('ayu@gema.test', 'PUT', `${url}/requirements`, {
      expectedVersion: 0,
      categories: ['sound'],
    });
    expect(required.statusCode).toBe(200);
    expect(required.json()).toMatchObject({
      requiredCategories: ['sound'],
      requiredCategoriesSet: true,
      version: 1,
    });
    const stale = await call('ayu@gema.test', 'PUT', `${url}/requirements`, {
      expectedVersion: 0,
      categories: [],
    });
    expect(stale.statusCode).toBe(409);

    const eventsBefore = await api.eventCount();
    const refused = await call('ayu@gema.test', 'POST', `${url}/advance`, { to: 'technical_rehearsal' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'GATE_NOT_MET',
      missing: [
        {
          condition: { code: 'vendor_category_unsigned', category: 'sound' },
          met: false,
          message: 'A sound contract is signed',
        },
        { condition: { code: 'technical_checklists_missing' }, met: false },
      ],
    });
    expect(await api.eventCount()).toBe(eventsBefore);

    // Forcing: managers only, with a reason of at least 10 characters.
    expect(
      (
        await call('eko@gema.test', 'POST', `${url}/force`, {
          to: 'technical_rehearsal',
          reason: 'Saya yakin semuanya siap',
        })
      ).statusCode,
    ).toBe(403);
    const short = await call('ayu@gema.test', 'POST', `${url}/force`, {
      to: 'technical_rehearsal',
      reason: 'besok',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'VALIDATION', field: 'body.reason' });
    const reason = 'Kontrak sound ditandatangani besok pagi; rehearsal tidak bisa ditunda';
    const forced = await call('ayu@gema.test', 'POST', `${url}/force`, { to: 'technical_rehearsal', reason });
    expect(forced.statusCode).toBe(200);
    expect(forced.json()).toMatchObject({
      from: 'pre_production',
      phase: 'technical_rehearsal',
      forced: true,
    });
    const last = (await api.app.store.readStream(`production-${DEMO.concertId}`)).at(-1)!;
    expect(last.data).toMatchObject({
      to: 'technical_rehearsal',
      forced: {
        reason,
        byPersonId: DEMO.people.manager,
        missing: [
          { code: 'vendor_category_unsigned', category: 'sound' },
          { code: 'technical_checklists_missing' },
        ],
      },
    });

    const after = await call('rina@gema.test', 'GET', url);
    expect(after.json()).toMatchObject({ phase: 'technical_rehearsal', next: 'show_day' });
    expect(after.json().missing).toContainEqual({ code: 'crew_calls_unpublished' });
  });

  it('signals the workflow when the timeline changes, so it reminds of a milestone due within the lead time', async () => {
    const taskId = randomUUID();
    // Due in an hour: inside the default 24 h lead, so the reminder goes at once.
    const dueAt = new Date(Date.now() + 3_600_000).toISOString();
    await api.app.store.append(
      `timeline-${DEMO.concertId}`,
      'any',
      [
        {
          type: 'TaskAdded',
          data: {
            productionId: DEMO.concertId,
            task: { taskId, title: 'Rider final', kind: 'milestone', durationMinutes: 0, dueAt },
          },
        },
      ],
      { metadata: { actor: `person:${DEMO.people.manager}`, correlationId: 'phases-api-test' } },
    );
    await vi.waitFor(
      async () => {
        const reminders = (await api.app.store.readStream(`phases-${DEMO.concertId}`)).filter(
          (event) => event.type === 'MilestoneReminderSent',
        );
        expect(reminders.map((event) => event.data)).toEqual([
          { productionId: DEMO.concertId, taskId, title: 'Rider final', dueAt, leadMs: 24 * 3_600_000 },
        ]);
      },
      { timeout: 20_000, interval: 100 },
    );
  });
});
