// Overview: the world map of one indicator, its legend and source, and a few headline figures.
import { useCallback, useMemo } from 'react';
import { endpoints, type CountryList, type GoodList } from '../api.ts';
import { useApi, useDocumentTitle } from '../hooks.ts';
import { INDICATORS, classifyCountry, countByClass, indicatorInfo, isIndicatorId, legendClasses, type IndicatorId, type MapCountry } from '../lib/indicators.ts';
import { formatInteger } from '../lib/format.ts';
import { href, queryString } from '../lib/route.ts';
import { countTiers } from '../lib/tiers.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { Legend } from '../components/Legend.tsx';
import { SourceNote } from '../components/SourceNote.tsx';
import { ErrorState, Loading } from '../components/States.tsx';
import { WorldMap } from '../components/WorldMap.tsx';

export function HomePage() {
  useDocumentTitle('Overview');
  const countries = useApi<CountryList>(endpoints.countries());
  const goods = useApi<GoodList>(endpoints.goods());
  const { search } = useLocation();

  const data = countries.data;
  const years = data?.tipYears ?? [];
  const latestYear = years.length ? Math.max(...years) : null;
  const indicatorParam = search.get('indicator');
  const indicator: IndicatorId = isIndicatorId(indicatorParam) ? indicatorParam : 'tip';
  const yearParam = Number(search.get('year'));
  const year = years.includes(yearParam) ? yearParam : (latestYear ?? 0);

  const setView = (next: { indicator?: IndicatorId; year?: number }) => {
    const i = next.indicator ?? indicator;
    const y = next.year ?? year;
    navigate(`/${queryString({ indicator: i === 'tip' ? undefined : i, year: i === 'tip' && y !== latestYear ? y : undefined })}`, { replace: true });
  };

  const counts = useMemo(() => (data ? countByClass(data.countries, indicator, year) : {}), [data, indicator, year]);
  const classify = useCallback((c: MapCountry) => classifyCountry(c, indicator, year), [indicator, year]);
  const info = indicatorInfo(indicator);
  const source = data ? data.sources[info.source] : null;

  const headline = useMemo(() => {
    if (!data) return null;
    const withGoods = data.countries.filter((c) => c.ilabGoods > 0).length;
    const tier3 = latestYear !== null ? countTiers(data.countries, latestYear)['3'] : null;
    const withGsi = data.countries.filter((c) => c.gsi?.prevalencePer1000 !== null && c.gsi?.prevalencePer1000 !== undefined).length;
    return { withGoods, tier3, withGsi };
  }, [data, latestYear]);

  return (
    <div className="page page-home">
      <header className="page-header">
        <h1>Trafficking and forced-labour risk, country by country</h1>
        <p className="lede">
          Public reference data that Vigil uses to explain risk: government efforts against trafficking, estimates of modern slavery,
          and goods produced with child or forced labour. Every figure links to its source.
        </p>
      </header>

      {countries.status === 'loading' && <Loading label="Loading country data…" />}
      {countries.status === 'error' && <ErrorState error={countries.error} retry={countries.retry} what="country data" />}
      {data && (
        <>
          <section className="map-panel" aria-labelledby="map-heading">
            <div className="map-controls">
              <h2 id="map-heading" className="visually-hidden">
                World map
              </h2>
              <fieldset className="segmented">
                <legend className="visually-hidden">Indicator shown on the map</legend>
                {INDICATORS.map((ind) => (
                  <label key={ind.id} className={ind.id === indicator ? 'checked' : undefined}>
                    <input type="radio" name="indicator" value={ind.id} checked={ind.id === indicator} onChange={() => setView({ indicator: ind.id })} />
                    {ind.label}
                  </label>
                ))}
              </fieldset>
              {indicator === 'tip' && years.length > 0 && (
                <label className="year-select">
                  Report year{' '}
                  <select value={year} onChange={(e) => setView({ year: Number(e.target.value) })}>
                    {[...years]
                      .sort((a, b) => b - a)
                      .map((y) => (
                        <option key={y} value={y}>
                          {y}
                        </option>
                      ))}
                  </select>
                </label>
              )}
              <Link to={href.countries()} className="map-table-link">
                View as a table
              </Link>
            </div>
            <div className="map-layout">
              <WorldMap
                countries={data.countries}
                classify={classify}
                onOpen={(code) => navigate(href.country(code))}
                label={`World map of ${info.label.toLowerCase()}${indicator === 'tip' ? ` in ${year}` : ''}. Each country is a link to its page.`}
              />
              <Legend kind={indicator} classes={legendClasses(indicator)} title={indicator === 'tip' ? `${info.legendTitle}, ${year}` : info.legendTitle} counts={counts} />
            </div>
            <div className="map-notes">
              <p className="measures">
                <strong>What this shows.</strong> {info.measures}
                {indicator === 'tip' && (
                  <>
                    {' '}
                    The loaded edition records a placement for {formatInteger(data.countries.length - (counts.none ?? 0))} countries and territories in{' '}
                    {year}; the others are hatched, never guessed.
                  </>
                )}
              </p>
              <SourceNote source={source} showRow={false} />
            </div>
          </section>

          {headline && (
            <section aria-labelledby="figures-heading" className="figures-section">
              <h2 id="figures-heading">At a glance</h2>
              <ul className="figures">
                <li className="figure">
                  <span className="figure-value">{goods.data ? formatInteger(goods.data.goods.filter((g) => g.childLabor + g.forcedLabor > 0).length) : '…'}</span>
                  <span className="figure-label">
                    goods on the ILAB list of goods produced by child or forced labour
                    {goods.data ? `, plus ${formatInteger(goods.data.goods.filter((g) => g.childLabor + g.forcedLabor === 0).length)} downstream goods made from them` : ''}
                  </span>
                  <Link to={href.goods()}>Browse the goods</Link>
                </li>
                <li className="figure">
                  <span className="figure-value">{formatInteger(headline.withGoods)}</span>
                  <span className="figure-label">countries with at least one listed good</span>
                  <Link to={`/${queryString({ indicator: 'ilab' })}`}>Show on the map</Link>
                </li>
                {latestYear !== null && (
                  <li className="figure">
                    <span className="figure-value">{formatInteger(headline.tier3)}</span>
                    <span className="figure-label">countries placed on Tier 3 in the {latestYear} TIP Report</span>
                    <Link to={href.countries()}>See all countries</Link>
                  </li>
                )}
                <li className="figure">
                  <span className="figure-value">{formatInteger(headline.withGsi)}</span>
                  <span className="figure-label">countries with a Global Slavery Index prevalence estimate</span>
                  <Link to={`/${queryString({ indicator: 'gsi' })}`}>Show on the map</Link>
                </li>
              </ul>
              <p className="muted">
                Where do these numbers come from? The <Link to={href.sources()}>Sources page</Link> lists every dataset and edition with its
                publisher, licence, checksum and caveats.
              </p>
            </section>
          )}
        </>
      )}
    </div>
  );
}
