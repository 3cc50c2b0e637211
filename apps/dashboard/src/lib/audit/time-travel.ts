import type { ApprovalChainView, AuditChange, Role } from '@panggung/contracts';
import { rolesAllow } from '@panggung/domain/permissions';

/** Roles that may travel in time (the API's `audit.view`): the snapshot holds budget figures. */
export const canSeeAudit = (roles: readonly Role[]) => rolesAllow(roles, 'audit.view');

/**
 * The time slider steps through the changes one by one, oldest first: the state shown is the one right
 * after change `at` (an index into the list), read at that change's event position, so changes recorded
 * within the same second (a seed, one command's events) can still be told apart, and the last change is
 * always reachable. The list of changes runs from just after change `from` (-1: the beginning) to `at`.
 *
 * @example listedChanges(changes, -1, 2) // the first three changes
 */
export const listedChanges = <T>(changes: readonly T[], from: number, at: number): T[] =>
  from >= at ? [] : changes.slice(Math.max(from, -1) + 1, at + 1);

/**
 * Whom a contract was waiting for at that moment: the open step's assignee, unless they had already
 * decided it (between a decision and the next step's opening, the chain still names the step decided).
 *
 * @example waitingFor({ status: 'in_approval', step: 'manager_review', assigneeId: ayu, history: [opened] }) // ayu
 */
export function waitingFor(
  chain: Pick<ApprovalChainView, 'status' | 'step' | 'assigneeId' | 'history'>,
): string | undefined {
  if (chain.status !== 'in_approval' || chain.step === undefined) return undefined;
  const last = chain.history.findLast((entry) => entry.step === chain.step);
  return last && DECIDED.has(last.outcome) ? undefined : chain.assigneeId;
}
const DECIDED: ReadonlySet<string> = new Set(['approved', 'rejected', 'sent_back']);

/** Who made a change, in words: the person's name, else the process (`workflow:…`, `system`). */
export const actorLabel = (change: Pick<AuditChange, 'actor' | 'actorName'>, systemLabel: string) =>
  change.actorName ??
  (change.actor.startsWith('person:') ? change.actor.slice('person:'.length) : systemLabel);
