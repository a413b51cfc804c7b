// One import: its progress while it runs (polled), then what it did — rows read, imported and rejected,
// suppliers created and matched — and every rejected or flagged row with its line, column, value and
// reason, downloadable as CSV.
import { useEffect, useState } from 'react';
import { endpoints, getFresh, toApiError, type ApiError } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import { formatTimestamp } from '../lib/audit.ts';
import { formatInteger, plural } from '../lib/format.ts';
import { FIELD_INFO } from '../lib/imports.ts';
import { formatBytes, importPercent, importStatusLabel, issueSeverityLabel, type ImportSummary, type IssuePage } from '../lib/portfolio.ts';
import { href } from '../lib/route.ts';
import { Link } from '../router.tsx';
import { useLive } from '../session.tsx';
import { EditionLinks } from '../components/Risk.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { NumTh } from '../components/SortableTh.tsx';
import type { RowIssue } from '../../../src/suppliers/line.ts';

/** How often a running import is asked for its progress. */
const POLL_MS = 700;
const ISSUE_PAGE = 100;

export function ImportPage({ id }: { id: string }) {
  const res = useLive<ImportSummary>(endpoints.import(id));
  const i = res.data;
  useDocumentTitle(i ? `Import of ${i.fileName}` : 'Import');
  const running = i?.status === 'running';
  const { reload } = res;

  useEffect(() => {
    if (!running) return;
    const t = window.setTimeout(reload, POLL_MS);
    return () => window.clearTimeout(t);
  }, [running, reload, i]);

  return (
    <div className="page page-import">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to={href.imports()}>Import</Link> <span aria-hidden="true">›</span> <span aria-current="page">{i ? i.fileName : `Import ${id}`}</span>
      </nav>
      {res.status === 'loading' && <Loading label="Loading the import…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.reload} what={`import ${id}`} />}
      {i && (
        <>
          <header className="page-header">
            <h1>Import of {i.fileName}</h1>
            <p className="muted">
              {i.format.toUpperCase()} · started {formatTimestamp(i.startedAt)} by {i.startedBy}
              {i.finishedAt && <> · finished {formatTimestamp(i.finishedAt)}</>} ·{' '}
              <span className={`status status-import-${i.status}`} data-testid="import-status">
                {importStatusLabel(i.status)}
              </span>
            </p>
          </header>
          {running ? <Progress i={i} /> : <Result i={i} />}
        </>
      )}
    </div>
  );
}

function Progress({ i }: { i: ImportSummary }) {
  const pct = importPercent(i);
  return (
    <section className="block" aria-labelledby="progress-heading" data-testid="import-progress">
      <h2 id="progress-heading">Importing…</h2>
      <div className="progress-row">
        <progress max={100} value={pct} aria-label={`Import of ${i.fileName}`} />
        <span role="status" aria-live="polite">
          {pct}% · {plural(i.progress.rows, 'row')} read · {formatBytes(i.progress.bytes)} of {formatBytes(i.progress.totalBytes)}
        </span>
      </div>
      <p className="small muted">You can leave this page: the import goes on, and its result will be here and in the list of past imports.</p>
    </section>
  );
}

function Result({ i }: { i: ImportSummary }) {
  const failed = i.status === 'failed';
  return (
    <>
      {failed ? (
        <div className="state-error" role="alert">
          <h2 className="state-title">The import failed</h2>
          <p>{i.error ?? 'No reason was recorded.'}</p>
          <p>Nothing from this file was kept. Fix the file and import it again.</p>
        </div>
      ) : (
        <div className="notice notice-ok" role="status" data-testid="import-done">
          <p>
            <strong>Imported {plural(i.accepted, 'row')}</strong> of {formatInteger(i.rows)}
            {i.rejected > 0 && <>; {plural(i.rejected, 'row')} rejected (listed below)</>}. The lines are classified and assessed.
          </p>
          <p>
            <Link to={href.portfolio()}>See the portfolio overview</Link> · <Link to={href.suppliers()}>Open the supplier list</Link>
          </p>
        </div>
      )}
      <ul className="summary-strip compact-strip" aria-label="What the import did" data-testid="import-counts">
        <li>
          <span className="summary-label">Rows read</span>
          <span className="summary-value">{formatInteger(i.rows)}</span>
        </li>
        <li>
          <span className="summary-label">Imported</span>
          <span className="summary-value">{formatInteger(i.accepted)}</span>
        </li>
        <li>
          <span className="summary-label">Rejected</span>
          <span className="summary-value">{formatInteger(i.rejected)}</span>
        </li>
        <li>
          <span className="summary-label">Warnings</span>
          <span className="summary-value">{formatInteger(i.warnings)}</span>
          <span className="summary-note">Rows kept, with a field left out</span>
        </li>
        <li>
          <span className="summary-label">New suppliers</span>
          <span className="summary-value">{formatInteger(i.suppliersCreated)}</span>
        </li>
        <li>
          <span className="summary-label">Suppliers matched</span>
          <span className="summary-value">{formatInteger(i.suppliersMatched)}</span>
          <span className="summary-note">Already in Vigil under the same identifier or name</span>
        </li>
      </ul>
      {Object.keys(i.editions).length > 0 && (
        <p className="small muted">
          Assessed with <EditionLinks editions={i.editions} />.
        </p>
      )}
      <Issues i={i} />
      <details className="block mapping-used">
        <summary>Columns used</summary>
        <ul className="plain-list small">
          {Object.entries(i.mapping).map(([field, header]) => (
            <li key={field}>
              {FIELD_INFO[field as keyof typeof FIELD_INFO]?.label ?? field} ← “{header}”
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}

function Issues({ i }: { i: ImportSummary }) {
  const first = useLive<IssuePage>(endpoints.importIssues(i.id, 0, ISSUE_PAGE));
  const [more, setMore] = useState<RowIssue[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const items = [...(first.data?.items ?? []), ...more];
  const total = first.data?.total ?? 0;

  const loadMore = async () => {
    setLoading(true);
    setError(null);
    try {
      const page = await getFresh<IssuePage>(endpoints.importIssues(i.id, items.length, ISSUE_PAGE));
      setMore((m) => [...m, ...page.items]);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setLoading(false);
    }
  };

  return (
    <section className="block" aria-labelledby="issues-heading">
      <div className="block-head">
        <h2 id="issues-heading">Rejected and flagged rows</h2>
        {total > 0 && (
          <a className="button-secondary" href={endpoints.importIssuesCsv(i.id)} download>
            Download as CSV
          </a>
        )}
      </div>
      {first.status === 'loading' && <Loading label="Loading the rows…" />}
      {first.status === 'error' && <ErrorState error={first.error} retry={first.reload} what="the rejected rows" />}
      {first.data &&
        (total === 0 ? (
          <Empty>Every row was read as it was written.</Empty>
        ) : (
          <>
            <p className="small muted">
              {plural(total, 'problem')}. A rejected row is left out; a flagged row is imported without the field named. Line is the line of the
              file (the header is line 1).
            </p>
            <div className="table-scroll">
              <table className="data-table compact issues-table stack-table two-up" data-testid="issues">
                <caption className="visually-hidden">Rows of the file that were rejected or flagged, with line, column, value and reason</caption>
                <thead>
                  <tr>
                    <NumTh>Line</NumTh>
                    <th scope="col">Column</th>
                    <th scope="col">Value</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((x, n) => (
                    <tr key={`${x.line ?? 'file'}-${x.column ?? ''}-${n}`} className={`issue-${x.severity}`}>
                      <th scope="row" className="num" data-label="Line">
                        {x.line ?? '—'}
                      </th>
                      <td data-label="Column">{x.column ?? <span className="muted">—</span>}</td>
                      <td data-label="Value">{x.value === null ? <span className="muted">—</span> : <code className="cell-value">{x.value === '' ? '(empty)' : x.value}</code>}</td>
                      <td data-label="Outcome">
                        <span className={`status issue-status-${x.severity}`}>{issueSeverityLabel(x.severity)}</span>
                      </td>
                      <td data-label="Reason">{x.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {error && (
              <p className="field-error" role="alert">
                {error.detail || error.title}
              </p>
            )}
            {items.length < total && (
              <button type="button" className="button-secondary load-more" onClick={() => void loadMore()} aria-disabled={loading || undefined}>
                {loading ? 'Loading…' : `Show ${Math.min(ISSUE_PAGE, total - items.length)} more of ${formatInteger(total - items.length)}`}
              </button>
            )}
          </>
        ))}
    </section>
  );
}
