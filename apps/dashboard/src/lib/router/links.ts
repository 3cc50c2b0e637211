import { matchRoute } from './routes.ts';

/** What the router needs to know about a click, taken from a MouseEvent and the anchor it hit. */
export interface LinkClick {
  readonly button: number;
  readonly modified: boolean;
  readonly defaultPrevented: boolean;
  readonly href: string;
  readonly target: string;
  readonly download: boolean;
  readonly origin: string;
}

/**
 * Whether the router should handle a click on a link in the page (plain `<a href>` everywhere, so links
 * stay links: keyboard, middle-click, "open in new tab" all work). Returns the path to go to, or undefined
 * to let the browser do what it does (another origin, a new tab, `/api/docs`, a download).
 */
export function routedPath(click: LinkClick): string | undefined {
  if (click.defaultPrevented || click.button !== 0 || click.modified) return undefined;
  if (click.download || (click.target && click.target !== '_self')) return undefined;
  const url = new URL(click.href, click.origin);
  if (url.origin !== click.origin) return undefined;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/health')) return undefined;
  if (matchRoute(url.pathname, url.search).name === 'not-found') return undefined;
  return url.pathname + url.search + url.hash;
}
