import type { Task } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import {
  decideTimeline,
  evolveTimeline,
  initialTimelineState,
  TIMELINE_EVENT_TYPES,
  type TimelineCommand,
  type TimelineEvent,
} from './timeline.ts';

const spec = specification(decideTimeline, evolveTimeline, initialTimelineState);
const metadata = { actor: 'person:ayu', now: '2027-01-10T09:00:00+07:00' };
const productionId = '11111111-1111-4111-8111-111111111111';

const venue: Task = { taskId: 'venue', title: 'Kontrak venue', kind: 'task', durationMinutes: 4320 };
const stage: Task = { taskId: 'stage', title: 'Desain panggung', kind: 'task', durationMinutes: 2880 };
const loadIn: Task = { taskId: 'load-in', title: 'Loading in', kind: 'task', durationMinutes: 720 };
const showDay: Task = { taskId: 'show', title: 'Hari H', kind: 'milestone', durationMinutes: 0 };

const added = (task: Task): TimelineEvent => ({ type: 'TaskAdded', data: { productionId, task } });
const linked = (predecessorId: string, successorId: string): TimelineEvent => ({
  type: 'DependencyAdded',
  data: { productionId, predecessorId, successorId },
});
const addTask = (task: Task): TimelineCommand => ({
  type: 'AddTask',
  data: { productionId, task },
  metadata,
});
const link = (predecessorId: string, successorId: string): TimelineCommand => ({
  type: 'AddDependency',
  data: { productionId, predecessorId, successorId },
  metadata,
});
const unlink = (predecessorId: string, successorId: string): TimelineCommand => ({
  type: 'RemoveDependency',
  data: { productionId, predecessorId, successorId },
  metadata,
});

const chain = [
  added(venue),
  added(stage),
  added(loadIn),
  linked('venue', 'stage'),
  linked('stage', 'load-in'),
];

describe('AddTask', () => {
  it('adds a task with an owner and a due date', () => {
    const owned = { ...venue, ownerId: 'person-ayu', dueAt: '2027-02-01T17:00:00+07:00' };
    spec
      .given([])
      .when(addTask(owned))
      .then([added(owned)]);
  });
  it('adds a milestone of zero duration', () =>
    spec
      .given([added(venue)])
      .when(addTask(showDay))
      .then([added(showDay)]));
  it('refuses a milestone that takes time', () =>
    spec
      .given([])
      .when(addTask({ ...showDay, durationMinutes: 60 }))
      .thenThrows('VALIDATION', /milestone/, 'durationMinutes'));
  it('refuses a task that takes no time', () =>
    spec
      .given([])
      .when(addTask({ ...venue, durationMinutes: 0 }))
      .thenThrows('VALIDATION', /milestone/, 'durationMinutes'));
  it('refuses a negative or fractional duration', () => {
    spec
      .given([])
      .when(addTask({ ...venue, durationMinutes: -5 }))
      .thenThrows('VALIDATION', undefined, 'durationMinutes');
    spec
      .given([])
      .when(addTask({ ...venue, durationMinutes: 1.5 }))
      .thenThrows('VALIDATION', undefined, 'durationMinutes');
  });
  it('refuses the same task twice', () =>
    spec
      .given([added(venue)])
      .when(addTask(venue))
      .thenThrows('ILLEGAL_STATE', /already/));
});

describe('AddDependency', () => {
  it('makes one task wait for another', () =>
    spec
      .given([added(venue), added(stage)])
      .when(link('venue', 'stage'))
      .then([linked('venue', 'stage')]));
  it('records nothing for a dependency that already exists', () =>
    spec.given(chain).when(link('venue', 'stage')).then([]));
  it('refuses a dependency on an unknown task', () => {
    spec
      .given([added(venue)])
      .when(link('venue', 'nope'))
      .thenThrows('NOT_FOUND', /nope/, 'successorId');
    spec
      .given([added(venue)])
      .when(link('nope', 'venue'))
      .thenThrows('NOT_FOUND', /nope/, 'predecessorId');
  });
  it('refuses a dependency that closes a cycle, naming the cycle', () =>
    spec
      .given(chain)
      .when(link('load-in', 'venue'))
      .thenThrows('ILLEGAL_STATE', /cycle: Loading in → Kontrak venue → Desain panggung → Loading in$/));
  it('refuses a task that waits for itself', () =>
    spec
      .given([added(venue)])
      .when(link('venue', 'venue'))
      .thenThrows('ILLEGAL_STATE', /cycle: Kontrak venue → Kontrak venue$/));
  it('accepts a shortcut that is no cycle', () =>
    spec
      .given(chain)
      .when(link('venue', 'load-in'))
      .then([linked('venue', 'load-in')]));
});

describe('RemoveDependency', () => {
  it('removes a dependency, after which the reverse one is allowed', () => {
    const removed: TimelineEvent = {
      type: 'DependencyRemoved',
      data: { productionId, predecessorId: 'stage', successorId: 'load-in' },
    };
    spec.given(chain).when(unlink('stage', 'load-in')).then([removed]);
    spec
      .given([...chain, removed])
      .when(link('load-in', 'venue'))
      .then([linked('load-in', 'venue')]);
  });
  it('refuses to remove a dependency that does not exist', () =>
    spec.given(chain).when(unlink('load-in', 'venue')).thenThrows('NOT_FOUND'));
});

const cmd = <T extends TimelineCommand['type']>(
  type: T,
  data: Omit<Extract<TimelineCommand, { type: T }>['data'], 'productionId'>,
) => ({ type, data: { productionId, ...data }, metadata }) as unknown as TimelineCommand;
const started = (taskId: string, at = metadata.now): TimelineEvent => ({
  type: 'TaskStarted',
  data: { productionId, taskId, at },
});
const completed = (taskId: string, at = metadata.now): TimelineEvent => ({
  type: 'TaskCompleted',
  data: { productionId, taskId, at },
});

describe('UpdateTask', () => {
  it('changes title, owner, duration and due date, recording only what changed', () =>
    spec
      .given([added(venue)])
      .when(
        cmd('UpdateTask', {
          taskId: 'venue',
          changes: {
            title: 'Kontrak venue',
            ownerId: 'person-ayu',
            durationMinutes: 1440,
            dueAt: '2027-02-01T17:00:00+07:00',
          },
        }),
      )
      .then([
        {
          type: 'TaskUpdated',
          data: {
            productionId,
            taskId: 'venue',
            changes: { ownerId: 'person-ayu', durationMinutes: 1440, dueAt: '2027-02-01T17:00:00+07:00' },
          },
        },
      ]));
  it('clears the owner and the due date with null', () => {
    const owned = { ...venue, ownerId: 'person-ayu', dueAt: '2027-02-01T17:00:00+07:00' };
    const cleared: TimelineEvent = {
      type: 'TaskUpdated',
      data: { productionId, taskId: 'venue', changes: { ownerId: null, dueAt: null } },
    };
    spec
      .given([added(owned)])
      .when(cmd('UpdateTask', { taskId: 'venue', changes: { ownerId: null, dueAt: null } }))
      .then([cleared]);
    const state = [added(owned), cleared].reduce(evolveTimeline, initialTimelineState);
    expect(state.status === 'planning' && state.tasks.get('venue')).toEqual(venue);
  });
  it('records nothing when nothing changes', () =>
    spec
      .given([added(venue)])
      .when(cmd('UpdateTask', { taskId: 'venue', changes: { title: venue.title } }))
      .then([]));
  it('refuses an unknown task', () =>
    spec
      .given([added(venue)])
      .when(cmd('UpdateTask', { taskId: 'nope', changes: { title: 'x' } }))
      .thenThrows('NOT_FOUND', /nope/, 'taskId'));
  it('refuses a milestone that would take time, and a task that would take none', () => {
    spec
      .given([added(showDay)])
      .when(cmd('UpdateTask', { taskId: 'show', changes: { durationMinutes: 60 } }))
      .thenThrows('VALIDATION', /milestone/, 'durationMinutes');
    spec
      .given([added(venue)])
      .when(cmd('UpdateTask', { taskId: 'venue', changes: { durationMinutes: 0 } }))
      .thenThrows('VALIDATION', /milestone/, 'durationMinutes');
  });
  it('refuses a blank title and a due date that is no instant', () => {
    spec
      .given([added(venue)])
      .when(cmd('UpdateTask', { taskId: 'venue', changes: { title: '   ' } }))
      .thenThrows('VALIDATION', /title/, 'title');
    spec
      .given([added(venue)])
      .when(cmd('UpdateTask', { taskId: 'venue', changes: { dueAt: 'besok' } }))
      .thenThrows('VALIDATION', /instant/, 'dueAt');
  });
  it('refuses to change a task that is done', () =>
    spec
      .given([added(venue), completed('venue')])
      .when(cmd('UpdateTask', { taskId: 'venue', changes: { title: 'Lagi' } }))
      .thenThrows('ILLEGAL_STATE', /done/, 'taskId'));
});

describe('StartTask and CompleteTask', () => {
  it('starts a task at the command’s time, then completes it', () => {
    spec
      .given([added(venue)])
      .when(cmd('StartTask', { taskId: 'venue' }))
      .then([started('venue')]);
    spec
      .given([added(venue), started('venue')])
      .when(cmd('CompleteTask', { taskId: 'venue' }))
      .then([completed('venue')]);
  });
  it('completes a task or reaches a milestone without starting it', () =>
    spec
      .given([added(showDay)])
      .when(cmd('CompleteTask', { taskId: 'show' }))
      .then([completed('show')]));
  it('refuses to start a milestone, a started task or a done one', () => {
    spec
      .given([added(showDay)])
      .when(cmd('StartTask', { taskId: 'show' }))
      .thenThrows('ILLEGAL_STATE', /milestone/);
    spec
      .given([added(venue), started('venue')])
      .when(cmd('StartTask', { taskId: 'venue' }))
      .thenThrows('ILLEGAL_STATE', /already started/);
    spec
      .given([added(venue), completed('venue')])
      .when(cmd('StartTask', { taskId: 'venue' }))
      .thenThrows('ILLEGAL_STATE', /already done/);
  });
  it('refuses to complete a task twice, or one that does not exist', () => {
    spec
      .given([added(venue), completed('venue')])
      .when(cmd('CompleteTask', { taskId: 'venue' }))
      .thenThrows('ILLEGAL_STATE', /already done/);
    spec
      .given([])
      .when(cmd('CompleteTask', { taskId: 'venue' }))
      .thenThrows('NOT_FOUND', /venue/, 'taskId');
    spec
      .given([])
      .when(cmd('StartTask', { taskId: 'venue' }))
      .thenThrows('NOT_FOUND', /venue/, 'taskId');
  });
});

describe('RemoveTask', () => {
  it('removes a task with every dependency that touched it', () => {
    const removed: TimelineEvent = {
      type: 'TaskRemoved',
      data: {
        productionId,
        taskId: 'stage',
        dependenciesRemoved: [
          { predecessorId: 'venue', successorId: 'stage' },
          { predecessorId: 'stage', successorId: 'load-in' },
        ],
      },
    };
    spec
      .given(chain)
      .when(cmd('RemoveTask', { taskId: 'stage' }))
      .then([removed]);
    const state = [...chain, removed].reduce(evolveTimeline, initialTimelineState);
    expect(state.status === 'planning' && [...state.tasks.keys()]).toEqual(['venue', 'load-in']);
    expect(state.status === 'planning' && state.dependencies).toEqual([]);
  });
  it('refuses an unknown task', () =>
    spec
      .given(chain)
      .when(cmd('RemoveTask', { taskId: 'nope' }))
      .thenThrows('NOT_FOUND', /nope/, 'taskId'));
});

describe('ApplyTemplate', () => {
  const ids = (n: number, prefix = 't') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const showStartsAt = '2027-03-20T19:00:00+07:00';

  it('adds the template’s tasks and dependencies, due dates counted back from the show', () => {
    const events = decideTimeline(
      cmd('ApplyTemplate', { template: 'concert', showStartsAt, taskIds: ids(10) }),
      initialTimelineState,
    );
    expect(events[0]).toEqual({
      type: 'TemplateApplied',
      data: { productionId, template: 'concert', showStartsAt, taskIds: ids(10) },
    });
    const tasks = events.flatMap((e) => (e.type === 'TaskAdded' ? [e.data.task] : []));
    expect(tasks).toHaveLength(10);
    // Hari H is due at the show; Gladi bersih (6 h) right before it; Loading in (1 d) before the gladi.
    expect(tasks.find((t) => t.title === 'Hari H konser')?.dueAt).toBe('2027-03-20T12:00:00.000Z');
    expect(tasks.find((t) => t.title === 'Gladi bersih')?.dueAt).toBe('2027-03-20T12:00:00.000Z');
    expect(tasks.find((t) => t.title.startsWith('Loading in'))?.dueAt).toBe('2027-03-20T06:00:00.000Z');
    expect(events.filter((e) => e.type === 'DependencyAdded')).toHaveLength(14);
    expect(TIMELINE_EVENT_TYPES.size).toBe(8);
  });
  it('refuses the same template twice', () => {
    const applied = decideTimeline(
      cmd('ApplyTemplate', { template: 'concert', showStartsAt, taskIds: ids(10) }),
      initialTimelineState,
    );
    spec
      .given(applied)
      .when(cmd('ApplyTemplate', { template: 'concert', showStartsAt, taskIds: ids(10, 'u') }))
      .thenThrows('ILLEGAL_STATE', /already/, 'template');
  });
  it('refuses ids that are already tasks, too few ids, and a show start that is no instant', () => {
    spec
      .given([added({ ...venue, taskId: 't3' })])
      .when(cmd('ApplyTemplate', { template: 'concert', showStartsAt, taskIds: ids(10) }))
      .thenThrows('ILLEGAL_STATE', /t3/, 'taskIds');
    spec
      .given([])
      .when(cmd('ApplyTemplate', { template: 'festival', showStartsAt, taskIds: ids(3) }))
      .thenThrows('VALIDATION', /11/, 'taskIds');
    spec
      .given([])
      .when(cmd('ApplyTemplate', { template: 'concert', showStartsAt: 'malam minggu', taskIds: ids(10) }))
      .thenThrows('VALIDATION', /instant/, 'showStartsAt');
  });
});
