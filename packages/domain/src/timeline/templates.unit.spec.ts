import { describe, expect, it } from 'vitest';
import { criticalPath } from './critical-path.ts';
import { buildGraph, findCycle } from './graph.ts';
import { instantiateTemplate, TIMELINE_TEMPLATES } from './templates.ts';

describe('timeline templates', () => {
  for (const template of Object.values(TIMELINE_TEMPLATES)) {
    describe(template.name, () => {
      const { tasks, dependencies } = instantiateTemplate(template, (key) => `${template.kind}:${key}`);
      it('has a handful of tasks, milestones of zero duration, and dependencies only on its own tasks', () => {
        expect(tasks.length).toBeGreaterThanOrEqual(8);
        for (const t of template.tasks) expect(t.durationMinutes === 0).toBe(t.kind === 'milestone');
        expect(() =>
          buildGraph(
            tasks.map((t) => t.taskId),
            dependencies,
          ),
        ).not.toThrow();
      });
      it('has no dependency cycle', () => {
        expect(
          findCycle(
            buildGraph(
              tasks.map((t) => t.taskId),
              dependencies,
            ),
          ),
        ).toBeUndefined();
      });
      it('ends on its show-day milestone, reached by the critical path', () => {
        const result = criticalPath(tasks, dependencies, '2027-01-04T09:00:00+07:00');
        const last = template.tasks[template.tasks.length - 1]!;
        expect(last.kind).toBe('milestone');
        expect(result.criticalPath.at(-1)).toBe(`${template.kind}:${last.key}`);
        expect(result.criticalPath.length).toBeGreaterThan(2);
      });
    });
  }

  it('the concert is hand-checked: venue 7 d → permit 14 d → load-in 1 d → rehearsal 6 h → show', () => {
    const { tasks, dependencies } = instantiateTemplate(TIMELINE_TEMPLATES.concert, (key) => key);
    const result = criticalPath(tasks, dependencies, '2027-01-04T09:00:00+07:00');
    expect(result.criticalPath).toEqual(['venue', 'izin', 'loading', 'gladi', 'hari-h']);
    expect(result.duration).toBe((7 + 14 + 1) * 1440 + 6 * 60);
  });

  it('finds a cycle in a template that has one', () => {
    const broken = {
      ...TIMELINE_TEMPLATES.concert,
      tasks: TIMELINE_TEMPLATES.concert.tasks.map((t) =>
        t.key === 'venue' ? { ...t, after: ['gladi'] } : t,
      ),
    };
    const { tasks, dependencies } = instantiateTemplate(broken, (key) => key);
    expect(() => criticalPath(tasks, dependencies, '2027-01-04T09:00:00+07:00')).toThrow(/cycle/);
  });
});
