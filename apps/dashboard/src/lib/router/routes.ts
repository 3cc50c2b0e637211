/**
 * The dashboard's addresses, as data. A small router of our own (this file, `router.svelte.ts` and
 * `links.ts`, about 150 lines with tests) instead of a library: there are four kinds of page, the route is
 * a typed union the pages switch on, and nothing here depends on Svelte, so it is tested without a browser.
 */
export const SECTIONS = [
  'overview',
  'vendors',
  'timeline',
  'crew',
  'logistics',
  'technical',
  'budget',
  'incidents',
  'show-day',
  'audit',
] as const;
export type Section = (typeof SECTIONS)[number];

/** The live screens of a show day (issue 6): each its own page, `/productions/<id>/show/<day>/<screen>`. */
export const SHOW_SCREENS = ['caller', 'stage', 'client', 'manager'] as const;
/** The departments a department screen follows (`/productions/<id>/show/<day>/department/<dept>`). */
export const SHOW_SCREEN_DEPARTMENTS = ['sound', 'lighting', 'video', 'stage'] as const;
export type ShowScreenDepartment = (typeof SHOW_SCREEN_DEPARTMENTS)[number];
export type ShowScreen =
  | { readonly screen: (typeof SHOW_SCREENS)[number] }
  | { readonly screen: 'department'; readonly department: ShowScreenDepartment };

/**
 * A page inside a production's section: one RFQ or one contract (under "Vendor & kontrak"), or one live
 * screen of a show day (under "Hari H").
 */
export type Detail =
  | { readonly kind: 'rfq' | 'contract'; readonly id: string }
  | ({ readonly kind: 'show'; readonly day: string } & ShowScreen);

export type Route =
  | { readonly name: 'sign-in'; readonly next?: string }
  | { readonly name: 'productions' }
  | { readonly name: 'approvals' }
  | {
      readonly name: 'production';
      readonly id: string;
      readonly section: Section;
      readonly detail?: Detail;
    }
  | { readonly name: 'not-found'; readonly path: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `/productions/<id>/show/<day>/<screen>[/<department>]` as a show screen, if it is one. */
function showScreenOf(rest: readonly string[]): ShowScreen | undefined {
  const [screen, department, ...more] = rest;
  if (more.length > 0 || screen === undefined) return undefined;
  if (screen === 'department')
    return (SHOW_SCREEN_DEPARTMENTS as readonly (string | undefined)[]).includes(department)
      ? { screen, department: department as ShowScreenDepartment }
      : undefined;
  return department === undefined && (SHOW_SCREENS as readonly string[]).includes(screen)
    ? { screen: screen as (typeof SHOW_SCREENS)[number] }
    : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isSection(value: string): value is Section {
  return (SECTIONS as readonly string[]).includes(value);
}

/** The route for a path (and query). `/` is the productions list. */
export function matchRoute(pathname: string, search = ''): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, id, section, ...rest] = parts;
  if (parts.length === 0) return { name: 'productions' };
  if (first === 'sign-in' && parts.length === 1) {
    const next = new URLSearchParams(search).get('next');
    return next && isSafeNext(next) ? { name: 'sign-in', next } : { name: 'sign-in' };
  }
  if (first === 'approvals' && parts.length === 1) return { name: 'approvals' };
  if (first === 'productions') {
    if (id === undefined) return { name: 'productions' };
    if (UUID.test(id) && rest.length === 0) {
      if (section === undefined) return { name: 'production', id: id.toLowerCase(), section: 'overview' };
      if (isSection(section)) return { name: 'production', id: id.toLowerCase(), section };
    }
    // `/productions/<id>/show/<day>/caller` and the other live screens of a show day
    if (UUID.test(id) && section === 'show' && rest[0] && DAY.test(rest[0])) {
      const screen = showScreenOf(rest.slice(1));
      if (screen)
        return {
          name: 'production',
          id: id.toLowerCase(),
          section: 'show-day',
          detail: { kind: 'show', day: rest[0], ...screen },
        };
    }
    // `/productions/<id>/vendors/rfqs/<rfqId>` and `/productions/<id>/vendors/contracts/<contractId>`
    const [kind, detailId, ...more] = rest;
    if (UUID.test(id) && section === 'vendors' && detailId && UUID.test(detailId) && more.length === 0) {
      if (kind === 'rfqs' || kind === 'contracts')
        return {
          name: 'production',
          id: id.toLowerCase(),
          section,
          detail: { kind: kind === 'rfqs' ? 'rfq' : 'contract', id: detailId.toLowerCase() },
        };
    }
  }
  return { name: 'not-found', path: pathname };
}

/** A live screen of a show day. */
export const showScreenHref = (productionId: string, day: string, screen: ShowScreen) =>
  hrefOf({
    name: 'production',
    id: productionId,
    section: 'show-day',
    detail: { kind: 'show', day, ...screen },
  });

/** A contract's page inside its production. */
export const contractHref = (productionId: string, contractId: string) =>
  hrefOf({
    name: 'production',
    id: productionId,
    section: 'vendors',
    detail: { kind: 'contract', id: contractId },
  });

/** An RFQ's page inside its production. */
export const rfqHref = (productionId: string, rfqId: string) =>
  hrefOf({ name: 'production', id: productionId, section: 'vendors', detail: { kind: 'rfq', id: rfqId } });

/** The path of a route; `hrefOf(matchRoute(p))` gives back `p` for every path the app uses. */
export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'sign-in':
      return route.next ? `/sign-in?next=${encodeURIComponent(route.next)}` : '/sign-in';
    case 'productions':
      return '/productions';
    case 'approvals':
      return '/approvals';
    case 'production':
      if (route.detail?.kind === 'show')
        return `/productions/${route.id}/show/${route.detail.day}/${route.detail.screen}${route.detail.screen === 'department' ? `/${route.detail.department}` : ''}`;
      if (route.detail)
        return `/productions/${route.id}/${route.section}/${route.detail.kind === 'rfq' ? 'rfqs' : 'contracts'}/${route.detail.id}`;
      return route.section === 'overview'
        ? `/productions/${route.id}`
        : `/productions/${route.id}/${route.section}`;
    case 'not-found':
      return route.path;
    default: {
      const never: never = route;
      return never;
    }
  }
}

/** Only a path inside the app may be a place to return to after sign-in (no `//evil.example`). */
export function isSafeNext(next: string): boolean {
  return (
    next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !next.startsWith('/api/')
  );
}

/** Pages a signed-out person may see. */
export function isPublic(route: Route): boolean {
  return route.name === 'sign-in';
}
