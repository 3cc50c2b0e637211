import type { Department, Role } from '@panggung/contracts';
import { canSeeCommentEvent } from '../communication/visibility.ts';
import { canSeeProcurementEvent } from '../contracts/visibility.ts';
import { canSeeShowEvent, showAudience, showEventDataFor } from '../show/visibility.ts';
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
      // A forced gate's reason and what was missing (budget, contracts) stay internal.
      return (event.data as { forced?: unknown }).forced === undefined || isInternal(roles);
    case 'MemberAdded':
    case 'MemberRemoved':
      // The team list is internal; a client or vendor sees only their own membership.
      return isInternal(roles) || data.personId === viewer.personId;
    // Show-day incidents and crew arrivals are the production team's (internal roles), never a client's or vendor's.
    case 'IncidentLogged':
    case 'IncidentAssigned':
    case 'IncidentAcknowledged':
    case 'IncidentResolved':
    case 'IncidentEscalated':
    case 'IncidentEscalationSet':
    case 'CrewCheckedIn':
    case 'CheckinGraceSet':
      return isInternal(roles);
    default:
      return isInternal(roles);
  }
}

/**
 * The data of an event the viewer may see (`canSeeEvent`), with what they may not read taken out:
 * department notes on cues and in the frozen show run are kept only for the viewer's departments (all for
 * the show caller and managers, none for a client). Applied to the live stream and HTTP history alike.
 */
export function eventDataFor(
  event: VisibleEvent,
  roles: readonly Role[],
  departments: readonly Department[],
): unknown {
  if (canSeeShowEvent(event, roles) === undefined) return event.data;
  return showEventDataFor(event, showAudience(roles, departments));
}
