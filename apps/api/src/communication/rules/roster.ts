import type { Role } from '@panggung/contracts';

/**
 * Who holds which roles in a production now: its members, and the organisation's admins (who hold
 * `org_admin` in every production of their organisation). Somebody absent is told nothing about it.
 */
export type Roster = ReadonlyMap<string, readonly Role[]>;

/** The people of a roster holding any of these roles, in a stable order. */
export function holding(roster: Roster, ...roles: readonly Role[]): string[] {
  return [...roster]
    .filter(([, held]) => held.some((role) => roles.includes(role)))
    .map(([personId]) => personId)
    .sort();
}

/** Somebody to tell, and what about. */
export interface Notice<Kind extends string> {
  readonly personId: string;
  readonly kind: Kind;
}

/**
 * The notices a rule may send: each person once (the first notice wins), only people on the roster, and
 * never the person whose action it was.
 */
export function deliverable<N extends Notice<string>>(
  notices: readonly N[],
  roster: Roster,
  actorId: string | undefined,
): N[] {
  const seen = new Set<string>();
  return notices.filter((notice) => {
    if (notice.personId === actorId || !roster.has(notice.personId) || seen.has(notice.personId))
      return false;
    seen.add(notice.personId);
    return true;
  });
}
