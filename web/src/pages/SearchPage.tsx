// Full search results: countries, goods and HS/CPV codes. Selecting a code shows its description, level,
// parent and source.
import { endpoints, type ClassificationHit, type ClassificationResults, type SearchResults } from '../api.ts';
import { useApi, useDocumentTitle } from '../hooks.ts';
import { displayCode, levelName, schemeLabel } from '../lib/classification.ts';
import { plural } from '../lib/format.ts';
import { href, parseSelected, queryString } from '../lib/route.ts';
import { Link, useLocation } from '../router.tsx';
import { SourceNote } from '../components/SourceNote.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';

type SchemeFilter = 'all' | 'hs' | 'cpv';

export function SearchPage() {
  const { search } = useLocation();
  const q = (search.get('q') ?? '').trim();
  const schemeParam = search.get('scheme');
  const scheme: SchemeFilter = schemeParam === 'hs' || schemeParam === 'cpv' ? schemeParam : 'all';
  const selected = parseSelected(search.get('selected'));
  useDocumentTitle(q ? `Search: ${q}` : 'Search');

  const results = useApi<SearchResults>(q ? endpoints.search(q) : null);
  const codes = useApi<ClassificationResults>(q ? endpoints.classifications(q, scheme, 50) : null);

  const linkWith = (next: { scheme?: SchemeFilter; selected?: ClassificationHit | { scheme: string; code: string } | null }) => {
    const s = next.scheme ?? scheme;
    const sel = next.selected === undefined ? (selected ? `${selected.scheme}:${selected.code}` : undefined) : next.selected ? `${next.selected.scheme}:${next.selected.code}` : undefined;
    return `/search${queryString({ q, scheme: s === 'all' ? undefined : s, selected: sel })}`;
  };

  return (
    <div className="page page-search">
      <header className="page-header">
        <h1>{q ? <>Search results for “{q}”</> : 'Search'}</h1>
        {!q && <p className="lede">Type in the search box at the top to find countries, goods and HS or CPV codes.</p>}
      </header>
      {selected && <ClassificationDetail scheme={selected.scheme} code={selected.code} closeTo={linkWith({ selected: null })} linkWith={linkWith} />}
      {q && (
        <div className="search-results">
          <section className="block" aria-labelledby="r-countries">
            <h2 id="r-countries">Countries</h2>
            {results.status === 'loading' && <Loading label="Searching…" />}
            {results.status === 'error' && <ErrorState error={results.error} retry={results.retry} what="search results" />}
            {results.data &&
              (results.data.countries.length ? (
                <ul className="result-list">
                  {results.data.countries.map((c) => (
                    <li key={c.code}>
                      <Link to={href.country(c.code)}>{c.name}</Link> <span className="muted small">{c.code}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <Empty>No country matches.</Empty>
              ))}
          </section>
          <section className="block" aria-labelledby="r-goods">
            <h2 id="r-goods">Goods</h2>
            {results.data &&
              (results.data.goods.length ? (
                <ul className="result-list">
                  {results.data.goods.map((g) => (
                    <li key={g.slug}>
                      <Link to={href.good(g.slug)}>{g.good}</Link> <span className="muted small">{g.sector}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <Empty>No good on the ILAB list matches.</Empty>
              ))}
          </section>
          <section className="block block-wide" aria-labelledby="r-codes">
            <h2 id="r-codes">HS and CPV codes</h2>
            <nav className="tabs" aria-label="Classification">
              {(['all', 'hs', 'cpv'] as const).map((s) => (
                <Link key={s} to={linkWith({ scheme: s })} aria-current={s === scheme ? 'page' : undefined} className="tab">
                  {s === 'all' ? 'Both' : schemeLabel(s)}
                </Link>
              ))}
            </nav>
            {codes.status === 'loading' && <Loading label="Searching the classifications…" />}
            {codes.status === 'error' && <ErrorState error={codes.error} retry={codes.retry} what="classification results" />}
            {codes.data &&
              (codes.data.results.length ? (
                <>
                  <p className="muted small">{plural(codes.data.results.length, 'code')} shown (at most 50). Select a code for its details.</p>
                  <ul className="code-list">
                    {codes.data.results.map((c) => {
                      const isSel = selected?.scheme === c.scheme && selected.code === c.code;
                      return (
                        <li key={`${c.scheme}-${c.code}`} className={isSel ? 'selected' : undefined}>
                          <Link to={linkWith({ selected: c })} aria-current={isSel ? 'true' : undefined} className="code-link">
                            <span className="code">{displayCode(c.scheme, c.code)}</span>
                            <span className="code-desc">{c.description}</span>
                            <span className="code-meta">
                              {schemeLabel(c.scheme)} · {levelName(c.scheme, c.code)}
                            </span>
                          </Link>
                        </li>
                      );
                    })}
                  </ul>
                </>
              ) : (
                <Empty>No HS or CPV code matches.</Empty>
              ))}
          </section>
        </div>
      )}
    </div>
  );
}

function ClassificationDetail({
  scheme,
  code,
  closeTo,
  linkWith,
}: {
  scheme: 'hs' | 'cpv';
  code: string;
  closeTo: string;
  linkWith: (next: { selected: { scheme: string; code: string } }) => string;
}) {
  const res = useApi<ClassificationResults>(endpoints.classifications(code, scheme, 20));
  const hit = res.data?.results.find((r) => r.scheme === scheme && r.code === code);
  return (
    <section className="block detail-panel" aria-labelledby="code-detail-heading" aria-live="polite">
      <div className="detail-head">
        <h2 id="code-detail-heading">
          {schemeLabel(scheme)} {displayCode(scheme, code)}
        </h2>
        <Link to={closeTo} className="close-link">
          Close<span className="visually-hidden"> code details</span>
        </Link>
      </div>
      {res.status === 'loading' && <Loading label="Loading the code…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.retry} what="the code" />}
      {res.data && !hit && <Empty>No {schemeLabel(scheme)} code “{code}” in the loaded edition.</Empty>}
      {hit && (
        <>
          <p className="detail-description">{hit.description}</p>
          <dl className="facts">
            <div>
              <dt>Level</dt>
              <dd>
                {levelName(hit.scheme, hit.code)} <span className="muted">(level {hit.level})</span>
              </dd>
            </div>
            <div>
              <dt>Part of</dt>
              <dd>{hit.parent ? <Link to={linkWith({ selected: { scheme: hit.scheme, code: hit.parent } })}>{displayCode(hit.scheme, hit.parent)}</Link> : 'Top level'}</dd>
            </div>
          </dl>
          <SourceNote source={hit.source} />
        </>
      )}
    </section>
  );
}
