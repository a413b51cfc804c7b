// The main navigation (public knowledge pages) and the organisation's navigation, whose entries show only
// when the session's permissions allow their page. Later areas (procurement, …) add entries
// here. Pure.
import { PAGE_ACCESS, can, type Access, type SessionAccess } from './access.ts';
import type { RouteName } from './route.ts';

export interface NavItem {
  label: string;
  to: string;
  /** Routes under this item, for aria-current. */
  routes: readonly RouteName[];
}

export const NAV: readonly NavItem[] = [
  { label: 'Overview', to: '/', routes: ['home'] },
  { label: 'Countries', to: '/countries', routes: ['countries', 'country'] },
  { label: 'Goods', to: '/goods', routes: ['goods', 'good'] },
  { label: 'Forced-labour indicators', to: '/ilo-indicators', routes: ['iloIndicators'] },
  { label: 'Sources', to: '/sources', routes: ['sources'] },
];

export function activeNav(route: RouteName): NavItem | null {
  return NAV.find((n) => n.routes.includes(route)) ?? null;
}

export interface OrgNavItem extends NavItem {
  /** What the page needs: the same entry of PAGE_ACCESS that guards the page itself. */
  access: Access;
}

/** An entry guarded like its page, `route`; `more` are the pages under it (a supplier under Suppliers). */
function orgItem(label: string, to: string, route: RouteName, ...more: RouteName[]): OrgNavItem {
  return { label, to, routes: [route, ...more], access: PAGE_ACCESS[route] ?? 'signed-in' };
}

export const ORG_NAV: readonly OrgNavItem[] = [
  orgItem('Portfolio', '/portfolio', 'portfolio'),
  orgItem('Suppliers', '/suppliers', 'suppliers', 'supplier'),
  orgItem('Import', '/imports', 'imports', 'importDetail'),
  orgItem('Risk weights', '/risk-weights', 'riskWeights'),
  orgItem('Screening', '/screening', 'screening', 'hit'),
  orgItem('Watchlists', '/watchlists', 'watchlists', 'watchlist'),
  orgItem('Profile', '/organisation', 'organisation'),
  orgItem('People', '/organisation/people', 'people'),
  orgItem('API tokens', '/organisation/tokens', 'tokens'),
  orgItem('Audit trail', '/organisation/audit', 'audit'),
];

/** The organisation entries this session may open (none when signed out or without an organisation). */
export function orgNavFor(session: SessionAccess | null | undefined): OrgNavItem[] {
  if (!session?.organisation) return [];
  return ORG_NAV.filter((item) => can(session, item.access));
}

export function activeOrgNav(route: RouteName): OrgNavItem | null {
  return ORG_NAV.find((n) => n.routes.includes(route)) ?? null;
}
