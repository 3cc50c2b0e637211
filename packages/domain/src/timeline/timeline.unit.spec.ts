import type { Task } from '@panggung/contracts';
import { describe, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import {
  decideTimeline,
  evolveTimeline,
  initialTimelineState,
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
