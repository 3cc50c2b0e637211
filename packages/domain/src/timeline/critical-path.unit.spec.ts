import type { Dependency, Task } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { criticalPath } from './critical-path.ts';

const start = '2027-03-01T09:00:00+07:00';
const task = (taskId: string, durationMinutes: number): Task => ({
  taskId,
  title: `Tugas ${taskId}`,
  kind: durationMinutes === 0 ? 'milestone' : 'task',
  durationMinutes,
});
const dep = (predecessorId: string, successorId: string): Dependency => ({ predecessorId, successorId });

/** [earliest start, earliest finish, latest start, latest finish, slack] per task, hand-computed. */
function times(result: ReturnType<typeof criticalPath>) {
  return Object.fromEntries(
    result.schedule.map((s) => [
      s.taskId,
      [s.earliestStart, s.earliestFinish, s.latestStart, s.latestFinish, s.slack],
    ]),
  );
}

describe('criticalPath', () => {
  it('a chain is critical from end to end', () => {
    const result = criticalPath(
      [task('c', 30), task('b', 120), task('a', 60)],
      [dep('a', 'b'), dep('b', 'c')],
      start,
    );
    expect(times(result)).toEqual({
      a: [0, 60, 0, 60, 0],
      b: [60, 180, 60, 180, 0],
      c: [180, 210, 180, 210, 0],
    });
    expect(result.criticalPath).toEqual(['a', 'b', 'c']);
    expect(result.duration).toBe(210);
    expect(result.finishesAt).toBe('2027-03-01T05:30:00.000Z'); // 12:30 WIB
  });

  it('a diamond follows its longer branch; the shorter one has slack', () => {
    // s(10) → long(100) → end(20), s → short(40) → end: 10 + 100 + 20 = 130; short may slip 60.
    const result = criticalPath(
      [task('s', 10), task('long', 100), task('short', 40), task('end', 20)],
      [dep('s', 'long'), dep('s', 'short'), dep('long', 'end'), dep('short', 'end')],
      start,
    );
    expect(times(result)).toEqual({
      s: [0, 10, 0, 10, 0],
      long: [10, 110, 10, 110, 0],
      short: [10, 50, 70, 110, 60],
      end: [110, 130, 110, 130, 0],
    });
    expect(result.criticalPath).toEqual(['s', 'long', 'end']);
  });

  it('parallel independent branches: only the longest is critical', () => {
    // a(30) → b(30) = 60, c(100) alone, d(50) alone: the project takes 100.
    const result = criticalPath(
      [task('a', 30), task('b', 30), task('c', 100), task('d', 50)],
      [dep('a', 'b')],
      start,
    );
    expect(times(result)).toEqual({
      a: [0, 30, 40, 70, 40],
      b: [30, 60, 70, 100, 40],
      c: [0, 100, 0, 100, 0],
      d: [0, 50, 50, 100, 50],
    });
    expect(result.criticalPath).toEqual(['c']);
    expect(result.duration).toBe(100);
  });

  it('a milestone of zero duration sits on the path at a point in time', () => {
    // design(60) and permit(10) → approval (milestone) → build(30).
    const result = criticalPath(
      [task('design', 60), task('permit', 10), task('approval', 0), task('build', 30)],
      [dep('design', 'approval'), dep('permit', 'approval'), dep('approval', 'build')],
      start,
    );
    expect(times(result)).toEqual({
      design: [0, 60, 0, 60, 0],
      permit: [0, 10, 50, 60, 50],
      approval: [60, 60, 60, 60, 0],
      build: [60, 90, 60, 90, 0],
    });
    expect(result.criticalPath).toEqual(['design', 'approval', 'build']);
  });

  it('two equally long branches are both critical, in order of start', () => {
    const result = criticalPath(
      [task('x2', 50), task('x1', 50), task('y1', 60), task('y2', 40), task('end', 0)],
      [dep('x1', 'x2'), dep('y1', 'y2'), dep('x2', 'end'), dep('y2', 'end')],
      start,
    );
    expect(result.criticalPath).toEqual(['x1', 'y1', 'x2', 'y2', 'end']);
  });

  it('an empty timeline takes no time', () => {
    expect(criticalPath([], [], start)).toMatchObject({ duration: 0, schedule: [], criticalPath: [] });
  });

  it('refuses a dependency cycle, naming it', () => {
    expect(() =>
      criticalPath(
        [task('a', 10), task('b', 10), task('c', 10), task('d', 10)],
        [dep('d', 'a'), dep('a', 'b'), dep('b', 'c'), dep('c', 'a')],
        start,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_STATE',
        message: 'The dependencies would form a cycle: Tugas a → Tugas b → Tugas c → Tugas a',
        cycle: ['a', 'b', 'c', 'a'],
      }),
    );
  });

  it('refuses a dependency on an unknown task', () => {
    expect(() => criticalPath([task('a', 10)], [dep('a', 'ghost')], start)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', field: 'successorId' }),
    );
  });

  it('refuses a project start that is not an instant', () => {
    expect(() => criticalPath([task('a', 10)], [], 'besok')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', field: 'projectStart' }),
    );
  });
});
