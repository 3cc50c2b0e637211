import type { CheckinEntry, Role } from '@panggung/contracts';
import { rolesAllow } from '@panggung/domain/permissions';

const MANAGING: readonly Role[] = ['org_admin', 'production_manager'];

/** Roles that see the check-in list (the API's `checkin.view`). */
export const canSeeCheckin = (roles: readonly Role[]) => rolesAllow(roles, 'checkin.view');

/** Whether this person may press "check in" on this line: their own line, or a manager's on anyone's. */
export function canCheckIn(entry: CheckinEntry, personId: string, roles: readonly Role[]): boolean {
  if (entry.checkedInAt) return false;
  return (
    roles.some((role) => MANAGING.includes(role)) || (entry.personId === personId && roles.includes('crew'))
  );
}

/** Counts per status, for the summary line. */
export function checkinCounts(entries: readonly CheckinEntry[]): Record<CheckinEntry['status'], number> {
  const counts = { on_time: 0, late: 0, missing: 0, not_yet_due: 0 };
  for (const entry of entries) counts[entry.status] += 1;
  return counts;
}

/** The check-in stream of a production, as its events name it. */
export const checkinStreamOf = (productionId: string) => `checkin-${productionId}`;

/**
 * Whether a live event means the list must be reloaded: an arrival, or a change to a shift (crew events),
 * which moves calls.
 */
export const checkinChangedBy = (streamId: string, productionId: string) =>
  streamId === checkinStreamOf(productionId) || streamId === `crew-${productionId}`;
