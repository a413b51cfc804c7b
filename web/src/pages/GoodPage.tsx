// One good: the countries that list it, with the type of exploitation and the source row of each listing.
import { useMemo } from 'react';
import { endpoints, type GoodProfile } from '../api.ts';
import { useApi, useDocumentTitle } from '../hooks.ts';
import { plural } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import { Link } from '../router.tsx';
import { ExploitationBadges, useCountryNames } from '../components/Badges.tsx';
import { SourceNote } from '../components/SourceNote.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { NumTh } from '../components/SortableTh.tsx';

export function GoodPage({ slug }: { slug: string }) {
  const res = useApi<GoodProfile>(endpoints.good(slug));
  const g = res.data;
  const countryName = useCountryNames();
  useDocumentTitle(g ? g.good : res.status === 'error' ? 'Good not found' : 'Good');
  const countries = useMemo(() => (g ? [...g.countries].sort((a, b) => a.name.localeCompare(b.name)) : []), [g]);
  const counts = useMemo(
    () => ({
      child: countries.filter((c) => c.childLabor).length,
      forced: countries.filter((c) => c.forcedLabor).length,
      downstream: countries.filter((c) => c.downstream).length,
    }),
    [countries],
  );

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/">Overview</Link> <span aria-hidden="true">›</span> <Link to={href.goods()}>Goods</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">{g ? g.good : slug}</span>
      </nav>
      {res.status === 'loading' && <Loading label="Loading the good…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.retry} what={`the good “${slug}”`} />}
      {g && (
        <>
          <header className="page-header">
            <h1>{g.good}</h1>
            <p className="lede">
              {g.sector} · listed for {plural(new Set(countries.map((c) => c.code)).size, 'country', 'countries')}
              {counts.child > 0 && <> · child labour in {counts.child}</>}
              {counts.forced > 0 && <> · forced labour in {counts.forced}</>}
              {counts.downstream > 0 && <> · downstream in {counts.downstream}</>}
            </p>
          </header>
          <section className="block" aria-labelledby="countries-heading">
            <h2 id="countries-heading">Countries listing {g.good.toLowerCase()}</h2>
            {countries.length === 0 ? (
              <Empty>No country lists this good in the loaded edition.</Empty>
            ) : (
              <div className="table-scroll">
                <table className="data-table" data-testid="good-countries">
                  <caption className="visually-hidden">Countries where {g.good} is listed, with the type of exploitation</caption>
                  <thead>
                    <tr>
                      <th scope="col">Country</th>
                      <th scope="col">Listed for</th>
                      <NumTh>Row</NumTh>
                    </tr>
                  </thead>
                  <tbody>
                    {countries.map((c) => (
                      <tr key={`${c.code}-${c.source.row ?? ''}`}>
                        <th scope="row">
                          <Link to={href.country(c.code)}>{c.name}</Link>
                        </th>
                        <td>
                          <ExploitationBadges flags={c} countryName={countryName} />
                        </td>
                        <td className="num small">{c.source.row ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <SourceNote source={g.source} showRow={false} />
          </section>
        </>
      )}
    </div>
  );
}
