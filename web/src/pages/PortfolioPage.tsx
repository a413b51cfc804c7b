// The supplier portfolio at a glance: headline figures, suppliers and spend per risk level, a world map of
// spend × risk, the hotspots (good × country) behind the risk, the top of the worklist and the editions the
// assessment used. Without suppliers it leads to the import.
import { Suspense, lazy, useCallback, useMemo } from 'react';
import { endpoints, type CountryList, type CountrySummary } from '../api.ts';
import { useApi, useDocumentTitle } from '../hooks.ts';
import { can } from '../lib/access.ts';
import { formatCompact, formatDate, formatInteger, plural } from '../lib/format.ts';
import {
  MAX_BUBBLE,
  NO_SUPPLIERS,
  classifyPortfolioCountry,
  countByLevel,
  formatSpend,
  levelBars,
  levelRows,
  mapLegendClasses,
  spendAtRisk,
  spendBubbles,
  suppliersAtRisk,
  type Portfolio,
  type PortfolioCountry,
} from '../lib/portfolio.ts';
import { LEVELS, formatShare, headlineEditions, signalKindLabel, sourceHref } from '../lib/risk.ts';
import { href, queryString } from '../lib/route.ts';
import { Link, navigate } from '../router.tsx';
import { useLive, useSession } from '../session.tsx';
import { EditionLinks, InherentRiskNote, LevelBadge } from '../components/Risk.tsx';
import { Legend } from '../components/Legend.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { WorldMap } from '../components/WorldMap.tsx';
import { NumTh } from '../components/SortableTh.tsx';

// ECharts is large: load it with the overview, not with the app.
const LevelChart = lazy(() => import('../components/LevelChart.tsx').then((m) => ({ default: m.LevelChart })));

export function PortfolioPage() {
  useDocumentTitle('Portfolio');
  const { session } = useSession();
  const res = useLive<Portfolio>(endpoints.portfolio());
  const p = res.data;
  return (
    <div className="page page-portfolio">
      <header className="page-header">
        <p className="eyebrow">{session?.organisation?.name}</p>
        <h1>Supplier portfolio</h1>
        {p && p.suppliers > 0 && (
          <p className="lede">
            Trafficking and forced-labour risk of {plural(p.suppliers, 'supplier')} across {plural(p.lines, 'line')}
            {p.assessedAt && <>, assessed on {formatDate(p.assessedAt)}</>} with {headlineEditions(p.editions) || 'the active editions'}.
          </p>
        )}
        {p && p.suppliers > 0 && (
          <p className="report-links">
            Board report: <a href={endpoints.reportHtml()} target="_blank" rel="noopener">open as a web page</a> ·{' '}
            <a href={endpoints.reportPdf()} download>
              download the PDF
            </a>
          </p>
        )}
      </header>
      {res.status === 'loading' && <Loading label="Loading the portfolio…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.reload} what="the portfolio" />}
      {p && (p.suppliers === 0 ? <NoSuppliers /> : <Overview p={p} />)}
    </div>
  );
}

function NoSuppliers() {
  const { session } = useSession();
  return (
    <section className="block empty-portfolio" aria-labelledby="empty-heading" data-testid="portfolio-empty">
      <h2 id="empty-heading">No suppliers yet</h2>
      <p>
        Vigil assesses your suppliers once it has them: import a CSV or Excel file of suppliers or spend (one line per supplier, site or
        purchase), and each line’s goods and country are matched against the public data on forced and child labour.
      </p>
      {can(session, 'suppliers.import') ? (
        <Link to={href.imports()} className="button">
          Import a supplier file
        </Link>
      ) : (
        <p className="muted">Your role cannot import files; ask a compliance manager, procurement officer or analyst to import one.</p>
      )}
    </section>
  );
}

function Overview({ p }: { p: Portfolio }) {
  const money = spendAtRisk(p);
  const atRisk = suppliersAtRisk(p.levels);
  const levels = levelRows(p.levels);
  const supplierBars = useMemo(() => levelBars(p.levels, 'suppliers'), [p.levels]);
  const spendBars = useMemo(() => levelBars(p.levels, 'spend'), [p.levels]);
  const formatCount = useCallback((n: number) => formatInteger(n), []);
  const formatMoney = useCallback((n: number) => formatSpend(n, p.currency), [p.currency]);
  return (
    <>
      <InherentRiskNote />
      <section aria-labelledby="figures-heading" className="figures-section">
        <h2 id="figures-heading" className="visually-hidden">
          Headline figures
        </h2>
        <ul className="figures" data-testid="portfolio-figures">
          <li className="figure">
            <span className="figure-value">{formatInteger(p.suppliers)}</span>
            <span className="figure-label">
              suppliers, {formatInteger(atRisk)} of them at high or severe risk on at least one line
            </span>
            <Link to={`${href.suppliers()}${queryString({ level: 'high,severe' })}`}>See them</Link>
          </li>
          <li className="figure">
            <span className="figure-value">{money ? formatShare(money.share) : '—'}</span>
            <span className="figure-label">
              {money
                ? `of spend (${formatSpend(money.atRisk, money.currency)} of ${formatSpend(money.spend, money.currency)}) is on high- or severe-risk lines`
                : 'No spend in the imported files: add a spend column to weigh risk by money'}
            </span>
          </li>
          <li className="figure">
            <span className="figure-value">{formatInteger(p.countries.length)}</span>
            <span className="figure-label">countries of supply</span>
            <a href="#map-heading">See the map</a>
          </li>
          {p.hardSignals > 0 && (
            <li className="figure figure-hard">
              <span className="figure-value">{formatInteger(p.hardSignals)}</span>
              <span className="figure-label">possible entity-list matches, awaiting confirmation (kept apart from the scores)</span>
            </li>
          )}
        </ul>
      </section>

      <div className="two-columns">
        <section className="block" aria-labelledby="distribution-heading">
          <h2 id="distribution-heading">Risk distribution</h2>
          <p className="block-intro small">Suppliers by the highest level of any of their lines.</p>
          <Suspense fallback={<Loading label="Drawing the chart…" />}>
            <LevelChart bars={supplierBars} format={formatCount} axisName="Suppliers" title="Suppliers per risk level" testId="distribution-chart" />
          </Suspense>
          <table className="data-table compact level-table" data-testid="level-table">
            <caption className="visually-hidden">Suppliers, lines and spend per risk level</caption>
            <thead>
              <tr>
                <th scope="col">Level</th>
                <NumTh>Suppliers</NumTh>
                <NumTh>Lines</NumTh>
              </tr>
            </thead>
            <tbody>
              {[...levels].reverse().map((l) => (
                <tr key={l.level} data-level={l.level}>
                  <th scope="row">
                    <Link to={`${href.suppliers()}${queryString({ level: l.level })}`}>
                      <LevelBadge level={l.level} />
                      <span className="visually-hidden"> risk: see these suppliers</span>
                    </Link>
                  </th>
                  <td className="num">{formatInteger(l.suppliers)}</td>
                  <td className="num">{formatInteger(l.lines)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="block" aria-labelledby="spend-heading">
          <h2 id="spend-heading">Spend at risk by level</h2>
          <p className="block-intro small">
            Spend on each level’s lines{p.currency ? `, in ${p.currency}` : ''}. High and severe together are the spend at risk.
          </p>
          <Suspense fallback={<Loading label="Drawing the chart…" />}>
            <LevelChart bars={spendBars} format={formatMoney} short={formatCompact} axisName={p.currency ? `Spend (${p.currency})` : 'Spend'} title="Spend per risk level" testId="spend-chart" />
          </Suspense>
          {p.spendByCurrency.length > 1 && (
            <>
              <p className="small muted">The files hold amounts in {p.spendByCurrency.length} currencies. Vigil does not convert them: each is shown apart.</p>
              <table className="data-table compact">
                <caption className="visually-hidden">Spend and spend at risk by currency</caption>
                <thead>
                  <tr>
                    <th scope="col">Currency</th>
                    <NumTh>Spend</NumTh>
                    <NumTh>At risk</NumTh>
                  </tr>
                </thead>
                <tbody>
                  {p.spendByCurrency.map((c) => (
                    <tr key={c.currency}>
                      <th scope="row">{c.currency}</th>
                      <td className="num nowrap">{formatSpend(c.spend, null)}</td>
                      <td className="num nowrap">
                        {formatSpend(c.spendAtRisk, null)} ({formatShare(c.spend > 0 ? c.spendAtRisk / c.spend : null)})
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      </div>

      <PortfolioMap countries={p.countries} currency={p.currency} />
      <Hotspots p={p} />
      <Worklist p={p} />

      <section className="block" aria-labelledby="editions-heading">
        <h2 id="editions-heading">Editions used</h2>
        <p data-testid="portfolio-editions">
          <EditionLinks editions={p.editions} />
        </p>
        <p className="small muted">
          Every score records the editions it was computed from; a newer edition loaded later shows here once the portfolio is reassessed. See the{' '}
          <Link to={href.sources()}>Sources page</Link> for each dataset’s publisher, licence and caveats.
        </p>
      </section>
    </>
  );
}

function PortfolioMap({ countries, currency }: { countries: PortfolioCountry[]; currency: string | null }) {
  const list = useApi<CountryList>(endpoints.countries());
  const byCode = useMemo(() => new Map(countries.map((c) => [c.countryCode, c])), [countries]);
  const classify = useCallback((c: CountrySummary) => classifyPortfolioCountry(byCode.get(c.code), currency), [byCode, currency]);
  const bubbles = useMemo(() => spendBubbles(countries), [countries]);
  const counts = useMemo(
    () => ({ ...countByLevel(countries), [NO_SUPPLIERS]: (list.data?.countries ?? []).filter((c) => !byCode.has(c.code)).length }),
    [countries, list.data, byCode],
  );
  const ranked = useMemo(() => [...countries].sort((a, b) => LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level) || b.spend - a.spend), [countries]);
  return (
    <section className="map-panel" aria-labelledby="map-heading" data-testid="portfolio-map">
      <h2 id="map-heading">Where the spend and the risk are</h2>
      {list.status === 'loading' && <Loading label="Loading the map…" />}
      {list.status === 'error' && <ErrorState error={list.error} retry={list.retry} what="the country outlines" />}
      {list.data && (
        <div className="map-layout">
          <WorldMap
            countries={list.data.countries}
            classify={classify}
            bubbles={bubbles}
            onOpen={(code) => navigate(`${href.suppliers()}${queryString({ country: code })}`)}
            label="World map of the portfolio: each country coloured by the worst risk level of its lines, with a circle sized by spend. Each country is a link to its suppliers."
          />
          <Legend kind="portfolio" classes={mapLegendClasses()} title="Worst risk level of the country’s lines" counts={counts}>
            <div className="bubble-note">
              <svg width="46" height="46" viewBox="0 0 46 46" aria-hidden="true">
                <circle className="bubble-sample" cx="23" cy="23" r={MAX_BUBBLE} />
                <circle className="bubble-sample" cx="23" cy="34" r="8" />
              </svg>
              <span>Circle area: spend in the country{currency ? ` (${currency})` : ''}</span>
            </div>
          </Legend>
        </div>
      )}
      <div className="map-notes">
        <p className="measures">
          <strong>What this shows.</strong> A country takes the level of its riskiest line; the circle grows with the spend there. Select a country
          for its suppliers.
        </p>
        <details>
          <summary>The map as a table</summary>
          <div className="table-scroll">
            <table className="data-table compact" data-testid="country-table">
              <caption className="visually-hidden">Countries of supply with their worst risk level, suppliers and spend</caption>
              <thead>
                <tr>
                  <th scope="col">Country</th>
                  <th scope="col">Worst level</th>
                  <NumTh>Suppliers</NumTh>
                  <NumTh>Spend</NumTh>
                </tr>
              </thead>
              <tbody>
                {ranked.map((c) => (
                  <tr key={c.countryCode}>
                    <th scope="row">
                      <Link to={href.country(c.countryCode)}>{c.countryName}</Link>
                    </th>
                    <td>
                      <LevelBadge level={c.level} score={c.maxScore} />
                    </td>
                    <td className="num">
                      <Link to={`${href.suppliers()}${queryString({ country: c.countryCode })}`}>{formatInteger(c.suppliers)}</Link>
                    </td>
                    <td className="num nowrap">{formatSpend(c.spend, currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </div>
    </section>
  );
}

function Hotspots({ p }: { p: Portfolio }) {
  return (
    <section className="block" aria-labelledby="hotspots-heading">
      <h2 id="hotspots-heading">Top hotspots</h2>
      <p className="block-intro small">
        Goods bought from countries where the public data points to forced or child labour, and exposed sectors, in order of priority.
      </p>
      {p.hotspots.length === 0 ? (
        <Empty>No line matches a good and country on the ILAB list.</Empty>
      ) : (
        <div className="table-scroll">
          <table className="data-table stack-table two-up" data-testid="hotspots">
            <caption className="visually-hidden">Good and country pairs with the highest risk in the portfolio</caption>
            <thead>
              <tr>
                <th scope="col">Good</th>
                <th scope="col">Country</th>
                <th scope="col">Level</th>
                <th scope="col">Listed for</th>
                <NumTh>Suppliers</NumTh>
                <NumTh>Spend</NumTh>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {p.hotspots.map((h) => (
                <tr key={`${h.slug ?? h.sector}-${h.countryCode}`}>
                  <th scope="row">
                    {h.slug ? <Link to={href.good(h.slug)}>{h.good}</Link> : h.good}
                    {h.sector && <span className="row-note">Sector, not a listed good</span>}
                  </th>
                  <td data-label="Country">{h.countryCode ? <Link to={href.country(h.countryCode)}>{h.countryName ?? h.countryCode}</Link> : <span className="muted">Not given</span>}</td>
                  <td data-label="Level">
                    <LevelBadge level={h.level} score={h.score} />
                  </td>
                  <td className="small" data-label="Listed for">{h.kinds.map(signalKindLabel).join(', ')}</td>
                  <td className="num" data-label="Suppliers">{formatInteger(h.suppliers)}</td>
                  <td className="num nowrap" data-label="Spend">{formatSpend(h.spend, p.currency)}</td>
                  <td className="small nowrap" data-label="Source">
                    {h.row !== null && h.edition !== null ? (
                      <>
                        <Link to={sourceHref('ilab-tvpra')}>ILAB {h.edition}</Link>, row {h.row}
                      </>
                    ) : (
                      <span className="muted">{h.sector ? 'Vigil sector rules' : 'Not listed for this country'}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Worklist({ p }: { p: Portfolio }) {
  return (
    <section className="block" aria-labelledby="worklist-heading">
      <div className="block-head">
        <h2 id="worklist-heading">Start here: top of the worklist</h2>
        <Link to={href.suppliers()}>All suppliers by priority</Link>
      </div>
      <p className="block-intro small">Suppliers ranked by priority: the severity and likelihood of the risk, weighed by your share of spend with them.</p>
      {p.worklist.length === 0 ? (
        <Empty>Nothing to prioritise yet.</Empty>
      ) : (
        <ol className="worklist" data-testid="worklist">
          {p.worklist.map((w) => (
            <li key={w.supplierId}>
              <div className="worklist-head">
                <Link to={href.supplier(w.supplierId)} className="worklist-name">
                  {w.name}
                </Link>
                <LevelBadge level={w.level} score={w.score} />
                <span className="small muted">{formatShare(w.spendShare)} of spend</span>
              </div>
              <p className="small">{w.why}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
