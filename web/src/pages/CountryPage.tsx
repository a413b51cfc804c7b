// One country: tier history (chart and table), Global Slavery Index estimates and ILAB-listed goods, each
// with the dataset, edition, publisher and row it comes from.
import { Suspense, lazy, useMemo } from 'react';
import { endpoints, type CountryProfile } from '../api.ts';
import { useApi, useDocumentTitle } from '../hooks.ts';
import { formatCompact, formatInteger, formatPer1000, plural } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import { NO_PLACEMENT_LABEL, TIERS, isTierCode, tierLabel } from '../lib/tiers.ts';
import { Link } from '../router.tsx';
import { ExploitationBadges, useCountryNames, TierBadge } from '../components/Badges.tsx';
import { SourceNote } from '../components/SourceNote.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { NumTh } from '../components/SortableTh.tsx';

// ECharts is large: load it with the first country page, not with the map.
const TierChart = lazy(() => import('../components/TierChart.tsx').then((m) => ({ default: m.TierChart })));

export function CountryPage({ code }: { code: string }) {
  const res = useApi<CountryProfile>(endpoints.country(code.toUpperCase()));
  const p = res.data;
  useDocumentTitle(p ? p.country.name : res.status === 'error' ? 'Country not found' : 'Country');

  return (
    <div className="page page-country">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/">Overview</Link> <span aria-hidden="true">›</span> <Link to={href.countries()}>Countries</Link>{' '}
        <span aria-hidden="true">›</span> <span aria-current="page">{p ? p.country.name : code.toUpperCase()}</span>
      </nav>
      {res.status === 'loading' && <Loading label="Loading the country profile…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.retry} what={`the country “${code}”`} />}
      {p && <CountryProfileView p={p} />}
    </div>
  );
}

function CountryProfileView({ p }: { p: CountryProfile }) {
  const countryName = useCountryNames();
  const tiers = useMemo(() => [...p.tiers].sort((a, b) => a.year - b.year), [p.tiers]);
  const latest = [...tiers].reverse().find((t) => isTierCode(t.tier));
  const goods = useMemo(() => [...p.goods].sort((a, b) => a.good.localeCompare(b.good)), [p.goods]);
  const c = p.country;
  return (
    <>
      <header className="page-header">
        <h1>{c.name}</h1>
        <p className="codes muted">
          ISO 3166 <abbr title="alpha-2 code">{c.code}</abbr> · <abbr title="alpha-3 code">{c.alpha3}</abbr>
          {c.numeric && (
            <>
              {' '}
              · <abbr title="numeric code">{c.numeric}</abbr>
            </>
          )}
          {c.aliases.length > 0 && <> · also published as {c.aliases.join(', ')}</>}
        </p>
      </header>

      <ul className="summary-strip" aria-label="Summary">
        <li>
          <span className="summary-label">Latest TIP tier</span>
          <span className="summary-value">
            {latest ? (
              <>
                <TierBadge tier={latest.tier} label={tierLabel(latest.tier)} /> <span className="muted">in {latest.year}</span>
                {isTierCode(latest.tier) && <span className="summary-note">{TIERS[latest.tier].meaning}</span>}
              </>
            ) : (
              NO_PLACEMENT_LABEL
            )}
          </span>
        </li>
        <li>
          <span className="summary-label">Modern slavery prevalence</span>
          <span className="summary-value">{p.gsi?.prevalencePer1000 != null ? `${formatPer1000(p.gsi.prevalencePer1000)} per 1,000` : 'No estimate'}</span>
        </li>
        <li>
          <span className="summary-label">Goods on the ILAB list</span>
          <span className="summary-value">{new Set(p.goods.map((g) => g.slug)).size}</span>
        </li>
      </ul>

      <section className="block" aria-labelledby="tiers-heading">
        <h2 id="tiers-heading">Trafficking in Persons Report tiers</h2>
        <p className="block-intro">
          The US State Department places each government in a tier by its efforts to meet the minimum standards for eliminating trafficking.
          A tier rates government effort, not the amount of trafficking.
        </p>
        {tiers.length === 0 ? (
          <Empty>No TIP Report edition is loaded.</Empty>
        ) : (
          <div className="tier-history">
            <Suspense fallback={<div className="tier-chart">
                  <Loading label="Drawing the chart…" />
                </div>}>
              <TierChart points={tiers} countryName={c.name} />
            </Suspense>
            <div className="table-scroll">
              <table className="data-table compact" data-testid="tier-table">
                <caption className="visually-hidden">TIP tier placements of {c.name} by report year</caption>
                <thead>
                  <tr>
                    <th scope="col">Year</th>
                    <th scope="col">Placement</th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {[...tiers].reverse().map((t) => (
                    <tr key={t.year} className={t.tier ? undefined : 'no-placement'}>
                      <th scope="row">{t.year}</th>
                      <td>
                        <TierBadge tier={t.tier} label={tierLabel(t.tier)} />
                        {t.nameAsPublished && t.nameAsPublished !== c.name && <span className="as-published">as “{t.nameAsPublished}”</span>}
                      </td>
                      <td className="small nowrap">
                        {t.source ? (
                          <>
                            Edition {t.source.edition}
                            {t.source.row !== undefined && <> · row {t.source.row}</>}
                          </>
                        ) : (
                          <span className="muted">Not in the edition</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
        <SourceNote source={p.sources.tip} showRow={false} />
        {tiers.some((t) => t.tier === null) && (
          <p className="muted small">
            “{NO_PLACEMENT_LABEL}” means the loaded edition holds no placement for that year; Vigil never fills such gaps in.
          </p>
        )}
      </section>

      <section className="block" aria-labelledby="gsi-heading">
        <h2 id="gsi-heading">Global Slavery Index estimates</h2>
        {p.gsi ? (
          <>
            <dl className="facts">
              <div>
                <dt>Prevalence</dt>
                <dd>
                  {p.gsi.prevalencePer1000 != null ? (
                    <>
                      <span className="fact-value">{formatPer1000(p.gsi.prevalencePer1000)}</span> per 1,000 people
                    </>
                  ) : (
                    'No estimate'
                  )}
                </dd>
              </div>
              <div>
                <dt>Estimated people in modern slavery</dt>
                <dd>
                  {p.gsi.estimatedNumber != null ? (
                    <>
                      <span className="fact-value">{formatInteger(p.gsi.estimatedNumber)}</span>
                    </>
                  ) : (
                    'No estimate'
                  )}
                </dd>
              </div>
              <div>
                <dt>Population</dt>
                <dd>{p.gsi.population != null ? <span className="fact-value">{formatCompact(p.gsi.population)}</span> : 'Not given'}</dd>
              </div>
              <div>
                <dt>Region</dt>
                <dd>{p.gsi.region ?? 'Not given'}</dd>
              </div>
            </dl>
            <SourceNote source={p.gsi.source} />
          </>
        ) : (
          <>
            <Empty>The Global Slavery Index gives no estimate for {c.name}.</Empty>
            <SourceNote source={p.sources.gsi} showRow={false} />
          </>
        )}
      </section>

      <section className="block" aria-labelledby="goods-heading">
        <h2 id="goods-heading">Goods on the ILAB list</h2>
        <p className="block-intro">
          Goods the US Department of Labor has reason to believe are produced with child labour or forced labour in {c.name}.
        </p>
        {goods.length === 0 ? (
          <Empty>No goods from {c.name} are on the list. The list is not exhaustive, so this is not evidence of no risk.</Empty>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="goods-table">
              <caption className="visually-hidden">
                {plural(goods.length, 'good')} from {c.name} on the ILAB list
              </caption>
              <thead>
                <tr>
                  <th scope="col">Good</th>
                  <th scope="col" className="hide-narrow">Sector</th>
                  <th scope="col">Listed for</th>
                  <NumTh>Row</NumTh>
                </tr>
              </thead>
              <tbody>
                {goods.map((g) => (
                  <tr key={`${g.slug}-${g.source.row ?? ''}`}>
                    <th scope="row">
                      <Link to={href.good(g.slug)}>{g.good}</Link>
                    </th>
                    <td className="hide-narrow">{g.sector}</td>
                    <td>
                      <ExploitationBadges flags={g} countryName={countryName} />
                    </td>
                    <td className="num small">{g.source.row ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <SourceNote source={goods[0]?.source ?? p.sources.ilab} showRow={false} />
      </section>
    </>
  );
}
