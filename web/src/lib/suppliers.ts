// The supplier table's state — search, levels, country, sort and page — read from and written to the
// address (so a view can be shared) and turned into the API's query. Sorting, filtering and paging all
// happen on the server, which keeps the table fast at 100,000 suppliers. Pure.
import { queryString } from './route.ts';
import { LEVELS, isLevel, type Level } from './risk.ts';
import type { SortDirection, SortState } from './table.ts';

export const SUPPLIER_SORTS = ['priority', 'score', 'name', 'spend', 'country', 'lines'] as const;
export type SupplierSort = (typeof SUPPLIER_SORTS)[number];

/** The direction a column starts in when first clicked: biggest first for figures, A–Z for words. */
export const SORT_DEFAULT_DIR: Readonly<Record<SupplierSort, SortDirection>> = {
  priority: 'desc',
  score: 'desc',
  spend: 'desc',
  lines: 'desc',
  name: 'asc',
  country: 'asc',
};

/** Every order the sort select offers (where column headers cannot be clicked, as on a phone), default first. */
export function sortOptions(): { value: string; label: string }[] {
  const names: Record<SupplierSort, [string, string]> = {
    priority: ['Priority, highest first', 'Priority, lowest first'],
    score: ['Risk score, highest first', 'Risk score, lowest first'],
    spend: ['Spend, largest first', 'Spend, smallest first'],
    lines: ['Lines, most first', 'Lines, fewest first'],
    name: ['Name, A to Z', 'Name, Z to A'],
    country: ['Country, A to Z', 'Country, Z to A'],
  };
  return SUPPLIER_SORTS.flatMap((key) => {
    const first = SORT_DEFAULT_DIR[key];
    const second = first === 'asc' ? 'desc' : 'asc';
    return [
      { value: `${key}:${first}`, label: names[key][0] },
      { value: `${key}:${second}`, label: names[key][1] },
    ];
  });
}

/** "spend:desc" → the sort it names; null for anything else. */
export function parseSortOption(value: string): SortState<SupplierSort> | null {
  const [key, dir] = value.split(':');
  return isSort(key) && (dir === 'asc' || dir === 'desc') ? { key, dir } : null;
}

export const PAGE_SIZE = 50;

export interface SupplierQuery {
  q: string;
  levels: Level[];
  /** ISO alpha-2, or '' for every country. */
  country: string;
  sort: SortState<SupplierSort>;
  /** 0-based page. */
  page: number;
}

export const DEFAULT_QUERY: SupplierQuery = { q: '', levels: [], country: '', sort: { key: 'priority', dir: 'desc' }, page: 0 };

function isSort(v: unknown): v is SupplierSort {
  return typeof v === 'string' && (SUPPLIER_SORTS as readonly string[]).includes(v);
}

export function queryFrom(search: URLSearchParams): SupplierQuery {
  const levels = (search.get('level') ?? '')
    .split(',')
    .map((l) => l.trim())
    .filter(isLevel);
  const key = search.get('sort');
  const sortKey = isSort(key) ? key : DEFAULT_QUERY.sort.key;
  const dir = search.get('dir');
  const page = Number(search.get('page'));
  const country = (search.get('country') ?? '').trim().toUpperCase();
  return {
    q: (search.get('q') ?? '').trim(),
    // Kept in the levels' own order, without repeats, so equal views have equal addresses.
    levels: LEVELS.filter((l) => levels.includes(l)),
    country: /^[A-Z]{2}$/.test(country) ? country : '',
    sort: { key: sortKey, dir: dir === 'asc' || dir === 'desc' ? dir : SORT_DEFAULT_DIR[sortKey] },
    page: Number.isInteger(page) && page > 0 ? page - 1 : 0,
  };
}

/** The page's own address for a view (defaults left out; pages counted from 1 for people). */
export function queryHref(path: string, s: SupplierQuery): string {
  const defaultSort = s.sort.key === DEFAULT_QUERY.sort.key && s.sort.dir === DEFAULT_QUERY.sort.dir;
  return `${path}${queryString({
    q: s.q.trim(),
    level: s.levels.join(','),
    country: s.country,
    sort: defaultSort ? undefined : s.sort.key,
    dir: defaultSort || s.sort.dir === SORT_DEFAULT_DIR[s.sort.key] ? undefined : s.sort.dir,
    page: s.page > 0 ? s.page + 1 : undefined,
  })}`;
}

/** The API's query string for a view: GET /api/v1/suppliers?… */
export function supplierApiQuery(s: SupplierQuery, limit = PAGE_SIZE): string {
  return queryString({
    q: s.q.trim(),
    level: s.levels.join(','),
    country: s.country,
    sort: s.sort.key,
    dir: s.sort.dir,
    offset: s.page * limit,
    limit,
  });
}

/** A change of filter starts again at the first page; a change of page keeps the filters. */
export function withFilter(s: SupplierQuery, change: Partial<Pick<SupplierQuery, 'q' | 'levels' | 'country' | 'sort'>>): SupplierQuery {
  return { ...s, ...change, page: 0 };
}

export function toggleLevel(levels: readonly Level[], level: Level): Level[] {
  return LEVELS.filter((l) => (l === level ? !levels.includes(l) : levels.includes(l)));
}

export function filtersActive(s: SupplierQuery): boolean {
  return s.q.trim() !== '' || s.levels.length > 0 || s.country !== '';
}

export interface PageInfo {
  /** 1-based first and last row shown; 0 and 0 when there are none. */
  from: number;
  to: number;
  pages: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

export function pageInfo(total: number, page: number, size = PAGE_SIZE): PageInfo {
  const pages = Math.max(1, Math.ceil(total / size));
  if (total <= 0) return { from: 0, to: 0, pages, hasPrevious: page > 0, hasNext: false };
  const from = page * size + 1;
  return { from: Math.min(from, total + 1), to: Math.min(total, (page + 1) * size), pages, hasPrevious: page > 0, hasNext: (page + 1) * size < total };
}
