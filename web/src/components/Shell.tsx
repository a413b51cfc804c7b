// The frame around every page: skip link, header (product name, main navigation, search, account; for a
// signed-in person the organisation bar), content, footer.
import { useEffect, useRef, type ReactNode } from 'react';
import { NAV, activeNav } from '../lib/nav.ts';
import type { RouteName } from '../lib/route.ts';
import { Link } from '../router.tsx';
import { SearchBox } from './SearchBox.tsx';
import { AccountArea, OrgBar } from './Account.tsx';

export function Shell({ route, pathname, children }: { route: RouteName; pathname: string; children: ReactNode }) {
  const active = activeNav(route);
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After an in-app navigation, start at the top and move focus to the new content, as a page load would.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!window.location.hash) window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand" aria-label="Vigil, overview">
            <svg className="brand-mark" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
              <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" strokeWidth="2" />
              <circle cx="12" cy="12" r="4" fill="currentColor" />
            </svg>
            <span className="brand-name">Vigil</span>
          </Link>
          <nav className="main-nav" aria-label="Main">
            <ul>
              {NAV.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} aria-current={item === active ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <SearchBox />
          <AccountArea route={route} />
        </div>
        <OrgBar route={route} />
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Vigil is open-source software for due diligence against human trafficking and forced labour. Figures come from public datasets;{' '}
          <Link to="/sources">see where each one comes from</Link>.
        </p>
      </footer>
    </div>
  );
}
