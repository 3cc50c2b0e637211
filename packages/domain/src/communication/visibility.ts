import type { CommentAudience, Role } from '@panggung/contracts';
import type { VisibleEvent } from '../access/visibility.ts';
import { isInternal } from '../access/viewer.ts';
import { COMMENT_EVENT_TYPES } from './comments.ts';

/** A person as thread access sees them: their roles in the production and, for vendors and clients, their company. */
export interface ThreadViewer {
  readonly personId: string;
  readonly partyId?: string | undefined;
  readonly roles: readonly Role[];
}

/**
 * Whether a person may read and write in a thread: internal roles in every thread; a vendor only where
 * the audience names its company (its own contracts); a client where the audience admits the client (the
 * production thread, contracts that reached its step).
 *
 * @example
 * canSeeThread({ client: true }, { personId, roles: ['client'] }) // true
 */
export function canSeeThread(audience: CommentAudience, viewer: ThreadViewer): boolean {
  if (viewer.roles.length === 0) return false;
  if (isInternal(viewer.roles)) return true;
  if (viewer.roles.includes('vendor') && viewer.partyId !== undefined && audience.vendorId === viewer.partyId)
    return true;
  return viewer.roles.includes('client') && audience.client;
}

/**
 * Visibility of comment events for `canSeeEvent`: by the audience each event carries; `undefined` for
 * any other event type.
 */
export function canSeeCommentEvent(
  event: VisibleEvent,
  viewer: { readonly personId: string; readonly partyId?: string | undefined },
  roles: readonly Role[],
): boolean | undefined {
  if (!COMMENT_EVENT_TYPES.has(event.type)) return undefined;
  const audience = (event.data as { audience?: CommentAudience } | undefined)?.audience;
  if (!audience) return isInternal(roles);
  return canSeeThread(audience, { ...viewer, roles });
}
