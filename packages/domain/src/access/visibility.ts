import type { Department, Role } from '@panggung/contracts';
import { canSeeCommentEvent } from '../communication/visibility.ts';
import { canSeeProcurementEvent } from '../contracts/visibility.ts';
import { canSeeShowEvent, showAudience, showEventDataFor } from '../show/visibility.ts';
import { rolesAllow } from './permissions.ts';
import { isInternal } from './viewer.ts';

/** An event as visibility rules see it (from the store or the live stream). */
export interface VisibleEvent {
  readonly type: string;
  readonly data: unknown;
}

/**
 * Who in a production may see an event. The same rule serves HTTP history and the live websocket, so a
 * client or vendor never receives what is not theirs. Unknown event types are internal: safe by default.
 */
export function canSeeEvent(
  event: VisibleEvent,
  viewer: { readonly personId: string; readonly partyId?: string | undefined },
  roles: readonly Role[],
): boolean {
  if (roles.length === 0) return false;
  // Vendors, RFQs, contracts and budget have rules of their own (what a vendor or client may see of them).
  const procurement = canSeeProcurementEvent(event, viewer, roles);
  if (procurement !== undefined) return procurement;
  // Comments carry their thread's audience: a client or vendor sees only threads on what is theirs.
  const comment = canSeeCommentEvent(event, viewer, roles);
  if (comment !== undefined) return comment;
  // The run of show: a client follows progress, never the departments' standby (notes: `eventDataFor`).
  const show = canSeeShowEvent(event, roles);
  if (show !== undefined) return show;
  const data = (event.data ?? {}) as { personId?: unknown; partyId?: unknown };
  switch (event.type) {
    case 'ProductionCreated':
    case 'ProductionDetailsUpdated':
    case 'ProductionPlanningOpened':
    case 'ProductionClosed':
      return true;
    case 'ProductionPhaseChanged':
      // Everyone learns the production moved on; a forced gate's reason is cut for outsiders (`eventDataFor`).
      return true;
    case 'SettlementOpened':
      // The vendors' unpaid milestones and their amounts: budget figures.
      return rolesAllow(roles, 'budget.view');
    case 'MemberAdded':
    case 'MemberRemoved':
      // The team list is internal; a client or vendor sees only their own membership.
      return isInternal(roles) || data.personId === viewer.personId;
    default:
      // Everything else (timeline, crew, logistics, technical, incidents, check-in, …) is the team's.
      return isInternal(roles);
  }
}

/**
 * The data of an event the viewer may see (`canSeeEvent`), with what they may not read taken out:
 * department notes on cues and in the frozen show run are kept only for the viewer's departments (all for
 * the show caller and managers, none for a client); a forced gate's reason only for the team. Applied to the live stream and HTTP history alike.
 */
export function eventDataFor(
  event: VisibleEvent,
  roles: readonly Role[],
  departments: readonly Department[],
): unknown {
  if (event.type === 'ProductionPhaseChanged' && !isInternal(roles)) {
    // What a forced gate was missing (budget, contracts) and why it was forced stay with the team.
    const { forced: _forced, ...data } = event.data as { forced?: unknown };
    return data;
  }
  if (canSeeShowEvent(event, roles) === undefined) return event.data;
  return showEventDataFor(event, showAudience(roles, departments));
}
