// One supplier: who it is (names, identifiers, sites, relationships), its risk, and for every line the
// goods Vigil read in it (with why and how sure) and each signal behind the score, down to dataset, edition
// and row. Hard signals are shown apart and never as confirmed until they are.
import { endpoints } from '../api.ts';
import type { CodeResolution } from '../../../src/classify/index.ts';
import type { Signal } from '../../../src/risk/types.ts';
import { useDocumentTitle } from '../hooks.ts';
import { formatDate, formatInteger } from '../lib/format.ts';
import { FIELD_INFO } from '../lib/imports.ts';
import { formatSpend, type SupplierDetail, type SupplierLineView } from '../lib/portfolio.ts';
import { datasetShort, formatFactor, formatPriority, formatShare, hardSignalStatus, signalKindLabel, signalSource, sourceHref } from '../lib/risk.ts';
import { href } from '../lib/route.ts';
import { Link } from '../router.tsx';
import { useLive } from '../session.tsx';
import { useCountryNames } from '../components/Badges.tsx';
import { ContributionBar, EditionLinks, InherentRiskNote, LevelBadge, useSourceDatasets } from '../components/Risk.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { ListHits, Owners } from '../components/SupplierScreening.tsx';

export function SupplierPage({ id }: { id: string }) {
  const res = useLive<SupplierDetail>(endpoints.supplier(id));
  const d = res.data;
  useDocumentTitle(d ? d.supplier.name : res.status === 'error' ? 'Supplier not found' : 'Supplier');
  return (
    <div className="page page-supplier">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to={href.portfolio()}>Portfolio</Link> <span aria-hidden="true">›</span> <Link to={href.suppliers()}>Suppliers</Link>{' '}
        <span aria-hidden="true">›</span> <span aria-current="page">{d ? d.supplier.name : `Supplier ${id}`}</span>
      </nav>
      {res.status === 'loading' && <Loading label="Loading the supplier…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.reload} what={`supplier ${id}`} />}
      {d && <SupplierView d={d} reload={res.reload} />}
    </div>
  );
}

function SupplierView({ d, reload }: { d: SupplierDetail; reload: () => void }) {
  const countryName = useCountryNames();
  const { supplier, risk } = d;
  const hard = d.lines.flatMap((l) => l.risk.hard.map((s) => ({ line: l, signal: s })));
  return (
    <>
      <header className="page-header">
        <h1>{supplier.name}</h1>
        {supplier.aliases.length > 0 && <p className="codes muted">Also known as {supplier.aliases.join(', ')}</p>}
        {supplier.identifiers.length > 0 && (
          <dl className="identifiers">
            {supplier.identifiers.map((i) => (
              <div key={`${i.scheme}-${i.value}`}>
                <dt>{FIELD_INFO[i.scheme].label}</dt>
                <dd>
                  <code>{i.value}</code>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </header>

      <ul className="summary-strip compact-strip" aria-label="Risk summary" data-testid="supplier-risk">
        <li>
          <span className="summary-label">Inherent risk</span>
          <span className="summary-value">
            <LevelBadge level={risk.level} />
            <span className="summary-note">Score {risk.score} of 100, from the riskiest line</span>
          </span>
        </li>
        <li>
          <span className="summary-label">Priority</span>
          <span className="summary-value">{formatPriority(risk.priority)}</span>
          <span className="summary-note">Severity × likelihood, weighed by spend</span>
        </li>
        <li>
          <span className="summary-label">Severity</span>
          <span className="summary-value">{formatFactor(risk.severity)}</span>
          <span className="summary-note">How grave the abuse the signals point to</span>
        </li>
        <li>
          <span className="summary-label">Likelihood</span>
          <span className="summary-value">{formatFactor(risk.likelihood)}</span>
          <span className="summary-note">How strongly the public data points to it</span>
        </li>
        <li>
          <span className="summary-label">Share of your spend</span>
          <span className="summary-value">{formatShare(risk.spendShare)}</span>
        </li>
      </ul>

      <InherentRiskNote />

      <ListHits hits={d.listHits} />

      {hard.length > 0 && (
        <section className="block hard-signals" aria-labelledby="hard-heading" data-testid="hard-signals">
          <h2 id="hard-heading">Entity-list matches, kept apart from the score</h2>
          <ul>
            {hard.map(({ line, signal }) => (
              <li key={`${line.id}-${signal.key}`}>
                <strong className="hard-status">{hardSignalStatus(signal)}</strong> — {signal.explanation}{' '}
                <span className="muted small">
                  ({signalSource(signal)}; line {line.row})
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="lines-heading">
        <h2 id="lines-heading">Lines and their explanation</h2>
        {d.lines.length === 0 ? (
          <Empty>This supplier has no lines.</Empty>
        ) : (
          d.lines.map((l) => <LineCard key={l.id} line={l} countryName={countryName} />)
        )}
      </section>

      <div className="two-columns">
        <section className="block" aria-labelledby="sites-heading">
          <h2 id="sites-heading">Sites</h2>
          {d.sites.length === 0 ? (
            <Empty>No site recorded.</Empty>
          ) : (
            <ul className="plain-list">
              {d.sites.map((s) => (
                <li key={s.id}>
                  {s.name ? <strong>{s.name}</strong> : <span className="muted">Site without a name</span>}
                  {' · '}
                  {s.countryCode ? (
                    <Link to={href.country(s.countryCode)}>{s.countryName ?? countryName(s.countryCode) ?? s.countryCode}</Link>
                  ) : (
                    <span className="muted">country not known</span>
                  )}
                  {s.region && <> · {s.region}</>}
                  {s.address && <span className="row-note">{s.address}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="block" aria-labelledby="relations-heading">
          <h2 id="relations-heading">Relationships</h2>
          {d.relationships.length === 0 ? (
            <Empty>No supplier relationship recorded.</Empty>
          ) : (
            <ul className="plain-list">
              {d.relationships.map((r) => (
                <li key={`${r.direction}-${r.supplierId}`}>
                  {r.direction === 'supplies' ? 'Supplies ' : 'Supplied by '}
                  <Link to={href.supplier(r.supplierId)}>{r.name}</Link>
                  {r.tier !== null && <span className="muted"> (tier {r.tier})</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <Owners supplierId={supplier.id} owners={d.owners} onChange={reload} />
      <p className="small muted">In Vigil since {formatDate(supplier.createdAt)}.</p>
    </>
  );
}

function LineCard({ line, countryName }: { line: SupplierLineView; countryName: (code: string) => string | undefined }) {
  const c = line.classification;
  const r = line.risk;
  const country = line.countryCode;
  return (
    <article className="block line-card" aria-labelledby={`line-${line.id}`} data-testid="supplier-line">
      <header className="line-head">
        <h3 id={`line-${line.id}`}>
          <span className="muted">Line {line.row}:</span> {line.description ?? <em>no description</em>}
        </h3>
        <LevelBadge level={r.level} score={r.score} />
      </header>
      <p className="line-meta small">
        {country ? <Link to={href.country(country)}>{countryName(country) ?? country}</Link> : <span className="muted">No country</span>}
        {line.spend !== null && <> · {formatSpend(line.spend, line.currency)}</>}
        {line.period && <> · {line.period}</>}
        {line.tier !== null && <> · tier {line.tier}</>}
        {' · '}
        <Link to={href.importDetail(line.importId)}>from import {String(line.importId)}, row {formatInteger(line.row)}</Link>
      </p>

      <div className="line-grid">
        <div>
          <h4>What Vigil read in the line</h4>
          {line.goods.length === 0 ? (
            <p className="muted small">{c.reason || 'No listed good recognised.'}</p>
          ) : (
            <ul className="plain-list goods-matched">
              {line.goods.map((g) => (
                <li key={g.slug}>
                  <Link to={href.good(g.slug)}>{g.good}</Link> <span className="muted small">({formatShare(g.confidence)} sure)</span>
                  <span className="row-note">{g.reason}</span>
                </li>
              ))}
            </ul>
          )}
          <CodeLine label="HS code" code={c.hs} />
          <CodeLine label="CPV code" code={c.cpv} />
          {c.unspsc && (
            <p className="small">
              UNSPSC <code>{c.unspsc.code}</code>: <span className="muted">{c.unspsc.reason}</span>
            </p>
          )}
          {c.notes.length > 0 && (
            <ul className="small muted notes">
              {c.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h4>Why this level</h4>
          <p className="small">{r.summary}</p>
          <p className="small muted">
            Computed with <EditionLinks editions={r.editions} only={['ilab-tvpra', 'tip-tiers', 'gsi']} />.
          </p>
        </div>
      </div>

      <Signals signals={r.signals} />
    </article>
  );
}

function CodeLine({ label, code }: { label: string; code: CodeResolution | null }) {
  if (!code) return null;
  return (
    <div className="small code-resolution">
      <p>
        {label} <code>{code.input}</code>
        {code.error ? (
          <span className="field-error"> — {code.error}</span>
        ) : (
          <>
            {code.code !== null && code.code !== code.input && (
              <>
                {' '}
                read as <code>{code.code}</code>
              </>
            )}
            : {code.description ?? '—'}{' '}
            <span className="muted">
              ({code.levelName}, {code.system.toUpperCase()} {code.edition}
              {code.row !== null && <>, row {code.row}</>})
            </span>
          </>
        )}
      </p>
      {code.notes.length > 0 && (
        <ul className="muted notes">
          {code.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Signals({ signals }: { signals: readonly Signal[] }) {
  const sources = useSourceDatasets();
  if (signals.length === 0) return <p className="muted small">No signal: nothing in the public data points to forced or child labour for this line.</p>;
  const largest = Math.max(...signals.map((s) => s.contribution));
  return (
    <>
      <h4 className="signals-heading">Signals behind the score, largest first</h4>
      <ol className="signal-list" data-testid="signals">
        {signals.map((s) => (
          <li key={`${s.kind}-${s.key}`} data-kind={s.kind}>
            <div className="signal-head">
              <strong className="signal-kind">{signalKindLabel(s.kind)}</strong>
              <ContributionBar points={s.contribution} largest={largest} />
              <span className="signal-source small" data-testid="signal-source">
                {sources.has(s.dataset) ? <Link to={sourceHref(s.dataset)}>{datasetShort(s.dataset)}</Link> : datasetShort(s.dataset)} edition {s.edition}
                {s.row !== null ? <>, row {s.row}</> : <span className="muted">, no row</span>}
              </span>
            </div>
            <p className="signal-explanation small">{s.explanation}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
