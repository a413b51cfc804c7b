// The main navigation. Later areas (suppliers, risk, screening, procurement, …) add entries here. Pure.
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
