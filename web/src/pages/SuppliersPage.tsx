// Every supplier in one table, sorted, filtered and paged by the server (so 100,000 suppliers stay fast:
// the page only ever holds one page of rows). The address holds the whole view, so it can be shared.
import { useId, useRef } from 'react';
import { endpoints } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import { formatInteger } from '../lib/format.ts';
import { Pager } from '../components/Pager.tsx';
import { formatSpend, levelRows, type Portfolio, type SupplierRow } from '../lib/portfolio.ts';
import { LEVEL_INFO, firstSentence, formatPriority } from '../lib/risk.ts';
import { href } from '../lib/route.ts';
import {
  PAGE_SIZE,
  SORT_DEFAULT_DIR,
  filtersActive,
  pageInfo,
  parseSortOption,
  queryFrom,
  queryHref,
  supplierApiQuery,
  toggleLevel,
  sortOptions,
  withFilter,
  type SupplierQuery,
  type SupplierSort,
} from '../lib/suppliers.ts';
import { nextSort } from '../lib/table.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useLive, useSession } from '../session.tsx';
import { useCountryNames } from '../components/Badges.tsx';
import { LevelBadge } from '../components/Risk.tsx';
import { SortableTh } from '../components/SortableTh.tsx';
import { FilterSearch } from '../components/FilterSearch.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';

const PATH = '/suppliers';

export function SuppliersPage() {
  useDocumentTitle('Suppliers');
  const { session } = useSession();
  const { search } = useLocation();
  const query = queryFrom(search);
  const go = (next: SupplierQuery, replace = false) => navigate(queryHref(PATH, next), { replace });
  const portfolio = useLive<Portfolio>(endpoints.portfolio());
  return (
    <div className="page page-suppliers">
      <header className="page-header">
        <p className="eyebrow">{session?.organisation?.name}</p>
        <h1>Suppliers</h1>
        <p className="lede">Every supplier with its inherent risk, highest priority first. Select a supplier for the explanation of each signal.</p>
      </header>
      <Filters query={query} go={go} portfolio={portfolio.data ?? null} />
      <Results query={query} go={go} />
    </div>
  );
}

function Filters({ query, go, portfolio }: { query: SupplierQuery; go: (q: SupplierQuery, replace?: boolean) => void; portfolio: Portfolio | null }) {
  const id = useId();
  const countryName = useCountryNames();
  const levels = portfolio ? levelRows(portfolio.levels) : null;
  const countries = portfolio ? [...portfolio.countries].sort((a, b) => a.countryName.localeCompare(b.countryName, 'en')) : [];
  const knownCountry = !query.country || countries.some((c) => c.countryCode === query.country);
  return (
    <form className="filters supplier-filters" role="search" aria-label="Filter the suppliers" onSubmit={(e) => e.preventDefault()}>
      {/* Typing filters after a pause, replacing the address rather than adding a history entry per keystroke. */}
      <FilterSearch id={`${id}-q`} value={query.q} onSearch={(q) => go(withFilter(query, { q }), true)} placeholder="Name, alias, identifier or good" />
      <fieldset className="level-chips">
        <legend className="form-label">Risk level</legend>
        {(levels ?? levelRows([])).map((l) => {
          const on = query.levels.includes(l.level);
          return (
            <button
              key={l.level}
              type="button"
              className={`chip level-chip level-${l.level}`}
              aria-pressed={on}
              onClick={() => go(withFilter(query, { levels: toggleLevel(query.levels, l.level) }))}
            >
              <span className="chip-swatch" style={{ background: LEVEL_INFO[l.level].colour }} aria-hidden="true" />
              {LEVEL_INFO[l.level].label}
              {levels && <span className="chip-count"> {formatInteger(l.suppliers)}</span>}
            </button>
          );
        })}
      </fieldset>
      <div className="form-field">
        <label htmlFor={`${id}-country`} className="form-label">
          Country
        </label>
        <select id={`${id}-country`} className="form-input" value={query.country} onChange={(e) => go(withFilter(query, { country: e.target.value }))}>
          <option value="">All countries</option>
          {!knownCountry && <option value={query.country}>{countryName(query.country) ?? query.country}</option>}
          {countries.map((c) => (
            <option key={c.countryCode} value={c.countryCode}>
              {c.countryName} ({formatInteger(c.suppliers)})
            </option>
          ))}
        </select>
      </div>
      <div className="form-field narrow-only">
        <label htmlFor={`${id}-sort`} className="form-label">
          Sort by
        </label>
        <select
          id={`${id}-sort`}
          className="form-input"
          value={`${query.sort.key}:${query.sort.dir}`}
          onChange={(e) => {
            const sort = parseSortOption(e.target.value);
            if (sort) go(withFilter(query, { sort }));
          }}
        >
          {sortOptions().map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {filtersActive(query) && (
        <div className="filter-buttons">
          <button
            type="button"
            className="button-secondary"
            onClick={() => go(withFilter(query, { q: '', levels: [], country: '' }))}
          >
            Clear the filters
          </button>
        </div>
      )}
    </form>
  );
}

function Results({ query, go }: { query: SupplierQuery; go: (q: SupplierQuery) => void }) {
  const path = endpoints.suppliers(supplierApiQuery(query));
  const res = useLive<{ total: number; items: SupplierRow[] }>(path);
  const countryName = useCountryNames();
  // The previous page stays on screen (marked busy) while the next sort, filter or page loads.
  const shown = useRef<{ total: number; items: SupplierRow[] } | null>(null);
  if (res.status === 'ready') shown.current = res.data;
  if (res.status === 'error') return <ErrorState error={res.error} retry={res.reload} what="the suppliers" />;
  if (!shown.current) return <Loading label="Loading the suppliers…" />;
  const { total, items } = shown.current;
  const busy = res.status === 'loading';
  const info = pageInfo(total, query.page);
  const onSort = (key: SupplierSort) => go(withFilter(query, { sort: nextSort(query.sort, key, SORT_DEFAULT_DIR[key]) }));
  const sortProps = { sort: query.sort, onSort };
  return (
    <section aria-labelledby="results-heading" aria-busy={busy || undefined} className={busy ? 'is-busy' : undefined}>
      <h2 id="results-heading" className="visually-hidden">
        Results
      </h2>
      <p className="muted filters-count" role="status" aria-live="polite" data-testid="supplier-count">
        {total === 0 ? 'No supplier matches.' : `Suppliers ${formatInteger(info.from)}–${formatInteger(info.to)} of ${formatInteger(total)}`}
      </p>
      {total === 0 ? (
        filtersActive(query) ? (
          <Empty>No supplier matches these filters.</Empty>
        ) : (
          <Empty>
            No suppliers yet. <Link to={href.imports()}>Import a supplier file</Link>.
          </Empty>
        )
      ) : (
        <div className="table-scroll">
          <table className="data-table supplier-table stack-table two-up" data-testid="supplier-table">
            <caption className="visually-hidden">Suppliers, sorted by {query.sort.key} ({query.sort.dir === 'asc' ? 'ascending' : 'descending'})</caption>
            <thead>
              <tr>
                <SortableTh column="name" {...sortProps}>
                  Supplier
                </SortableTh>
                <SortableTh column="country" {...sortProps}>
                  Countries
                </SortableTh>
                <SortableTh column="score" {...sortProps}>
                  Risk
                </SortableTh>
                <SortableTh column="priority" numeric {...sortProps}>
                  Priority
                </SortableTh>
                <SortableTh column="spend" numeric {...sortProps}>
                  Spend
                </SortableTh>
                <SortableTh column="lines" numeric {...sortProps}>
                  Lines
                </SortableTh>
                <th scope="col">Main signal</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={href.supplier(s.id)}>{s.name}</Link>
                    {s.goods.length > 0 && <span className="row-note">{s.goods.join(', ')}</span>}
                  </th>
                  <td data-label="Countries">{s.countries.map((c) => countryName(c) ?? c).join(', ') || <span className="muted">Unknown</span>}</td>
                  <td data-label="Risk">
                    <LevelBadge level={s.level} score={s.score} />
                  </td>
                  <td className="num" data-label="Priority">{formatPriority(s.priority)}</td>
                  <td className="num nowrap" data-label="Spend">{formatSpend(s.spend, s.currency)}</td>
                  <td className="num" data-label="Lines">{formatInteger(s.lines)}</td>
                  <td className="small signal-cell" data-label="Main signal" title={s.topSignal ?? undefined}>
                    {s.topSignal ? firstSentence(s.topSignal) : <span className="muted">None</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager label="Pages of suppliers" page={query.page} pages={info.pages} size={PAGE_SIZE} hasPrevious={info.hasPrevious} hasNext={info.hasNext} onPage={(page) => go({ ...query, page })} />
    </section>
  );
}
