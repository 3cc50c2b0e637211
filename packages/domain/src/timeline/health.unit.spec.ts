import type { Task } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { criticalPath } from './critical-path.ts';
import { timelineHealth } from './health.ts';

const start = '2027-03-01T09:00:00+07:00';
// The permit takes two days and is due 5 March 09:00; the plan (from 1 March) finishes it on 3 March.
const permit: Task = {
  taskId: 'permit',
  title: 'Izin keramaian',
  kind: 'task',
  durationMinutes: 2880,
  dueAt: '2027-03-05T09:00:00+07:00',
};
// The rigging waits for the permit and takes three days, but is due 5 March too: the plan cannot make it.
const rigging: Task = { ...permit, taskId: 'rigging', title: 'Rigging', durationMinutes: 4320 };
const catering: Task = { taskId: 'catering', title: 'Katering', kind: 'task', durationMinutes: 60 };
const tasks = [permit, rigging, catering];
const schedule = criticalPath(tasks, [{ predecessorId: 'permit', successorId: 'rigging' }], start).schedule;
const healthAt = (now: string, done?: ReadonlySet<string>) =>
  Object.fromEntries(timelineHealth(tasks, schedule, start, now, done).map((r) => [r.taskId, r]));

describe('timelineHealth', () => {
  it('is on track with time to spare, and always without a due date', () => {
    const health = healthAt('2027-03-02T09:00:00+07:00');
    expect(health.permit).toEqual({ taskId: 'permit', health: 'on_track' });
    expect(health.catering).toEqual({ taskId: 'catering', health: 'on_track' });
  });
  it('is at risk when the planned schedule finishes it after its due date', () => {
    expect(healthAt('2027-03-01T09:00:00+07:00').rigging).toEqual({
      taskId: 'rigging',
      health: 'at_risk',
      // Permit done 3 March 09:00, rigging three days later: 6 March 09:00, a day late.
      reason: 'The plan finishes it 1 d after its due date',
    });
  });
  it('is at risk when it could no longer be done in time even if started now', () => {
    expect(healthAt('2027-03-04T09:00:00+07:00').permit).toEqual({
      taskId: 'permit',
      health: 'at_risk',
      reason: 'It takes 2 d and is due in 1 d',
    });
  });
  it('is overdue once its due date has passed', () => {
    expect(healthAt('2027-03-05T11:30:00+07:00').permit).toEqual({
      taskId: 'permit',
      health: 'overdue',
      reason: 'Due 2 h 30 min ago',
    });
  });
  it('is done when done, even past its due date', () => {
    expect(healthAt('2027-03-06T09:00:00+07:00', new Set(['permit'])).permit?.health).toBe('done');
  });
});
