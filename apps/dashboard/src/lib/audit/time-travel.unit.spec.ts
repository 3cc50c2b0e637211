import { describe, expect, it } from 'vitest';
import type { ApprovalHistoryEntry } from '@panggung/contracts';
import { actorLabel, canSeeAudit, listedChanges, waitingFor } from './time-travel.ts';

const changes = ['a', 'b', 'c', 'd'];

describe('the time slider', () => {
  it('lists the changes after `from` and up to `at`, one step per change', () => {
    expect(listedChanges(changes, -1, 3)).toEqual(changes);
    expect(listedChanges(changes, -1, 0)).toEqual(['a']);
    expect(listedChanges(changes, 0, 2)).toEqual(['b', 'c']);
    expect(listedChanges(changes, 3, 3)).toEqual([]);
  });

  it('lists nothing when `from` is at or after `at`', () => {
    expect(listedChanges(changes, 2, 1)).toEqual([]);
    expect(listedChanges(changes, -1, -1)).toEqual([]);
  });
});

describe('who may see it and who made a change', () => {
  it('is for managers, finance and admins', () => {
    expect(canSeeAudit(['finance_approver'])).toBe(true);
    expect(canSeeAudit(['crew', 'show_caller'])).toBe(false);
  });

  it('names a person, or the process', () => {
    expect(actorLabel({ actor: 'person:x', actorName: 'Budi Santoso' }, 'Sistem')).toBe('Budi Santoso');
    expect(actorLabel({ actor: 'workflow:contract-approval', actorName: null }, 'Sistem')).toBe('Sistem');
  });
});

describe('whom a contract waits for', () => {
  const entry = (step: ApprovalHistoryEntry['step'], outcome: ApprovalHistoryEntry['outcome']) => ({
    round: 1,
    version: 1,
    step,
    outcome,
  });
  const chain = (history: ApprovalHistoryEntry[]) => ({
    status: 'in_approval' as const,
    step: 'manager_review' as const,
    assigneeId: 'ayu',
    history,
  });

  it('is the open step’s assignee until they decide it', () => {
    expect(waitingFor(chain([entry('submission', 'submitted'), entry('manager_review', 'opened')]))).toBe(
      'ayu',
    );
    expect(waitingFor(chain([entry('manager_review', 'opened'), entry('manager_review', 'reminded')]))).toBe(
      'ayu',
    );
  });

  it('is nobody once the step is decided and before the next one opens, or outside an approval', () => {
    expect(waitingFor(chain([entry('manager_review', 'opened'), entry('manager_review', 'approved')]))).toBe(
      undefined,
    );
    expect(waitingFor({ ...chain([]), status: 'signed' })).toBeUndefined();
  });
});
