// All countries in one sortable table: the accessible alternative to the map, and a quick comparison.
import { useMemo, useState } from 'react';
import { endpoints, type CountryList, type CountrySummary } from '../api.ts';
import { useApi, useDocumentTitle } from '../hooks.ts';
import { formatInteger, formatPer1000 } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import { matchesText, nextSort, sortBy, type SortState } from '../lib/table.ts';
import { TIERS, isTierCode, tierLabel } from '../lib/tiers.ts';
import { Link } from '../router.tsx';
import { TierBadge } from '../components/Badges.tsx';
import { SortableTh } from '../components/SortableTh.tsx';
import { SourceNote } from '../components/SourceNote.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';

type Col = 'name' | 'tier' | 'gsi' | 'number' | 'goods';

export function CountriesPage() {
  useDocumentTitle('Countries');
  const res = useApi<CountryList>(endpoints.countries());
  const [text, setText] = useState('');
  const [sort, setSort] = useState<SortState<Col>>({ key: 'name', dir: 'asc' });
  const data = res.data;
  const year = data && data.tipYears.length ? Math.max(...data.tipYears) : null;

  const rows = useMemo(() => {
    if (!data) return [];
    const value = (c: CountrySummary, k: Col) => {
      switch (k) {
        case 'name':
          return c.name;
        case 'tier': {
          const t = year === null ? null : c.tiers[String(year)];
          return isTierCode(t) ? (t === 'special_case' ? 5 : 5 - TIERS[t].rank) : null;
        }
        case 'gsi':
          return c.gsi?.prevalencePer1000 ?? null;
        case 'number':
          return c.gsi?.estimatedNumber ?? null;
        case 'goods':
          return c.ilabGoods;
      }
    };
    return sortBy(
      data.countries.filter((c) => matchesText(text, c.name, c.code, c.alpha3)),
      sort,
      value,
      (c) => c.name,
    );
  }, [data, text, sort, year]);

  const onSort = (k: Col) => setSort((s) => nextSort(s, k, k === 'name' || k === 'tier' ? 'asc' : 'desc'));

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/">Overview</Link> <span aria-hidden="true">›</span> <span aria-current="page">Countries</span>
      </nav>
      <header className="page-header">
        <h1>Countries</h1>
        <p className="lede">The figures on the map, as a table. Select a country for its tier history, estimates and listed goods.</p>
      </header>
      {res.status === 'loading' && <Loading label="Loading countries…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.retry} what="countries" />}
      {data && (
        <>
          <div className="filters">
            <label className="field">
              <span>Filter by name or code</span>
              <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
            </label>
            <p className="muted filters-count" aria-live="polite">
              {formatInteger(rows.length)} of {formatInteger(data.countries.length)} countries
            </p>
          </div>
          {rows.length === 0 ? (
            <Empty>No country matches “{text}”.</Empty>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">Countries with their latest TIP tier, GSI estimates and number of ILAB-listed goods</caption>
                <thead>
                  <tr>
                    <SortableTh column="name" sort={sort} onSort={onSort}>
                      Country
                    </SortableTh>
                    <SortableTh column="tier" sort={sort} onSort={onSort}>
                      TIP tier {year ?? ''}
                    </SortableTh>
                    <SortableTh column="gsi" sort={sort} onSort={onSort} numeric>
                      Prevalence per 1,000
                    </SortableTh>
                    <SortableTh column="number" sort={sort} onSort={onSort} numeric>
                      Estimated people
                    </SortableTh>
                    <SortableTh column="goods" sort={sort} onSort={onSort} numeric>
                      ILAB goods
                    </SortableTh>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => {
                    const t = year === null ? null : (c.tiers[String(year)] ?? null);
                    return (
                      <tr key={c.code}>
                        <th scope="row">
                          <Link to={href.country(c.code)}>{c.name}</Link>
                        </th>
                        <td>
                          <TierBadge tier={t} label={tierLabel(t)} />
                        </td>
                        <td className="num">{formatPer1000(c.gsi?.prevalencePer1000)}</td>
                        <td className="num">{formatInteger(c.gsi?.estimatedNumber)}</td>
                        <td className="num">{formatInteger(c.ilabGoods)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <div className="sources-block">
            <SourceNote source={data.sources.tip} label="Tiers" showRow={false} />
            <SourceNote source={data.sources.gsi} label="Prevalence and estimates" showRow={false} />
            <SourceNote source={data.sources.ilab} label="Goods" showRow={false} />
          </div>
        </>
      )}
    </div>
  );
}
