/**
 * After a route change, move focus to the new page's main heading, as a full page load would put a
 * screen reader at the top: the element marked `data-route-focus`, else the first `h1`, else `main`.
 * Returns whether a heading was found (pages that load first call it again once they have one).
 */
export function focusPageHeading(root: ParentNode = document): boolean {
  const target =
    root.querySelector<HTMLElement>('main [data-route-focus]') ?? root.querySelector<HTMLElement>('main h1');
  if (target) {
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
    return true;
  }
  root.querySelector<HTMLElement>('main')?.focus();
  return false;
}

/** Whether focus is "nowhere in particular" (the page, or main), so moving it will not surprise anyone. */
export function focusIsIdle(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active.tagName === 'MAIN';
}
