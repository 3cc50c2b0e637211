import type { Role } from '@panggung/contracts';
import type { VisibleEvent } from '../access/visibility.ts';
import { isInternal } from '../access/viewer.ts';
import { BUDGET_EVENT_TYPES } from '../budget/budget.ts';
import { VENDOR_EVENT_TYPES } from '../vendors/vendor.ts';
import { CONTRACT_EVENT_TYPES } from './contract.ts';
import { RFQ_EVENT_TYPES } from './rfq.ts';

/** Roles that see budget figures (estimates, commitments, the budget check). */
const BUDGET_ROLES: readonly Role[] = ['org_admin', 'production_manager', 'finance_approver'];

/** Contract events that carry budget figures or reveal an overrun. */
const BUDGET_FIGURES = new Set(['BudgetCheckPassed', 'BudgetOverrunFlagged']);

/** What a vendor sees of its own RFQs, quotes and contracts (never the internal process around them). */
const VENDOR_SEES = new Set([
  'VendorRegistered',
  'VendorUpdated',
  'RfqVendorInvited',
  'QuoteSubmitted',
  'QuoteRevised',
  'QuoteAwarded',
  'ContractDrafted',
  'ContractRevised',
  'ContractSubmitted',
  'ApprovalStepOpened',
  'ApprovalStepApproved',
  'ContractRejected',
  'ContractSentBack',
  'ContractWithdrawn',
  'ContractSigned',
]);

/** The client's step, as its events name it. */
const CLIENT_STEP_EVENTS = new Set([
  'ApprovalStepOpened',
  'ApprovalStepApproved',
  'ContractRejected',
  'ContractSentBack',
  'ApprovalStepDelegated',
  'ApprovalReminderSent',
  'ApprovalEscalated',
  'ContractWithdrawn',
]);

/**
 * Visibility of vendor, RFQ, contract and budget events. `canSeeEvent` (`access/visibility.ts`) asks it
 * first and uses its answer unless it is `undefined` (an event type it does not know).
 *
 * - Internal roles see RFQ and contract events; budget figures (the budget stream and the budget
 *   check's events) only organisation admins, production managers and finance approvers.
 * - A vendor sees only events whose `vendorId` is its company (`partyId`), and of those only its own
 *   directory entry, its invitation (not who else was invited: `RfqIssued` is internal), its quotes, its
 *   award and its contract's steps, never the budget check, the finance overrun step, reminders,
 *   escalations or delegations.
 * - A client sees contract events only from its own approval step on (events whose `step` is
 *   `client_approval`, and the signature of a contract it approved), and never budget figures.
 *
 * @example
 * const answer = canSeeProcurementEvent(event, viewer, roles);
 * if (answer !== undefined) return answer;
 */
export function canSeeProcurementEvent(
  event: VisibleEvent,
  viewer: { readonly personId: string; readonly partyId?: string | undefined },
  roles: readonly Role[],
): boolean | undefined {
  const type = event.type;
  const known =
    CONTRACT_EVENT_TYPES.has(type) ||
    RFQ_EVENT_TYPES.has(type) ||
    BUDGET_EVENT_TYPES.has(type) ||
    VENDOR_EVENT_TYPES.has(type);
  if (!known) return undefined;
  if (roles.length === 0) return false;
  const data = (event.data ?? {}) as { vendorId?: unknown; step?: unknown; approvedSteps?: unknown };
  if (isInternal(roles)) {
    if (BUDGET_EVENT_TYPES.has(type) || BUDGET_FIGURES.has(type))
      return roles.some((r) => BUDGET_ROLES.includes(r));
    return true;
  }
  if (roles.includes('vendor') && viewer.partyId !== undefined && data.vendorId === viewer.partyId) {
    if (!VENDOR_SEES.has(type)) return false;
    return data.step !== 'finance_overrun' && data.step !== 'budget_check';
  }
  if (roles.includes('client')) {
    if (type === 'ContractSigned')
      return Array.isArray(data.approvedSteps) && data.approvedSteps.includes('client_approval');
    return CLIENT_STEP_EVENTS.has(type) && data.step === 'client_approval';
  }
  return false;
}
