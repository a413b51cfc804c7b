// The ILAB list of goods: filter by sector and type, sort by any column. Filters live in the URL so a view
// can be shared.
import { useMemo } from 'react';
import { endpoints, type GoodList, type GoodSummary } from '../api.ts';
import { useApi, useDocumentTitle } from '../hooks.ts';
import { formatInteger } from '../lib/format.ts';
import { href, queryString } from '../lib/route.ts';
import { GOOD_TYPES, filterGoods, nextSort, sortBy, type GoodType, type SortState } from '../lib/table.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { SortableTh } from '../components/SortableTh.tsx';
import { SourceNote } from '../components/SourceNote.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';

type Col = 'good' | 'sector' | 'countries' | 'childLabor' | 'forcedLabor';
const COLS: readonly Col[] = ['good', 'sector', 'countries', 'childLabor', 'forcedLabor'];

export function GoodsPage() {
  useDocumentTitle('Goods');
  const res = useApi<GoodList>(endpoints.goods());
  const { search } = useLocation();
  const text = search.get('q') ?? '';
  const sector = search.get('sector') ?? '';
  const typeParam = search.get('type') ?? 'all';
  const type: GoodType = GOOD_TYPES.some((t) => t.id === typeParam) ? (typeParam as GoodType) : 'all';
  const sortParam = search.get('sort') ?? 'good';
  const sort: SortState<Col> = {
    key: (COLS as readonly string[]).includes(sortParam) ? (sortParam as Col) : 'good',
    dir: search.get('dir') === 'desc' ? 'desc' : 'asc',
  };

  const update = (next: Partial<{ q: string; sector: string; type: string; sort: string; dir: string }>) => {
    const merged = { q: text, sector, type: type === 'all' ? '' : type, sort: sort.key === 'good' ? '' : sort.key, dir: sort.dir === 'asc' ? '' : 'desc', ...next };
    if (merged.type === 'all') merged.type = '';
    navigate(`/goods${queryString(merged)}`, { replace: true });
  };

  const data = res.data;
  const sectors = useMemo(() => (data ? [...new Set(data.goods.map((g) => g.sector))].sort() : []), [data]);
  const rows = useMemo(() => {
    if (!data) return [];
    const value = (g: GoodSummary, k: Col) => g[k];
    return sortBy(filterGoods(data.goods, { text, sector, type }), sort, value, (g) => g.good);
  }, [data, text, sector, type, sort.key, sort.dir]); // eslint-disable-line react-hooks/exhaustive-deps

  const onSort = (k: Col) => {
    const s = nextSort(sort, k, k === 'good' || k === 'sector' ? 'asc' : 'desc');
    update({ sort: s.key === 'good' ? '' : s.key, dir: s.dir === 'asc' ? '' : 'desc' });
  };

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/">Overview</Link> <span aria-hidden="true">›</span> <span aria-current="page">Goods</span>
      </nav>
      <header className="page-header">
        <h1>Goods produced with child labour or forced labour</h1>
        <p className="lede">
          The US Department of Labor’s list of goods it has reason to believe are produced by child labour or forced labour in violation of
          international standards, with the number of countries listed for each.
        </p>
      </header>
      {res.status === 'loading' && <Loading label="Loading the list of goods…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.retry} what="the list of goods" />}
      {data && (
        <>
          <div className="filters" role="group" aria-label="Filter goods">
            <label className="field">
              <span>Name</span>
              <input type="search" value={text} onChange={(e) => update({ q: e.target.value })} placeholder="e.g. cotton" />
            </label>
            <label className="field">
              <span>Sector</span>
              <select value={sector} onChange={(e) => update({ sector: e.target.value })}>
                <option value="">All sectors</option>
                {sectors.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Listed for</span>
              <select value={type} onChange={(e) => update({ type: e.target.value })}>
                {GOOD_TYPES.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
            </label>
            <p className="muted filters-count" aria-live="polite">
              {formatInteger(rows.length)} of {formatInteger(data.goods.length)} goods
            </p>
          </div>
          {rows.length === 0 ? (
            <Empty>No good matches these filters.</Empty>
          ) : (
            <div className="table-scroll">
              <table className="data-table" data-testid="goods-list">
                <caption className="visually-hidden">Goods on the ILAB list; column headers sort the table</caption>
                <thead>
                  <tr>
                    <SortableTh column="good" sort={sort} onSort={onSort}>
                      Good
                    </SortableTh>
                    <SortableTh column="sector" sort={sort} onSort={onSort}>
                      Sector
                    </SortableTh>
                    <SortableTh column="countries" sort={sort} onSort={onSort} numeric>
                      Countries
                    </SortableTh>
                    <SortableTh column="childLabor" sort={sort} onSort={onSort} numeric>
                      Child labour
                    </SortableTh>
                    <SortableTh column="forcedLabor" sort={sort} onSort={onSort} numeric>
                      Forced labour
                    </SortableTh>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((g) => (
                    <tr key={g.slug}>
                      <th scope="row">
                        <Link to={href.good(g.slug)}>{g.good}</Link>
                        {g.downstream && <span className="badge badge-downstream inline">Downstream</span>}
                      </th>
                      <td>{g.sector}</td>
                      <td className="num">{formatInteger(g.countries)}</td>
                      <td className="num">{g.childLabor ? formatInteger(g.childLabor) : <span className="muted">—</span>}</td>
                      <td className="num">{g.forcedLabor ? formatInteger(g.forcedLabor) : <span className="muted">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="muted small">
            “Child labour” and “Forced labour” count the countries where the good is listed for each. Downstream goods are listed because they are made
            from a listed input.
          </p>
          <SourceNote source={data.source} showRow={false} />
        </>
      )}
    </div>
  );
}
