import type { CrewSchedule, Logistics, PhaseReadiness, Timeline } from '@panggung/contracts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, DEMO, startTestApi, type TestApi } from '../testing/test-api.ts';

let api: TestApi;
const concert = `/api/productions/${DEMO.concertId}`;

beforeAll(async () => {
  api = await startTestApi('seed_planning', {}, undefined, { planning: true });
});
afterAll(async () => {
  await api?.app.close();
});

const get = async <T>(url: string, email = 'ayu@gema.test'): Promise<T> => {
  const response = await api.app.inject({ method: 'GET', url, headers: bearer(await api.signIn(email)) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};

describe('the demo concert’s plan', () => {
  it('has a timeline from the concert template with owned tasks, dependencies and the first tasks done', async () => {
    // The timeline view reads its projection: wait until it has caught up with the seed.
    const timeline = await vi.waitFor(
      async () => {
        const view = await get<Timeline>(`${concert}/timeline`);
        expect(view.tasks).toHaveLength(14);
        return view;
      },
      { timeout: 20_000, interval: 100 },
    );
    const byTitle = new Map(timeline.tasks.map((task) => [task.title, task]));
    expect(byTitle.get('Kontrak venue ditandatangani')?.progress).toBe('done');
    expect(byTitle.get('Pengurusan izin keramaian')?.progress).toBe('started');
    expect(byTitle.get('Patch list & input list final')?.ownerId).toBe(DEMO.people.sound);
    const rundown = byTitle.get('Rundown & cue sheet final')!.taskId;
    const rehearsal = byTitle.get('Gladi bersih')!.taskId;
    expect(timeline.dependencies).toContainEqual({ predecessorId: rundown, successorId: rehearsal });
    expect(timeline.criticalPath.length).toBeGreaterThan(0);
  });

  it('has the department heads’ key calls on load-in, rehearsal and show day, without conflicts, unpublished', async () => {
    const schedule = await get<CrewSchedule>(`${concert}/crew`);
    expect(schedule.shifts).toHaveLength(12);
    expect(schedule.shifts.every((shift) => shift.key && shift.conflicts.length === 0)).toBe(true);
    expect(schedule.days.map((day) => [day.day, day.status])).toEqual([
      ['2027-03-12', 'draft'],
      ['2027-03-13', 'draft'],
      ['2027-03-14', 'draft'],
    ]);
  });

  it('has the venue, its load windows, equipment and a transport run', async () => {
    const logistics = await get<Logistics>(`${concert}/logistics`);
    expect(logistics.venue).toMatchObject({ location: 'Lapangan Banteng', powerKva: 500, capacity: 8000 });
    expect(logistics.windows.map((window) => window.kind).sort()).toEqual(['load_in', 'load_out']);
    expect(logistics.equipment).toHaveLength(4);
    expect(logistics.runs).toHaveLength(1);
  });

  it('stays in planning, its first gate met and the show-day work left to do', async () => {
    const phases = await get<PhaseReadiness>(`${concert}/phases`);
    expect(phases).toMatchObject({ phase: 'planning', next: 'pre_production', missing: [] });
    const technical = await get<{ departments: Array<{ department: string; headId?: string }> }>(
      `${concert}/technical`,
    );
    expect(Object.fromEntries(technical.departments.map((d) => [d.department, d.headId]))).toEqual({
      sound: DEMO.people.sound,
      lighting: DEMO.people.lighting,
      video: DEMO.people.video,
      stage: DEMO.people.stage,
    });
  });
});
