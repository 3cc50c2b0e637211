import type { Timeline } from '@panggung/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, DEMO, startTestApi, type TestApi } from '../testing/test-api.ts';

/** The timeline: tasks, dependencies with the cycle refusal, templates and the computed schedule. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('timeline');
});
afterAll(() => api.app.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = async (email: string, method: Method, url: string, payload?: object) =>
  api.app.inject({ method, url, headers: bearer(await api.signIn(email)), ...(payload ? { payload } : {}) });
const launch = `/api/productions/${DEMO.launchId}/timeline`;
const concert = `/api/productions/${DEMO.concertId}/timeline`;

describe('the timeline', () => {
  it('adds tasks, links them, refuses a cycle naming it, and computes the schedule', async () => {
    const add = async (payload: object) => {
      const response = await call('ayu@gema.test', 'POST', `${launch}/tasks`, payload);
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as Timeline;
    };
    await add({
      title: 'Kontrak ballroom',
      kind: 'task',
      durationMinutes: 2880,
      ownerId: DEMO.people.manager,
    });
    await add({ title: 'Setting AV', kind: 'task', durationMinutes: 480 });
    const withShow = await add({ title: 'Hari H', kind: 'milestone', durationMinutes: 0 });
    const [ballroom, av, show] = withShow.tasks.map((t) => t.taskId) as [string, string, string];
    expect(withShow.tasks[0]).toMatchObject({ ownerName: 'Ayu Lestari', progress: 'todo' });

    const link = (predecessorId: string, successorId: string) =>
      call('ayu@gema.test', 'POST', `${launch}/dependencies`, { predecessorId, successorId });
    expect((await link(ballroom, av)).statusCode).toBe(201);
    const linked = (await link(av, show)).json() as Timeline;
    expect(linked.criticalPath).toEqual([ballroom, av, show]);
    expect(linked.durationMinutes).toBe(2880 + 480);
    expect(linked.tasks[2]!.schedule.earliestStart).toBe(linked.showStartsAt);

    const before = await api.eventCount();
    const cycle = await link(show, ballroom);
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().message).toMatch(/cycle: Hari H → Kontrak ballroom → Setting AV → Hari H/);
    expect(await api.eventCount()).toBe(before);

    const changed = await call('ayu@gema.test', 'PATCH', `${launch}/tasks/${av}`, {
      durationMinutes: 600,
      dueAt: '2020-01-01T09:00:00+07:00',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((changed.json() as Timeline).tasks[1]).toMatchObject({ durationMinutes: 600, health: 'overdue' });

    const completing = await call('ayu@gema.test', 'POST', `${launch}/tasks/${av}/complete`);
    expect(completing.statusCode, completing.body).toBe(200);
    const done = completing.json() as Timeline;
    expect(done.tasks[1]).toMatchObject({ progress: 'done', health: 'done' });
    expect((await call('ayu@gema.test', 'POST', `${launch}/tasks/${av}/complete`)).statusCode).toBe(409);

    const unlinked = await call('ayu@gema.test', 'DELETE', `${launch}/dependencies/${av}/${show}`);
    expect((unlinked.json() as Timeline).dependencies).toEqual([
      { predecessorId: ballroom, successorId: av },
    ]);
    const removed = (await call('ayu@gema.test', 'DELETE', `${launch}/tasks/${ballroom}`)).json() as Timeline;
    expect(removed.tasks.map((t) => t.title)).toEqual(['Setting AV', 'Hari H']);
    expect(removed.dependencies).toEqual([]);
  });

  it('applies a template anchored on the show date, once', async () => {
    const applied = await call('ayu@gema.test', 'POST', `${concert}/templates`, { template: 'concert' });
    expect(applied.statusCode, applied.body).toBe(201);
    const view = applied.json() as Timeline;
    expect(view.tasks).toHaveLength(10);
    const showDay = view.tasks.find((t) => t.title === 'Hari H konser')!;
    expect(showDay.dueAt).toBe(view.showStartsAt);
    expect(showDay.schedule).toMatchObject({ critical: true, earliestStart: view.showStartsAt });
    expect(view.finishesAt).toBe(view.showStartsAt);
    const again = await call('ayu@gema.test', 'POST', `${concert}/templates`, { template: 'concert' });
    expect(again.json()).toMatchObject({ statusCode: 409, message: expect.stringMatching(/already/) });
  });

  it('answers bad input with 400 naming the field, others 403 or 404, and changes nothing', async () => {
    const before = await api.eventCount();
    const milestone = await call('ayu@gema.test', 'POST', `${launch}/tasks`, {
      title: 'Gladi',
      kind: 'milestone',
      durationMinutes: 60,
    });
    expect(milestone.json()).toMatchObject({ statusCode: 400, field: 'durationMinutes' });
    expect(
      (
        await call('ayu@gema.test', 'POST', `${launch}/tasks`, {
          title: '',
          kind: 'task',
          durationMinutes: 5,
        })
      ).statusCode,
    ).toBe(400);
    const stranger = await call('ayu@gema.test', 'POST', `${launch}/tasks`, {
      title: 'X',
      kind: 'task',
      durationMinutes: 5,
      ownerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(stranger.json()).toMatchObject({ statusCode: 404, field: 'ownerId' });
    const crew = await call('eko@gema.test', 'POST', `${concert}/tasks`, {
      title: 'X',
      kind: 'task',
      durationMinutes: 5,
    });
    expect(crew.statusCode).toBe(403);
    expect((await call('eko@gema.test', 'GET', concert)).statusCode).toBe(200);
    expect((await call('maya@sinarcahaya.test', 'GET', concert)).statusCode).toBe(403);
    expect((await call('eko@gema.test', 'GET', launch)).statusCode).toBe(404);
    expect(await api.eventCount()).toBe(before);
  });
});

describe('task notifications', () => {
  interface Feed {
    items: { kind: string; productionId: string; payload: { item?: { id: string }; excerpt?: string } }[];
  }
  const feed = async (email: string) =>
    ((await call(email, 'GET', '/api/me/notifications?limit=100')).json() as Feed).items.filter((n) =>
      n.kind.startsWith('task.'),
    );

  it('tells an owner a task is theirs, and when the task it waits for is done; never the actor', async () => {
    const add = async (payload: object) => {
      const response = await call('ayu@gema.test', 'POST', `${concert}/tasks`, payload);
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as Timeline).tasks.at(-1)!.taskId;
    };
    const rig = await add({
      title: 'Rigging truss',
      kind: 'task',
      durationMinutes: 240,
      ownerId: DEMO.people.sound,
    });
    const focus = await add({ title: 'Fokus lampu', kind: 'task', durationMinutes: 120 });
    await add({ title: 'Rapat produksi', kind: 'task', durationMinutes: 60, ownerId: DEMO.people.manager });

    expect(await feed('eko@gema.test')).toEqual([
      expect.objectContaining({
        kind: 'task.assigned',
        productionId: DEMO.concertId,
        payload: expect.objectContaining({ item: { kind: 'task', id: rig }, excerpt: 'Rigging truss' }),
      }),
    ]);
    // Ayu gave the meeting to herself: nothing to tell her.
    expect(await feed('ayu@gema.test')).toEqual([]);

    const handed = await call('ayu@gema.test', 'PATCH', `${concert}/tasks/${focus}`, {
      ownerId: DEMO.people.lighting,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    // A change that keeps the owner tells nobody again.
    await call('ayu@gema.test', 'PATCH', `${concert}/tasks/${focus}`, { durationMinutes: 180 });
    expect((await feed('fajar@gema.test')).map((n) => [n.kind, n.payload.excerpt])).toEqual([
      ['task.assigned', 'Fokus lampu'],
    ]);

    const linked = await call('ayu@gema.test', 'POST', `${concert}/dependencies`, {
      predecessorId: rig,
      successorId: focus,
    });
    expect(linked.statusCode, linked.body).toBe(201);
    const completed = await call('ayu@gema.test', 'POST', `${concert}/tasks/${rig}/complete`);
    expect(completed.statusCode, completed.body).toBe(200);
    expect(
      (await feed('fajar@gema.test')).map((n) => [n.kind, n.payload.item?.id, n.payload.excerpt]),
    ).toEqual([
      ['task.predecessor_done', focus, 'Rigging truss → Fokus lampu'],
      ['task.assigned', focus, 'Fokus lampu'],
    ]);
    // Eko owns the finished task, not the waiting one.
    expect((await feed('eko@gema.test')).map((n) => n.kind)).toEqual(['task.assigned']);
  });
});
