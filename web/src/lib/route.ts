// Route table and path matching for the single-page app. Pure: no DOM, so it is unit-tested under Node.

export type RouteName =
  | 'home'
  | 'countries'
  | 'country'
  | 'goods'
  | 'good'
  | 'search'
  | 'sources'
  | 'iloIndicators'
  | 'signIn'
  | 'setup'
  | 'invitation'
  | 'resetPassword'
  | 'organisation'
  | 'newOrganisation'
  | 'people'
  | 'tokens'
  | 'audit'
  | 'portfolio'
  | 'suppliers'
  | 'supplier'
  | 'imports'
  | 'importDetail'
  | 'riskWeights'
  | 'screening'
  | 'hit'
  | 'watchlists'
  | 'watchlist'
  | 'notFound';

export interface RouteDef {
  name: RouteName;
  /** Path pattern; `:name` matches one non-empty path segment. */
  pattern: string;
}

export interface RouteMatch {
  name: RouteName;
  params: Record<string, string>;
}

export const ROUTES: readonly RouteDef[] = [
  { name: 'home', pattern: '/' },
  { name: 'countries', pattern: '/countries' },
  { name: 'country', pattern: '/countries/:code' },
  { name: 'goods', pattern: '/goods' },
  { name: 'good', pattern: '/goods/:slug' },
  { name: 'search', pattern: '/search' },
  { name: 'sources', pattern: '/sources' },
  { name: 'iloIndicators', pattern: '/ilo-indicators' },
  { name: 'signIn', pattern: '/sign-in' },
  { name: 'setup', pattern: '/setup' },
  { name: 'invitation', pattern: '/invitation' },
  { name: 'resetPassword', pattern: '/reset-password' },
  { name: 'organisation', pattern: '/organisation' },
  { name: 'newOrganisation', pattern: '/organisation/new' },
  { name: 'people', pattern: '/organisation/people' },
  { name: 'tokens', pattern: '/organisation/tokens' },
  { name: 'audit', pattern: '/organisation/audit' },
  { name: 'portfolio', pattern: '/portfolio' },
  { name: 'suppliers', pattern: '/suppliers' },
  { name: 'supplier', pattern: '/suppliers/:id' },
  { name: 'imports', pattern: '/imports' },
  { name: 'importDetail', pattern: '/imports/:id' },
  { name: 'riskWeights', pattern: '/risk-weights' },
  { name: 'screening', pattern: '/screening' },
  { name: 'hit', pattern: '/screening/hits/:id' },
  { name: 'watchlists', pattern: '/watchlists' },
  { name: 'watchlist', pattern: '/watchlists/:id' },
];

function segments(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/** Params when `pathname` matches `pattern` (a trailing slash is ignored), otherwise null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = segments(pattern);
  const have = segments(pathname);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(h);
      } catch {
        return null; // malformed escape such as "%E0%A4%A"
      }
      params[w.slice(1)] = value;
    } else if (w !== h) {
      return null;
    }
  }
  return params;
}

export function matchRoute(pathname: string, routes: readonly RouteDef[] = ROUTES): RouteMatch {
  for (const r of routes) {
    const params = matchPath(r.pattern, pathname);
    if (params) return { name: r.name, params };
  }
  return { name: 'notFound', params: {} };
}

/** Builds "?a=1&b=2" from the defined, non-empty values (or "" when there are none). */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const href = {
  home: (): string => '/',
  countries: (): string => '/countries',
  country: (code: string): string => `/countries/${encodeURIComponent(code.toUpperCase())}`,
  goods: (): string => '/goods',
  good: (slug: string): string => `/goods/${encodeURIComponent(slug)}`,
  search: (q: string, selected?: { scheme: string; code: string }): string =>
    `/search${queryString({ q: q.trim(), selected: selected ? `${selected.scheme}:${selected.code}` : undefined })}`,
  sources: (): string => '/sources',
  iloIndicators: (): string => '/ilo-indicators',
  signIn: (): string => '/sign-in',
  organisation: (): string => '/organisation',
  newOrganisation: (): string => '/organisation/new',
  people: (): string => '/organisation/people',
  tokens: (): string => '/organisation/tokens',
  audit: (): string => '/organisation/audit',
  portfolio: (): string => '/portfolio',
  suppliers: (): string => '/suppliers',
  supplier: (id: string | number): string => `/suppliers/${encodeURIComponent(String(id))}`,
  imports: (): string => '/imports',
  importDetail: (id: string | number): string => `/imports/${encodeURIComponent(String(id))}`,
  riskWeights: (): string => '/risk-weights',
  screening: (): string => '/screening',
  hit: (id: string | number): string => `/screening/hits/${encodeURIComponent(String(id))}`,
  watchlists: (): string => '/watchlists',
  watchlist: (id: string | number): string => `/watchlists/${encodeURIComponent(String(id))}`,
};

/** Reads the `selected=hs:0901` parameter of the search page. */
export function parseSelected(value: string | null): { scheme: 'hs' | 'cpv'; code: string } | null {
  if (!value) return null;
  const m = /^(hs|cpv):(.+)$/i.exec(value.trim());
  if (!m) return null;
  return { scheme: m[1]!.toLowerCase() as 'hs' | 'cpv', code: m[2]! };
}

/** True for a link the router should handle itself: same origin, not a file or API URL. */
export function isAppPath(to: string): boolean {
  return to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/api/');
}
