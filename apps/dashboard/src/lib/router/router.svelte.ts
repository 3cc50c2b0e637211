import { routedPath } from './links.ts';
import { hrefOf, matchRoute, type Route } from './routes.ts';

/**
 * The current route, following the address bar: `navigate` pushes (or replaces) a history entry, the
 * back and forward buttons work, and clicks on in-app `<a href>` links are handled without a reload.
 */
export class Router {
  route = $state<Route>(matchRoute(location.pathname, location.search));
  /** Increases on every navigation, so the shell can move focus to the new page's heading. */
  navigations = $state(0);

  constructor() {
    addEventListener('popstate', () => this.#sync());
    document.addEventListener('click', (event) => this.#onClick(event));
  }

  navigate(to: string | Route, options: { replace?: boolean } = {}): void {
    const href = typeof to === 'string' ? to : hrefOf(to);
    if (href === location.pathname + location.search + location.hash && !options.replace) return;
    if (options.replace) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    this.#sync();
  }

  #sync(): void {
    this.route = matchRoute(location.pathname, location.search);
    this.navigations += 1;
  }

  #onClick(event: MouseEvent): void {
    const anchor = (event.target as Element | null)?.closest?.('a[href]');
    if (!(anchor instanceof HTMLAnchorElement)) return;
    const path = routedPath({
      button: event.button,
      modified: event.metaKey || event.ctrlKey || event.shiftKey || event.altKey,
      defaultPrevented: event.defaultPrevented,
      href: anchor.href,
      target: anchor.target,
      download: anchor.hasAttribute('download'),
      origin: location.origin,
    });
    if (path === undefined) return;
    event.preventDefault();
    this.navigate(path);
  }
}

export const router = new Router();
