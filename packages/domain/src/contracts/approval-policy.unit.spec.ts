import { describe, expect, it } from 'vitest';
import type { ApprovalActor } from '@panggung/contracts';
import { specification } from '../testing/specification.ts';
import {
  decideApprovalPolicy,
  effectiveApprovalPolicy,
  evolveApprovalPolicy,
  initialApprovalPolicyState,
  type ApprovalPolicyCommand,
  type ApprovalPolicyEvent,
} from './approval-policy.ts';

const productionId = '00000000-0000-4000-8000-0000000000c1';
const ayu: ApprovalActor = {
  personId: '00000000-0000-4000-8000-0000000000a2',
  roles: ['production_manager'],
};
const bagus: ApprovalActor = {
  personId: '00000000-0000-4000-8000-0000000000b2',
  roles: ['production_manager'],
};
const budi: ApprovalActor = { personId: '00000000-0000-4000-8000-0000000000a3', roles: ['finance_approver'] };
const spec = specification(decideApprovalPolicy, evolveApprovalPolicy, initialApprovalPolicyState);
const metadata = { actor: `person:${ayu.personId}`, now: '2027-01-20T10:00:00+07:00' };
const set = (data: Partial<ApprovalPolicyCommand['data']>): ApprovalPolicyCommand => ({
  type: 'SetApprovalPolicy',
  data: { productionId, defaultOwnerId: ayu.personId, by: ayu, ...data },
  metadata,
});
const policySet = (data: Partial<ApprovalPolicyEvent['data']> = {}): ApprovalPolicyEvent => ({
  type: 'ApprovalPolicySet',
  data: {
    productionId,
    clientApprovalThreshold: 50_000_000,
    reminderAfterMs: 86_400_000,
    escalateAfterMs: 86_400_000,
    ownerId: ayu.personId,
    setBy: ayu.personId,
    ...data,
  },
});

describe('the approval policy', () => {
  it('is Rp 50.000.000, a day and a day, owned by the first manager, until one is set', () => {
    expect(effectiveApprovalPolicy(initialApprovalPolicyState, ayu.personId)).toEqual({
      clientApprovalThreshold: 50_000_000,
      reminderAfterMs: 86_400_000,
      escalateAfterMs: 86_400_000,
      ownerId: ayu.personId,
    });
  });

  it('sets what is given over the defaults, and records the whole policy', () => {
    spec
      .given([])
      .when(set({ clientApprovalThreshold: 75_000_000, reminderAfterMs: 2_000 }))
      .then([policySet({ clientApprovalThreshold: 75_000_000, reminderAfterMs: 2_000 })]);
  });

  it('keeps what was set before, and records nothing when nothing changes', () => {
    const before = [policySet({ reminderAfterMs: 2_000 })];
    spec
      .given(before)
      .when(set({ owner: bagus }))
      .then([policySet({ reminderAfterMs: 2_000, ownerId: bagus.personId })]);
    spec
      .given(before)
      .when(set({ reminderAfterMs: 2_000 }))
      .then([]);
  });

  it('is set only by a production manager or admin, owned only by a production manager', () => {
    spec
      .given([])
      .when(set({ by: budi }))
      .thenThrows('FORBIDDEN');
    spec
      .given([])
      .when(set({ owner: budi }))
      .thenThrows('VALIDATION', /production manager/, 'ownerId');
  });

  it('refuses a deadline under a second or over thirty days, and a negative threshold', () => {
    spec
      .given([])
      .when(set({ reminderAfterMs: 999 }))
      .thenThrows('VALIDATION', undefined, 'reminderAfterMs');
    spec
      .given([])
      .when(set({ escalateAfterMs: 31 * 86_400_000 }))
      .thenThrows('VALIDATION', undefined, 'escalateAfterMs');
    spec
      .given([])
      .when(set({ clientApprovalThreshold: -1 }))
      .thenThrows('VALIDATION', undefined, 'clientApprovalThreshold');
  });
});
