import type { Task } from '@panggung/contracts';
import { evolveTimeline, initialTimelineState, type TimelineEvent } from '@panggung/domain';
import { describe, expect, it } from 'vitest';
import { taskNotices } from './timeline.ts';

const productionId = '00000000-0000-4000-8000-0000000000f1';
const ayu = '00000000-0000-4000-8000-0000000000a1';
const eko = '00000000-0000-4000-8000-0000000000a2';
const fajar = '00000000-0000-4000-8000-0000000000a3';
const task = (taskId: string, title: string, ownerId?: string): Task => ({
  taskId,
  title,
  kind: 'task',
  durationMinutes: 60,
  ...(ownerId ? { ownerId } : {}),
});
const rig = task('00000000-0000-4000-8000-00000000000a', 'Rigging', eko);
const focus = task('00000000-0000-4000-8000-00000000000b', 'Fokus lampu', fajar);
const sound = task('00000000-0000-4000-8000-00000000000c', 'Soundcheck', ayu);
const added = (t: Task): TimelineEvent => ({ type: 'TaskAdded', data: { productionId, task: t } });
const linked = (predecessorId: string, successorId: string): TimelineEvent => ({
  type: 'DependencyAdded',
  data: { productionId, predecessorId, successorId },
});
const completed = (taskId: string): TimelineEvent => ({
  type: 'TaskCompleted',
  data: { productionId, taskId, at: '2027-03-10T10:00:00.000Z' },
});
const given = (...events: TimelineEvent[]) => events.reduce(evolveTimeline, initialTimelineState);

describe('taskNotices', () => {
  it('tells the owner of a task added with one, but not an actor who owns it', () => {
    expect(taskNotices(initialTimelineState, added(rig), ayu)).toEqual([
      { personId: eko, kind: 'task.assigned', taskId: rig.taskId, excerpt: 'Rigging' },
    ]);
    expect(taskNotices(initialTimelineState, added(rig), eko)).toEqual([]);
    expect(taskNotices(initialTimelineState, added(task(rig.taskId, 'X')), ayu)).toEqual([]);
  });

  it('tells a new owner on an update, with the new title; not a kept or cleared owner', () => {
    const state = given(added(rig));
    const update = (changes: object): TimelineEvent => ({
      type: 'TaskUpdated',
      data: { productionId, taskId: rig.taskId, changes },
    });
    expect(taskNotices(state, update({ ownerId: fajar, title: 'Rigging truss' }), ayu)).toEqual([
      { personId: fajar, kind: 'task.assigned', taskId: rig.taskId, excerpt: 'Rigging truss' },
    ]);
    expect(taskNotices(state, update({ ownerId: eko }), ayu)).toEqual([]);
    expect(taskNotices(state, update({ ownerId: null }), ayu)).toEqual([]);
    expect(taskNotices(state, update({ durationMinutes: 90 }), ayu)).toEqual([]);
  });

  it('on completion tells the owners of unfinished tasks waiting on it, except the actor', () => {
    const state = given(
      added(rig),
      added(focus),
      added(sound),
      linked(rig.taskId, focus.taskId),
      linked(rig.taskId, sound.taskId),
    );
    expect(taskNotices(state, completed(rig.taskId), ayu)).toEqual([
      {
        personId: fajar,
        kind: 'task.predecessor_done',
        taskId: focus.taskId,
        excerpt: 'Rigging → Fokus lampu',
      },
    ]);
    const focusDone = given(
      added(rig),
      added(focus),
      linked(rig.taskId, focus.taskId),
      completed(focus.taskId),
    );
    expect(taskNotices(focusDone, completed(rig.taskId), eko)).toEqual([]);
    expect(taskNotices(state, completed(focus.taskId), ayu)).toEqual([]);
  });

  it('tells nobody of starts, removals, links and templates', () => {
    const state = given(added(rig), added(focus));
    expect(
      taskNotices(
        state,
        { type: 'TaskStarted', data: { productionId, taskId: rig.taskId, at: '2027-03-10T10:00:00.000Z' } },
        ayu,
      ),
    ).toEqual([]);
    expect(taskNotices(state, linked(rig.taskId, focus.taskId), ayu)).toEqual([]);
  });
});
