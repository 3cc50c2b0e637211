import { Type, type Static } from 'typebox';
import { Amount, ExpectedVersion, Uuid } from '../common/common.ts';

/** A deadline in milliseconds: a second to thirty days (short ones are for tests and rehearsals). */
export const DeadlineMs = Type.Integer({ minimum: 1_000, maximum: 30 * 24 * 3_600_000 });

/**
 * A production's approval policy: which contracts need the client, when a waiting step reminds its
 * assignee and, after that, escalates to the owner (a production manager). Until one is set, the
 * defaults apply: Rp 50.000.000, 24 hours, 24 hours, the production's first manager.
 */
export const ApprovalPolicyView = Type.Object({
  productionId: Uuid,
  clientApprovalThreshold: Amount,
  reminderAfterMs: DeadlineMs,
  escalateAfterMs: DeadlineMs,
  ownerId: Uuid,
  /** True while nobody has set the policy: these are the defaults. */
  isDefault: Type.Boolean(),
  /** The policy stream's version, for the next change. */
  version: Type.Integer({ minimum: 0 }),
});
export type ApprovalPolicyView = Static<typeof ApprovalPolicyView>;

export const SetApprovalPolicyBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    clientApprovalThreshold: Type.Optional(Amount),
    reminderAfterMs: Type.Optional(DeadlineMs),
    escalateAfterMs: Type.Optional(DeadlineMs),
    ownerId: Type.Optional(Uuid),
  },
  { additionalProperties: false, minProperties: 2 },
);
export type SetApprovalPolicyBody = Static<typeof SetApprovalPolicyBody>;

/** Event of the `approval-policy-<productionId>` stream: the whole policy as it now stands. */
export const ApprovalPolicySet = Type.Object({
  productionId: Uuid,
  clientApprovalThreshold: Amount,
  reminderAfterMs: DeadlineMs,
  escalateAfterMs: DeadlineMs,
  ownerId: Uuid,
  setBy: Uuid,
});
export type ApprovalPolicySet = Static<typeof ApprovalPolicySet>;
