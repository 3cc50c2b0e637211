import { describe, expect, it } from 'vitest';
import { deliverable, holding, type Roster } from './roster.ts';

const ayu = '00000000-0000-4000-8000-0000000000a1';
const budi = '00000000-0000-4000-8000-0000000000a2';
const eko = '00000000-0000-4000-8000-0000000000a3';
const roster: Roster = new Map([
  [budi, ['finance_approver']],
  [ayu, ['production_manager', 'org_admin']],
  [eko, ['crew']],
]);

describe('the roster', () => {
  it('finds the people holding any of some roles, in a stable order', () => {
    expect(holding(roster, 'production_manager', 'finance_approver')).toEqual([ayu, budi]);
    expect(holding(roster, 'show_caller')).toEqual([]);
  });

  it('delivers each person once, only to the roster, never to the actor', () => {
    const stranger = '00000000-0000-4000-8000-0000000000ff';
    const notices = [
      { personId: eko, kind: 'a' },
      { personId: eko, kind: 'b' },
      { personId: stranger, kind: 'a' },
      { personId: ayu, kind: 'a' },
    ];
    expect(deliverable(notices, roster, ayu)).toEqual([{ personId: eko, kind: 'a' }]);
    expect(deliverable(notices, roster, undefined).map((n) => n.personId)).toEqual([eko, ayu]);
  });
});
