import { describe, expect, it } from 'vitest';
import { ayu, budi, productionId } from '../contracts/contract.fixtures.ts';
import { events, shiftId } from './audit.fixtures.ts';
import { changesBetween, humaniseEventType, peopleIn } from './changes.ts';
import { productionAt } from './time-travel.ts';

const names = new Map([
  [ayu.personId, 'Ayu Lestari'],
  [budi.personId, 'Budi Santoso'],
]);

describe('productionAt: the production as it was after a prefix of its events', () => {
  it('is empty before the first event', () => {
    const state = productionAt(productionId, []);
    expect(state).toMatchObject({ position: null, recordedAt: null, eventCount: 0, production: null });
    expect(state.budget).toEqual([]);
    expect(state.contracts).toEqual([]);
  });

  it('shows the contract in approval at the manager step before the manager approved', () => {
    const state = productionAt(productionId, events.slice(0, 6));
    expect(state.production?.phase).toBe('planning');
    expect(state.position).toBe(events[5]!.position);
    expect(state.budget).toMatchObject([{ category: 'sound', estimate: 60_000_000, committed: 0 }]);
    expect(state.contracts).toHaveLength(1);
    expect(state.contracts[0]).toMatchObject({
      title: 'Sistem tata suara',
      status: 'in_approval',
      chain: { step: 'manager_review', assigneeId: ayu.personId },
    });
  });

  it('follows the chain to the client step, the phase and the crew schedule at the end', () => {
    const state = productionAt(productionId, events);
    expect(state.eventCount).toBe(events.length);
    expect(state.production?.phase).toBe('pre_production');
    expect(state.contracts[0]?.chain).toMatchObject({ step: 'finance_overrun', overrun: true });
    expect(state.contracts[0]?.chain.history.map((h) => h.outcome)).toContain('approved');
    expect(state.crew.shifts.map((s) => s.shiftId)).toEqual([shiftId]);
  });
});

describe('changesBetween: the list of changes with who made each', () => {
  it('names the contract, the approver and the step', () => {
    const changes = changesBetween(events, { lang: 'id', names });
    const finance = changes.find((c) => c.type === 'ApprovalStepApproved' && c.actor.includes(budi.personId));
    expect(finance).toMatchObject({
      actorName: 'Budi Santoso',
      summary: 'Kontrak Sistem tata suara disetujui oleh Budi Santoso (langkah keuangan)',
    });
    const en = changesBetween(events, { lang: 'en', names }).find((c) => c.type === 'ProductionPhaseChanged');
    expect(en?.summary).toBe('Phase moved from planning to pre-production');
  });

  it('lists every event in (from, to] exactly once, in order, and a workflow as no person', () => {
    const from = events[2]!.recordedAt;
    const to = events[9]!.recordedAt;
    const changes = changesBetween(events, { from, to, lang: 'en', names });
    expect(changes.map((c) => c.position)).toEqual(events.slice(3, 10).map((e) => e.position));
    expect(changes.find((c) => c.actor.startsWith('workflow:'))?.actorName).toBeNull();
    // Events before `from` still name the contract.
    expect(changes[0]?.summary).toBe('Contract Sistem tata suara drafted by Ayu Lestari (Rp 88.800.000)');
  });

  it('describes an event it has no sentence for by its type', () => {
    const last = changesBetween(events, { lang: 'id', names }).at(-1);
    expect(last?.summary).toBe('Truck arrived');
    expect(humaniseEventType('ContractSentBack')).toBe('Contract sent back');
  });

  it('finds every person the list may name', () => {
    expect(peopleIn(events).sort()).toEqual([ayu.personId, budi.personId].sort());
  });
});
