import type { AuditChange, Role } from '@panggung/contracts';
import { rolesAllow } from '@panggung/domain/permissions';

/** Roles that may travel in time (the API's `audit.view`): the snapshot holds budget figures. */
export const canSeeAudit = (roles: readonly Role[]) => rolesAllow(roles, 'audit.view');

/** The slider's range: from the first to the last change (ms since the epoch); undefined without any. */
export function sliderRange(changes: readonly Pick<AuditChange, 'recordedAt'>[]) {
  if (changes.length === 0) return undefined;
  const times = changes.map((change) => Date.parse(change.recordedAt));
  return { min: Math.min(...times), max: Math.max(...times) };
}

export interface ChangeMarker {
  /** Where on the slider, 0–100. */
  readonly percent: number;
  readonly at: number;
  /** Changes recorded at that instant. */
  readonly count: number;
}

/**
 * One marker per distinct instant, placed along the slider's range; a range of one instant puts every
 * marker at 0.
 *
 * @example changeMarkers(changes, { min: 0, max: 100 }) // [{ percent: 50, at: 50, count: 2 }]
 */
export function changeMarkers(
  changes: readonly Pick<AuditChange, 'recordedAt'>[],
  range: { min: number; max: number },
): ChangeMarker[] {
  const counts = new Map<number, number>();
  for (const change of changes) {
    const at = Date.parse(change.recordedAt);
    counts.set(at, (counts.get(at) ?? 0) + 1);
  }
  const span = range.max - range.min;
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, count]) => ({ at, count, percent: span === 0 ? 0 : ((at - range.min) / span) * 100 }));
}

/** The changes after `from` and up to `to` (ms), as the API's `from`/`to` select them. */
export const changesIn = <T extends Pick<AuditChange, 'recordedAt'>>(
  changes: readonly T[],
  from: number,
  to: number,
): T[] =>
  changes.filter((change) => {
    const at = Date.parse(change.recordedAt);
    return at > from && at <= to;
  });

/** Who made a change, in words: the person's name, else the process (`workflow:…`, `system`). */
export const actorLabel = (change: Pick<AuditChange, 'actor' | 'actorName'>, systemLabel: string) =>
  change.actorName ??
  (change.actor.startsWith('person:') ? change.actor.slice('person:'.length) : systemLabel);
