// Sorting and filtering helpers for the data tables. Pure.
import { fold } from './format.ts';

export type SortDirection = 'asc' | 'desc';

export interface SortState<K extends string> {
  key: K;
  dir: SortDirection;
}

/** Clicking a column: same column flips direction; a new column starts with its default direction. */
export function nextSort<K extends string>(current: SortState<K>, key: K, defaultDir: SortDirection = 'asc'): SortState<K> {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: defaultDir };
}

type Sortable = string | number | null | undefined;

/** Compares with missing values always last, strings by locale (accents folded), numbers numerically. */
export function compareValues(a: Sortable, b: Sortable, dir: SortDirection): number {
  const aMissing = a === null || a === undefined || (typeof a === 'number' && Number.isNaN(a));
  const bMissing = b === null || b === undefined || (typeof b === 'number' && Number.isNaN(b));
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  const sign = dir === 'asc' ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
  return sign * String(a).localeCompare(String(b), 'en', { sensitivity: 'base', numeric: true });
}

export function sortBy<T, K extends string>(rows: readonly T[], sort: SortState<K>, value: (row: T, key: K) => Sortable, tieBreak?: (row: T) => string): T[] {
  return [...rows].sort((x, y) => {
    const c = compareValues(value(x, sort.key), value(y, sort.key), sort.dir);
    if (c !== 0 || !tieBreak) return c;
    return tieBreak(x).localeCompare(tieBreak(y), 'en', { sensitivity: 'base' });
  });
}

export function matchesText(query: string, ...fields: readonly (string | null | undefined)[]): boolean {
  const q = fold(query).trim();
  if (!q) return true;
  return fields.some((f) => f !== null && f !== undefined && fold(f).includes(q));
}

export type GoodType = 'all' | 'childLabor' | 'forcedLabor' | 'downstream';

export const GOOD_TYPES: readonly { id: GoodType; label: string }[] = [
  { id: 'all', label: 'Any type' },
  { id: 'childLabor', label: 'Child labour' },
  { id: 'forcedLabor', label: 'Forced labour' },
  { id: 'downstream', label: 'Downstream goods' },
];

export interface GoodRow {
  good: string;
  sector: string;
  countries: number;
  childLabor: number;
  forcedLabor: number;
  downstream: boolean;
}

export function filterGoods<T extends GoodRow>(goods: readonly T[], f: { text?: string; sector?: string; type?: GoodType }): T[] {
  return goods.filter((g) => {
    if (f.sector && g.sector !== f.sector) return false;
    if (f.type === 'childLabor' && g.childLabor === 0) return false;
    if (f.type === 'forcedLabor' && g.forcedLabor === 0) return false;
    if (f.type === 'downstream' && !g.downstream) return false;
    return matchesText(f.text ?? '', g.good, g.sector);
  });
}
