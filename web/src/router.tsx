// A small history-API router: the current location as React state, navigate(), and <Link>.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { isAppPath } from './lib/route.ts';

const NAVIGATE_EVENT = 'vigil:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current path and query, e.g. "/search?q=cocoa". */
export function useLocation(): { pathname: string; search: URLSearchParams; key: string } {
  const key = useSyncExternalStore(subscribe, snapshot, snapshot);
  const url = new URL(key, 'http://app.invalid');
  return { pathname: url.pathname, search: url.searchParams, key };
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** An ordinary <a href>, handled in-app for plain left clicks on app paths. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    if (!isAppPath(to)) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
