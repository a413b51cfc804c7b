// Every dataset and edition with its full provenance: where each number in Vigil comes from.
import { endpoints, type Dataset, type DatasetList, type Edition } from '../api.ts';
import { useApi, useDocumentTitle } from '../hooks.ts';
import { formatDate, formatInteger, humaniseKey, splitChecksum } from '../lib/format.ts';
import { Link } from '../router.tsx';
import { ErrorState, Loading } from '../components/States.tsx';
import { useEffect } from 'react';

export function SourcesPage() {
  useDocumentTitle('Sources');
  const res = useApi<DatasetList>(endpoints.datasets());

  // Links such as /sources#dataset-gsi scroll to their dataset once it has loaded.
  useEffect(() => {
    if (res.status !== 'ready' || !window.location.hash) return;
    document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView();
  }, [res.status]);

  return (
    <div className="page page-sources">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/">Overview</Link> <span aria-hidden="true">›</span> <span aria-current="page">Sources</span>
      </nav>
      <header className="page-header">
        <h1>Sources</h1>
        <p className="lede">
          Every dataset in Vigil’s knowledge base, with each edition loaded: who published it, when, under which licence, how many rows it holds,
          its checksum and what to keep in mind before relying on it. The active edition is the one the figures on every page come from.
        </p>
      </header>
      {res.status === 'loading' && <Loading label="Loading the datasets…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.retry} what="the datasets" />}
      {res.data && (
        <>
          <nav className="toc" aria-label="Datasets">
            <ul>
              {res.data.datasets.map((d) => (
                <li key={d.id}>
                  <a href={`#dataset-${d.id}`}>{d.name}</a>
                </li>
              ))}
            </ul>
          </nav>
          {res.data.datasets.map((d) => (
            <DatasetCard key={d.id} d={d} />
          ))}
        </>
      )}
    </div>
  );
}

function DatasetCard({ d }: { d: Dataset }) {
  const editions = [...d.editions].sort((a, b) => Number(b.active) - Number(a.active) || b.edition.localeCompare(a.edition));
  return (
    <section className="dataset" id={`dataset-${d.id}`} data-dataset={d.id} aria-labelledby={`dataset-${d.id}-title`}>
      <header className="dataset-head">
        <h2 id={`dataset-${d.id}-title`}>{d.name}</h2>
        <code className="dataset-id">{d.id}</code>
      </header>
      <p>{d.description}</p>
      <p className="muted small">
        {d.activeEdition ? <>Active edition: {d.activeEdition}</> : 'No active edition: figures from this dataset are not shown.'}
        {' · '}
        {d.editions.length === 1 ? '1 edition loaded' : `${d.editions.length} editions loaded`}
      </p>
      {editions.map((e) => (
        <EditionView key={e.edition + e.loadedAt} e={e} />
      ))}
    </section>
  );
}

function EditionView({ e }: { e: Edition }) {
  const sum = splitChecksum(e.checksum);
  const stats = Object.entries(e.stats);
  return (
    <article className={`edition${e.active ? ' active' : ''}`}>
      <h3>
        {e.title} — edition {e.edition}{' '}
        <span className={`status ${e.active ? 'status-active' : 'status-inactive'}`}>{e.active ? 'Active' : 'Not active'}</span>
      </h3>
      <dl className="provenance">
        <div>
          <dt>Publisher</dt>
          <dd>{e.publisher}</dd>
        </div>
        <div>
          <dt>Published</dt>
          <dd>{e.publishedOn ? formatDate(e.publishedOn) : 'No date given by the publisher'}</dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd className="break">
            <a href={e.sourceUrl} rel="noopener noreferrer external" target="_blank">
              {e.sourceUrl}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </dd>
        </div>
        <div>
          <dt>Licence</dt>
          <dd>{e.licence}</dd>
        </div>
        <div>
          <dt>Rows</dt>
          <dd>{formatInteger(e.rowCount)}</dd>
        </div>
        <div>
          <dt>Compiled</dt>
          <dd>{formatDate(e.compiledOn)}</dd>
        </div>
        <div>
          <dt>Loaded</dt>
          <dd>
            {formatDate(e.loadedAt)} · {e.origin === 'bundled' ? 'bundled with Vigil' : `imported from ${e.origin}`}
          </dd>
        </div>
        <div className="wide">
          <dt>Checksum{sum.algorithm ? ` (${sum.algorithm})` : ''}</dt>
          <dd>
            <code className="checksum" title={e.checksum}>
              {sum.groups.map((g, i) => (
                <span key={i}>{g}</span>
              ))}
            </code>
          </dd>
        </div>
      </dl>
      {stats.length > 0 && (
        <div className="stats">
          <h4>Headline figures</h4>
          <ul>
            {stats.map(([k, v]) => (
              <li key={k}>
                <span className="stat-value">{formatInteger(v)}</span> <span className="stat-key">{humaniseKey(k).toLowerCase()}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {e.caveats && (
        <div className="caveats">
          <h4>Caveats</h4>
          <p>{e.caveats}</p>
        </div>
      )}
    </article>
  );
}
