import { describe, expect, it } from 'vitest';
import { initialTimelineState, evolveTimeline, type TimelineEvent } from '../timeline/timeline.ts';
import { productionId } from './phase.fixtures.ts';
import { dueMilestones, nextMilestoneReminder, reminderKey, type DueMilestone } from './reminders.ts';

const hour = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const milestone = (n: number, dueAt: string): DueMilestone => ({
  taskId: `00000000-0000-4000-8000-00000000000${n}`,
  title: `Milestone ${n}`,
  dueAt,
});

describe('nextMilestoneReminder', () => {
  const a = milestone(1, '2027-03-10T10:00:00+07:00');
  const b = milestone(2, '2027-03-09T10:00:00+07:00');
  it('picks the milestone whose reminder time comes first', () =>
    expect(nextMilestoneReminder([a, b], new Set(), 24 * hour, at('2027-03-01T00:00:00+07:00'))).toEqual({
      milestone: b,
      remindAtMs: at('2027-03-08T10:00:00+07:00'),
    }));
  it('skips milestones already reminded, and those already due', () => {
    expect(
      nextMilestoneReminder([a, b], new Set([reminderKey(b)]), hour, at('2027-03-01T00:00:00+07:00'))
        ?.milestone,
    ).toBe(a);
    expect(nextMilestoneReminder([a, b], new Set(), hour, at('2027-03-09T12:00:00+07:00'))?.milestone).toBe(
      a,
    );
    expect(nextMilestoneReminder([a, b], new Set(), hour, at('2027-03-10T10:00:00+07:00'))).toBeUndefined();
  });
  it('reminds at once when the reminder time has passed but the milestone is not due', () =>
    expect(
      nextMilestoneReminder([a], new Set(), 24 * hour, at('2027-03-10T09:00:00+07:00'))?.remindAtMs,
    ).toBe(at('2027-03-09T10:00:00+07:00')));
});

describe('dueMilestones', () => {
  it('takes the timeline’s milestones with a due time, soonest first', () => {
    const state = [
      {
        taskId: '00000000-0000-4000-8000-000000000001',
        title: 'Load-in',
        kind: 'task' as const,
        durationMinutes: 60,
        dueAt: '2027-03-13T08:00:00+07:00',
      },
      {
        taskId: '00000000-0000-4000-8000-000000000002',
        title: 'Show',
        kind: 'milestone' as const,
        durationMinutes: 0,
        dueAt: '2027-03-14T16:00:00+07:00',
      },
      {
        taskId: '00000000-0000-4000-8000-000000000003',
        title: 'Rider final',
        kind: 'milestone' as const,
        durationMinutes: 0,
        dueAt: '2027-03-01T12:00:00+07:00',
      },
      {
        taskId: '00000000-0000-4000-8000-000000000004',
        title: 'No date',
        kind: 'milestone' as const,
        durationMinutes: 0,
      },
    ].reduce(
      (s, task) => evolveTimeline(s, { type: 'TaskAdded', data: { productionId, task } }),
      initialTimelineState,
    );
    expect(dueMilestones(state).map((m) => m.title)).toEqual(['Rider final', 'Show']);

    // Reached, moved or removed: a reminder follows the timeline as it is now.
    const changes: TimelineEvent[] = [
      {
        type: 'TaskCompleted',
        data: {
          productionId,
          taskId: '00000000-0000-4000-8000-000000000003',
          at: '2027-02-28T09:00:00+07:00',
        },
      },
      {
        type: 'TaskUpdated',
        data: {
          productionId,
          taskId: '00000000-0000-4000-8000-000000000004',
          changes: { dueAt: '2027-03-12T09:00:00+07:00' },
        },
      },
      {
        type: 'TaskRemoved',
        data: { productionId, taskId: '00000000-0000-4000-8000-000000000002', dependenciesRemoved: [] },
      },
    ];
    const later = changes.reduce(evolveTimeline, state);
    expect(dueMilestones(later).map((m) => [m.title, m.dueAt])).toEqual([
      ['No date', '2027-03-12T09:00:00+07:00'],
    ]);
  });
});
