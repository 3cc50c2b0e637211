import type { Member, TimelineTask } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { hoursToMinutes, ownerOptions, taskChanges, taskFormOf } from './task-form.ts';

const zone = 'Asia/Jakarta';
const ayu = '6a1f0c2e-0000-4000-8000-0000000000a2';
const eko = '6a1f0c2e-0000-4000-8000-0000000000a5';
const task: TimelineTask = {
  taskId: '6a1f0c2e-0000-4000-8000-00000000b001',
  title: 'Fokus lampu',
  kind: 'task',
  ownerId: ayu,
  ownerName: 'Ayu Lestari',
  durationMinutes: 90,
  dueAt: '2027-03-14T03:00:00.000Z',
  progress: 'todo',
  schedule: {
    earliestStart: '2027-03-14T00:00:00.000Z',
    earliestFinish: '2027-03-14T01:30:00.000Z',
    latestStart: '2027-03-14T00:00:00.000Z',
    latestFinish: '2027-03-14T01:30:00.000Z',
    slackMinutes: 0,
    critical: true,
  },
  health: 'on_track',
};

describe('ownerOptions', () => {
  it('lists each crew-side member once, by name, without clients and vendors', () => {
    const members: Member[] = [
      { personId: eko, name: 'Eko Prasetyo', role: 'crew', department: 'sound' },
      { personId: ayu, name: 'Ayu Lestari', role: 'production_manager' },
      { personId: ayu, name: 'Ayu Lestari', role: 'finance_approver' },
      { personId: '6a1f0c2e-0000-4000-8000-0000000000b1', name: 'Maya', role: 'client' },
      { personId: '6a1f0c2e-0000-4000-8000-0000000000b2', name: 'Hendra', role: 'vendor' },
    ];
    expect(ownerOptions(members)).toEqual([
      { personId: ayu, name: 'Ayu Lestari' },
      { personId: eko, name: 'Eko Prasetyo' },
    ]);
  });
});

describe('taskChanges', () => {
  it('fills the form in the production’s zone and sends nothing when nothing changed', () => {
    const form = taskFormOf(task, zone);
    expect(form).toEqual({ title: 'Fokus lampu', ownerId: ayu, hours: 1.5, due: '2027-03-14T10:00' });
    expect(taskChanges(task, form, zone)).toEqual({});
  });

  it('sends only the changed fields, and null to clear the owner or the due date', () => {
    const form = { ...taskFormOf(task, zone), title: ' Fokus lampu panggung ', hours: '2', ownerId: eko };
    expect(taskChanges(task, form, zone)).toEqual({
      title: 'Fokus lampu panggung',
      ownerId: eko,
      durationMinutes: 120,
    });
    expect(taskChanges(task, { ...taskFormOf(task, zone), ownerId: '', due: '' }, zone)).toEqual({
      ownerId: null,
      dueAt: null,
    });
    expect(taskChanges(task, { ...taskFormOf(task, zone), due: '2027-03-14T12:30' }, zone)).toEqual({
      dueAt: '2027-03-14T05:30:00.000Z',
    });
  });

  it('keeps a milestone’s duration, and passes a bad duration on for the API to name', () => {
    const milestone: TimelineTask = { ...task, kind: 'milestone', durationMinutes: 0 };
    expect(taskChanges(milestone, { ...taskFormOf(milestone, zone), hours: '3' }, zone)).toEqual({});
    expect(hoursToMinutes('')).toBeNaN();
    expect(hoursToMinutes(null)).toBeNaN();
    expect(hoursToMinutes(0.25)).toBe(15);
  });
});
