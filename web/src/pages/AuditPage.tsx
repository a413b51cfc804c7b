// The organisation's audit trail: every change and security event, newest first, with filters kept in the
// address (shareable), "load older" paging, each entry's before/after, its place in the hash chain, and a CSV
// export of what the filters select.
import { Fragment, useState } from 'react';
import { endpoints, getFresh, toApiError, type ApiError, type AuditEntry } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import {
  ACTION_FILTERS,
  actionLabel,
  auditApiQuery,
  diffSummary,
  diffValues,
  filtersActive,
  filtersFrom,
  filtersProblem,
  filtersQuery,
  formatTimestamp,
  shortHash,
  type AuditFilters,
} from '../lib/audit.ts';
import { navigate, useLocation } from '../router.tsx';
import { useLive, useSession } from '../session.tsx';
import { CheckedForm, ProblemBox, SelectField, TextField, useFormState } from '../components/Forms.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { HiddenTh, NumTh } from '../components/SortableTh.tsx';

const PAGE = 50;

export function AuditPage() {
  useDocumentTitle('Audit trail');
  const { session } = useSession();
  const { search } = useLocation();
  const filters = filtersFrom(search);
  const query = filtersQuery(filters);
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{session?.organisation?.name}</p>
        <h1>Audit trail</h1>
        <p className="lede">
          Every change in {session?.organisation?.name ?? 'the organisation'} and every security event — who, when, from where, and what changed — newest
          first. Entries cannot be edited or removed.
        </p>
      </header>
      <FilterForm key={query} initial={filters} />
      <Entries key={`entries${query}`} filters={filters} />
      <aside className="block chain-note" aria-labelledby="chain-heading">
        <h2 id="chain-heading">How the trail proves it is complete</h2>
        <p>
          Each entry carries a SHA-256 hash of its own content and of the entry before it (shown shortened in the <em>Chain</em> column: previous →
          this). Changing, inserting or deleting an entry afterwards breaks every hash that follows. On the server, <code>vigil audit verify</code>{' '}
          recomputes every chain and names the first broken entry; the CSV export carries the full hashes so an exported file can be checked later.
        </p>
      </aside>
    </div>
  );
}

function FilterForm({ initial }: { initial: AuditFilters }) {
  const [d, setD] = useState<AuditFilters>(initial);
  const form = useFormState(['action', 'actor', 'entityType', 'from', 'to']);
  const set = (k: keyof AuditFilters) => (v: string) => setD((p) => ({ ...p, [k]: v }));
  const knownAction = ACTION_FILTERS.some((a) => a.value === d.action);
  const apply = () => {
    const p = filtersProblem(d);
    void form.run(p ? { from: p } : {}, async () => {
      navigate(`/organisation/audit${filtersQuery(d)}`);
    });
  };
  return (
    <CheckedForm form={form} onSubmit={apply} className="filters audit-filters" aria-label="Filter the audit trail">
      <ProblemBox id={form.problemId} problem={form.problem} />
      <SelectField id={form.id('action')} label="Action" value={d.action} onValue={set('action')}>
        {ACTION_FILTERS.map((a) => (
          <option key={a.value} value={a.value}>
            {a.label}
          </option>
        ))}
        {!knownAction && <option value={d.action}>Starting with “{d.action}”</option>}
      </SelectField>
      <TextField id={form.id('actor')} label="Who" placeholder="e-mail or part of it" autoComplete="off" spellCheck={false} value={d.actor} onValue={set('actor')} />
      <SelectField id={form.id('entityType')} label="Concerning" value={d.entityType} onValue={set('entityType')}>
        <option value="">Anything</option>
        <option value="user">A person</option>
        <option value="invitation">An invitation</option>
        <option value="api_token">An API token</option>
        <option value="organisation">The organisation</option>
        {d.entityType && !['user', 'invitation', 'api_token', 'organisation'].includes(d.entityType) && <option value={d.entityType}>{d.entityType}</option>}
      </SelectField>
      <TextField id={form.id('from')} label="From" type="date" value={d.from} onValue={set('from')} error={form.errors.from} />
      <TextField id={form.id('to')} label="To" type="date" value={d.to} onValue={set('to')} />
      <div className="filter-buttons">
        <button type="submit" className="button">
          Apply
        </button>
        {filtersActive(initial) && (
          <button type="button" className="button-secondary" onClick={() => navigate('/organisation/audit')}>
            Clear
          </button>
        )}
      </div>
    </CheckedForm>
  );
}

function Entries({ filters }: { filters: AuditFilters }) {
  const first = useLive<{ entries: AuditEntry[] }>(endpoints.audit(auditApiQuery(filters, { limit: PAGE })));
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [end, setEnd] = useState(false);
  const [loading, setLoading] = useState(false);
  const [olderError, setOlderError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());

  if (first.status === 'loading') return <Loading label="Loading the audit trail…" />;
  if (first.status === 'error') return <ErrorState error={first.error} retry={first.reload} what="the audit trail" />;
  const entries = [...first.data.entries, ...older];
  const exhausted = end || first.data.entries.length < PAGE;
  const csv = endpoints.auditCsv(auditApiQuery(filters));

  const loadOlder = async () => {
    const last = entries[entries.length - 1];
    if (!last) return;
    setLoading(true);
    setOlderError(null);
    try {
      const { entries: more } = await getFresh<{ entries: AuditEntry[] }>(endpoints.audit(auditApiQuery(filters, { limit: PAGE, beforeSeq: last.seq })));
      setOlder((o) => [...o, ...more]);
      if (more.length < PAGE) setEnd(true);
    } catch (e) {
      setOlderError(toApiError(e));
    } finally {
      setLoading(false);
    }
  };

  const toggle = (seq: number) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(seq)) n.delete(seq);
      else n.add(seq);
      return n;
    });

  return (
    <section className="block" aria-labelledby="entries-heading">
      <div className="block-head">
        <h2 id="entries-heading">{filtersActive(filters) ? 'Matching entries' : 'Entries'}</h2>
        <a className="button-secondary" href={csv} download data-testid="audit-csv">
          Export as CSV
        </a>
      </div>
      <p className="muted small">
        Showing {entries.length} {entries.length === 1 ? 'entry' : 'entries'}, newest first. Times are in your time zone. The CSV holds every entry the filters select; the export is itself recorded in
        the trail.
      </p>
      {entries.length === 0 ? (
        <Empty>{filtersActive(filters) ? 'No entry matches these filters.' : 'The trail is empty.'}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="data-table audit-table stack-table" data-testid="audit-table">
            <thead>
              <tr>
                <NumTh>#</NumTh>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Change</th>
                <th scope="col">Chain</th>
                <HiddenTh>Details</HiddenTh>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const rows = diffValues(e.before, e.after);
                const isOpen = open.has(e.seq);
                const detailsId = `audit-entry-${e.seq}`;
                return (
                  <Fragment key={e.seq}>
                    <tr data-action={e.action} data-seq={e.seq} className={isOpen ? 'open' : undefined}>
                      <td className="num" data-label="Entry">
                        {e.seq}
                      </td>
                      <td className="nowrap" data-label="When">
                        <time dateTime={e.at}>{formatTimestamp(e.at)}</time>
                      </td>
                      <td className="actor" data-label="Who">
                        {e.actor}
                      </td>
                      <td data-label="Action">
                        {actionLabel(e.action)}
                        <code className="action-code">{e.action}</code>
                      </td>
                      <td className="change-cell" data-label="Change">
                        {e.entityType && (
                          <span className="muted small entity">
                            {e.entityType} {e.entityId}
                          </span>
                        )}
                        {diffSummary(rows)}
                      </td>
                      <td className="nowrap" data-label="Chain">
                        <code className="hash" title={`previous ${e.prevHash}\nthis ${e.hash}`}>
                          {shortHash(e.prevHash)} → {shortHash(e.hash)}
                        </code>
                      </td>
                      <td data-label="Actions">
                        <button type="button" className="button-secondary button-small" aria-expanded={isOpen} aria-controls={detailsId} onClick={() => toggle(e.seq)}>
                          {isOpen ? 'Hide' : 'Details'}
                          <span className="visually-hidden"> of entry {e.seq}</span>
                        </button>
                      </td>
                    </tr>
                    <tr id={detailsId} className="audit-details" hidden={!isOpen}>
                      <td colSpan={7}>{isOpen && <EntryDetails entry={e} rows={rows} />}</td>
                    </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {olderError && <ErrorState error={olderError} retry={() => void loadOlder()} what="older entries" />}
      <div className="load-more">
        {exhausted ? (
          entries.length > 0 && <p className="muted small">This is the oldest entry{filtersActive(filters) ? ' matching the filters' : ''}.</p>
        ) : (
          <button type="button" className="button-secondary" onClick={() => void loadOlder()} aria-disabled={loading || undefined}>
            {loading ? 'Loading…' : 'Load older entries'}
          </button>
        )}
      </div>
    </section>
  );
}

function EntryDetails({ entry, rows }: { entry: AuditEntry; rows: ReturnType<typeof diffValues> }) {
  return (
    <div className="entry-details" data-testid="audit-details">
      {rows.length === 0 ? (
        <p className="muted">No before or after recorded for this event.</p>
      ) : (
        <table className="data-table compact diff-table">
          <caption className="visually-hidden">What changed in entry {entry.seq}</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field} className={r.changed ? 'changed' : undefined}>
                <th scope="row">
                  {r.field}
                  {r.changed && <span className="visually-hidden"> (changed)</span>}
                </th>
                <td className="break">{r.before}</td>
                <td className="break">{r.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="entry-meta">
        <div>
          <dt>When (UTC)</dt>
          <dd>{formatTimestamp(entry.at, 'UTC')}</dd>
        </div>
        <div>
          <dt>From address</dt>
          <dd>{entry.ip ?? '—'}</dd>
        </div>
        <div>
          <dt>Concerning</dt>
          <dd>{entry.entityType ? `${entry.entityType} ${entry.entityId ?? ''}` : '—'}</dd>
        </div>
        <div className="wide">
          <dt>Previous hash</dt>
          <dd>
            <code className="break">{entry.prevHash}</code>
          </dd>
        </div>
        <div className="wide">
          <dt>This entry’s hash</dt>
          <dd>
            <code className="break">{entry.hash}</code>
          </dd>
        </div>
      </dl>
    </div>
  );
}
