// The header search's result list: one flat, keyboard-navigable list of options in groups. Pure.
import { href } from './route.ts';
import { displayCode, schemeLabel } from './classification.ts';

export interface SearchResultsLike {
  countries: readonly { code: string; name: string }[];
  goods: readonly { good: string; slug: string; sector: string }[];
  classifications: readonly { scheme: string; code: string; level: number; description: string }[];
}

export type OptionKind = 'country' | 'good' | 'classification' | 'all';

export interface SearchOption {
  id: string;
  kind: OptionKind;
  label: string;
  detail: string;
  to: string;
}

export interface OptionGroup {
  kind: OptionKind;
  title: string;
  options: SearchOption[];
}

export const MIN_QUERY = 2;

export function groupOptions(q: string, r: SearchResultsLike, perGroup = 5): OptionGroup[] {
  const groups: OptionGroup[] = [];
  const countries = r.countries.slice(0, perGroup).map<SearchOption>((c) => ({
    id: `country-${c.code}`,
    kind: 'country',
    label: c.name,
    detail: c.code,
    to: href.country(c.code),
  }));
  if (countries.length) groups.push({ kind: 'country', title: 'Countries', options: countries });
  const goods = r.goods.slice(0, perGroup).map<SearchOption>((g) => ({
    id: `good-${g.slug}`,
    kind: 'good',
    label: g.good,
    detail: g.sector,
    to: href.good(g.slug),
  }));
  if (goods.length) groups.push({ kind: 'good', title: 'Goods', options: goods });
  const codes = r.classifications.slice(0, perGroup).map<SearchOption>((c) => ({
    id: `class-${c.scheme}-${c.code}`,
    kind: 'classification',
    label: `${displayCode(c.scheme, c.code)} ${c.description}`,
    detail: schemeLabel(c.scheme),
    to: href.search(q, { scheme: c.scheme, code: c.code }),
  }));
  if (codes.length) groups.push({ kind: 'classification', title: 'HS and CPV codes', options: codes });
  groups.push({
    kind: 'all',
    title: 'All results',
    options: [{ id: 'all-results', kind: 'all', label: `All results for “${q.trim()}”`, detail: '', to: href.search(q) }],
  });
  return groups;
}

export function flatOptions(groups: readonly OptionGroup[]): SearchOption[] {
  return groups.flatMap((g) => g.options);
}

/** Next active index for ArrowDown (+1) / ArrowUp (-1), wrapping; -1 means none active. */
export function moveActive(current: number, delta: number, count: number): number {
  if (count <= 0) return -1;
  if (current < 0) return delta > 0 ? 0 : count - 1;
  return (((current + delta) % count) + count) % count;
}
