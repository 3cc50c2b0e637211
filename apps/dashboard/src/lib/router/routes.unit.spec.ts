import { describe, expect, it } from 'vitest';
import { routedPath, type LinkClick } from './links.ts';
import { contractHref, hrefOf, isSafeNext, matchRoute, rfqHref, showScreenHref } from './routes.ts';

const ID = '6a1f0c2e-0000-4000-8000-0000000000c1';

describe('matchRoute', () => {
  it('knows the pages', () => {
    expect(matchRoute('/')).toEqual({ name: 'productions' });
    expect(matchRoute('/productions')).toEqual({ name: 'productions' });
    expect(matchRoute('/sign-in')).toEqual({ name: 'sign-in' });
    expect(matchRoute(`/productions/${ID}`)).toEqual({ name: 'production', id: ID, section: 'overview' });
    expect(matchRoute(`/productions/${ID}/budget/`)).toEqual({
      name: 'production',
      id: ID,
      section: 'budget',
    });
  });

  it('knows the approvals inbox and the RFQ and contract pages of a production', () => {
    const OTHER = '6a1f0c2e-0000-4000-8000-00000000c0a1';
    expect(matchRoute('/approvals')).toEqual({ name: 'approvals' });
    expect(matchRoute(`/productions/${ID}/vendors/contracts/${OTHER}`)).toEqual({
      name: 'production',
      id: ID,
      section: 'vendors',
      detail: { kind: 'contract', id: OTHER },
    });
    expect(matchRoute(`/productions/${ID}/vendors/rfqs/${OTHER}`)).toMatchObject({
      detail: { kind: 'rfq', id: OTHER },
    });
    expect(matchRoute(`/productions/${ID}/budget/contracts/${OTHER}`).name).toBe('not-found');
    expect(matchRoute(`/productions/${ID}/vendors/quotes/${OTHER}`).name).toBe('not-found');
    expect(matchRoute(`/productions/${ID}/vendors/rfqs/nope`).name).toBe('not-found');
    expect(contractHref(ID, OTHER)).toBe(`/productions/${ID}/vendors/contracts/${OTHER}`);
    expect(rfqHref(ID, OTHER)).toBe(`/productions/${ID}/vendors/rfqs/${OTHER}`);
    expect(hrefOf(matchRoute(rfqHref(ID, OTHER)))).toBe(rfqHref(ID, OTHER));
  });

  it('knows the live screens of a show day, each its own page', () => {
    const day = '2027-03-14';
    expect(matchRoute(`/productions/${ID}/show/${day}/caller`)).toEqual({
      name: 'production',
      id: ID,
      section: 'show-day',
      detail: { kind: 'show', day, screen: 'caller' },
    });
    expect(matchRoute(`/productions/${ID}/show/${day}/department/sound`)).toMatchObject({
      detail: { kind: 'show', day, screen: 'department', department: 'sound' },
    });
    for (const screen of ['stage', 'client', 'manager'] as const)
      expect(hrefOf(matchRoute(showScreenHref(ID, day, { screen })))).toBe(
        `/productions/${ID}/show/${day}/${screen}`,
      );
    expect(showScreenHref(ID, day, { screen: 'department', department: 'video' })).toBe(
      `/productions/${ID}/show/${day}/department/video`,
    );
    expect(matchRoute(`/productions/${ID}/show/${day}/department/catering`).name).toBe('not-found');
    expect(matchRoute(`/productions/${ID}/show/${day}/department`).name).toBe('not-found');
    expect(matchRoute(`/productions/${ID}/show/${day}/stage/more`).name).toBe('not-found');
    expect(matchRoute(`/productions/${ID}/show/14-03-2027/caller`).name).toBe('not-found');
    expect(matchRoute(`/productions/${ID}/show/${day}`).name).toBe('not-found');
  });

  it('sends anything else to not-found', () => {
    expect(matchRoute('/productions/not-a-uuid').name).toBe('not-found');
    expect(matchRoute(`/productions/${ID}/nonsense`).name).toBe('not-found');
    expect(matchRoute(`/productions/${ID}/budget/more`).name).toBe('not-found');
    expect(matchRoute('/elsewhere').name).toBe('not-found');
  });

  it('keeps a safe place to return to after sign-in, and drops an unsafe one', () => {
    expect(matchRoute('/sign-in', `?next=${encodeURIComponent('/productions/' + ID)}`)).toEqual({
      name: 'sign-in',
      next: `/productions/${ID}`,
    });
    expect(matchRoute('/sign-in', '?next=//evil.example')).toEqual({ name: 'sign-in' });
    expect(isSafeNext('https://evil.example')).toBe(false);
    expect(isSafeNext('/\\evil.example')).toBe(false);
  });

  it('round-trips through hrefOf', () => {
    for (const path of ['/productions', '/sign-in', `/productions/${ID}`, `/productions/${ID}/show-day`])
      expect(hrefOf(matchRoute(path))).toBe(path);
    expect(hrefOf({ name: 'sign-in', next: '/productions?x=1' })).toBe(
      '/sign-in?next=%2Fproductions%3Fx%3D1',
    );
  });
});

describe('routedPath', () => {
  const click = (over: Partial<LinkClick>): LinkClick => ({
    button: 0,
    modified: false,
    defaultPrevented: false,
    href: '/productions',
    target: '',
    download: false,
    origin: 'http://localhost:5173',
    ...over,
  });

  it('routes a plain click on an app link', () => {
    expect(routedPath(click({ href: `http://localhost:5173/productions/${ID}` }))).toBe(`/productions/${ID}`);
  });

  it('leaves new tabs, other origins, the API docs and unknown paths to the browser', () => {
    expect(routedPath(click({ modified: true }))).toBeUndefined();
    expect(routedPath(click({ button: 1 }))).toBeUndefined();
    expect(routedPath(click({ target: '_blank' }))).toBeUndefined();
    expect(routedPath(click({ href: 'https://example.com/productions' }))).toBeUndefined();
    expect(routedPath(click({ href: '/api/docs' }))).toBeUndefined();
    expect(routedPath(click({ href: '/nowhere' }))).toBeUndefined();
    expect(routedPath(click({ defaultPrevented: true }))).toBeUndefined();
  });
});
