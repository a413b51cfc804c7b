// One watchlist: what it is and means, its threshold (editable with watchlists.manage: an own list's own, a
// shared list's override for the organisation), a new version of an own list (upload with progress; a table
// gets a column mapping; a rejected file lists every issue and leaves the active version as it was), the
// versions loaded so far, and the active version's entities with a search.
import { useState } from 'react';
import { ApiError, endpoints, put, toApiError, uploadFile } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import { can } from '../lib/access.ts';
import { formatTimestamp } from '../lib/audit.ts';
import { formatDate, formatInteger, humaniseKey, plural } from '../lib/format.ts';
import { queryString, href } from '../lib/route.ts';
import { entityTypeLabel } from '../lib/screening.ts';
import { pageInfo } from '../lib/suppliers.ts';
import {
  ACCEPTED_LIST_FILES,
  EMPTY_LIST_MAPPING,
  ENTITY_TYPES,
  FORMAT_INFO,
  IDENTIFIER_SCHEMES,
  LIST_COLUMNS,
  LIST_COLUMN_INFO,
  SIGNAL_INFO,
  WATCHLIST_FORMATS,
  csvHeaders,
  editionLabel,
  formatOfFile,
  formatThreshold,
  guessListMapping,
  issuesOf,
  listContentType,
  listFileProblem,
  parseThreshold,
  scopeLabel,
  tableMappingOf,
  versionQuery,
  type EntityPage,
  type ListMappingDraft,
  type Watchlist,
  type WatchlistDetail,
  type WatchlistFormat,
  type WatchlistImport,
  type WatchlistIssue,
  type WatchlistVersionInfo,
} from '../lib/watchlists.ts';
import { Link, useLocation } from '../router.tsx';
import { useLive, useSession } from '../session.tsx';
import { useCountryNames } from '../components/Badges.tsx';
import { CheckedForm, FileInput, ProblemBox, SelectField, SubmitButton, TextField, useFormState } from '../components/Forms.tsx';
import { Pager } from '../components/Pager.tsx';
import { FilterSearch } from '../components/FilterSearch.tsx';
import { Fact, SignalBadge } from '../components/Screening.tsx';
import { NumTh } from '../components/SortableTh.tsx';
import { Empty, ErrorState, Loading, NoticeLine, type Notice } from '../components/States.tsx';
import { UploadProgress } from '../components/UploadProgress.tsx';

const ENTITY_PAGE = 50;

export function WatchlistPage({ id }: { id: string }) {
  const res = useLive<WatchlistDetail>(endpoints.watchlist(id));
  const d = res.data;
  useDocumentTitle(d ? d.watchlist.name : res.status === 'error' ? 'List not found' : 'Watchlist');
  return (
    <div className="page page-watchlist">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to={href.watchlists()}>Watchlists</Link> <span aria-hidden="true">›</span> <span aria-current="page">{d ? d.watchlist.name : `List ${id}`}</span>
      </nav>
      {res.status === 'loading' && <Loading label="Loading the list…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.reload} what={`list ${id}`} />}
      {d && <WatchlistView d={d} reload={res.reload} onThreshold={(w) => res.set({ ...d, watchlist: w })} />}
    </div>
  );
}

function WatchlistView({ d, reload, onThreshold }: { d: WatchlistDetail; reload: () => void; onThreshold: (w: Watchlist) => void }) {
  const { session } = useSession();
  const { search } = useLocation();
  const w = d.watchlist;
  const manager = can(session, 'watchlists.manage');
  const own = w.scope === 'organisation';
  const signal = SIGNAL_INFO[w.signal];
  return (
    <>
      <header className="page-header">
        <h1>{w.name}</h1>
        <p className="hit-badges">
          <SignalBadge hard={w.signal === 'hard'} /> <span className="muted">{scopeLabel(w.scope)}</span>
        </p>
      </header>
      {search.get('created') === '1' && !w.activeVersion && (
        <p className="notice notice-ok" role="status">
          The list is created. Load its file below: until then it has no entity and matches nothing.
        </p>
      )}
      <dl className="provenance block" data-testid="list-facts">
        <Fact label="Publisher">{w.publisher || <span className="muted">Not given</span>}</Fact>
        <Fact label="Active edition">
          {editionLabel(w.activeVersion)}
          {w.activeVersion && <span className="row-note">{plural(w.entities, 'entity', 'entities')}</span>}
        </Fact>
        <Fact label="Licence">{w.licence || <span className="muted">Not given</span>}</Fact>
        <Fact label="Source" className="break">
          {w.sourceUrl ? <a href={w.sourceUrl}>{w.sourceUrl}</a> : <span className="muted">Not given</span>}
        </Fact>
        <Fact label="Why a hit counts" wide>
          {w.basis}
        </Fact>
        <Fact label={signal.label} wide>
          {signal.meaning}
        </Fact>
      </dl>
      <ThresholdForm key={w.threshold} w={w} editable={manager} onSaved={onThreshold} />
      {own && manager && <NewVersion w={w} onLoaded={reload} />}
      {!own && (
        <p className="muted small">
          Shared lists are loaded by the operator of this Vigil installation, for every organisation; your organisation can set its own threshold
          for them.
        </p>
      )}
      <Versions versions={d.versions} active={w.activeVersion?.id ?? null} />
      {w.activeVersion && <Entities listId={w.id} edition={w.activeVersion.edition} />}
    </>
  );
}

function ThresholdForm({ w, editable, onSaved }: { w: Watchlist; editable: boolean; onSaved: (w: Watchlist) => void }) {
  const [text, setText] = useState(formatThreshold(w.threshold));
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useFormState(['threshold']);
  const own = w.scope === 'organisation';
  const label = own ? 'Match threshold' : 'Your organisation’s threshold for this list';
  const listOwn = !own && w.listThreshold !== w.threshold ? ` The list’s own threshold is ${formatThreshold(w.listThreshold)}.` : '';
  if (!editable) {
    return (
      <p className="block">
        <strong>{label}:</strong> {formatThreshold(w.threshold)}.{listOwn} <span className="muted small">A pair of names scoring at least this is a hit.</span>
      </p>
    );
  }
  const save = () => {
    const parsed = parseThreshold(text);
    void form.run('error' in parsed ? { threshold: parsed.error } : {}, async () => {
      if ('error' in parsed) return;
      const saved = await put<Watchlist>(endpoints.watchlistThreshold(w.id), { threshold: parsed.value });
      setNotice({ kind: 'ok', text: `Threshold saved: ${formatThreshold(saved.threshold)}. Screening runs again against this list.` });
      onSaved(saved);
    });
  };
  return (
    <CheckedForm form={form} onSubmit={save} className="block threshold-form" aria-labelledby="threshold-heading">
      <h2 id="threshold-heading">Threshold</h2>
      <ProblemBox id={form.problemId} problem={form.problem} title="The threshold was not saved" />
      <TextField
        id={form.id('threshold')}
        label={label}
        hint={`From 0.5 to 1. A pair of names scoring at least this is a hit; higher means fewer, closer hits. Changing it screens again.${listOwn}`}
        error={form.errors.threshold}
        value={text}
        inputMode="decimal"
        fieldClassName="field-short"
        onValue={setText}
      />
      <div className="actions">
        <SubmitButton busy={form.busy} busyLabel="Saving…">
          Save the threshold
        </SubmitButton>
      </div>
      <NoticeLine notice={notice} />
    </CheckedForm>
  );
}

type Step =
  | { kind: 'choose'; problem: string | null }
  | { kind: 'ready'; file: File; format: WatchlistFormat; headers: string[] | null; mapping: ListMappingDraft; edition: string; published: string; problem: string | null }
  | { kind: 'uploading'; name: string; sent: number; total: number; abort: () => void }
  | { kind: 'rejected'; name: string; problem: ApiError; issues: WatchlistIssue[] }
  | { kind: 'loaded'; version: WatchlistImport };

function NewVersion({ w, onLoaded }: { w: Watchlist; onLoaded: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'choose', problem: null });

  const choose = async (file: File) => {
    const problem = listFileProblem(file);
    if (problem) {
      setStep({ kind: 'choose', problem });
      return;
    }
    // The header row of a CSV is read here, so its columns can be picked; an Excel file's are typed.
    const headers = /\.(csv|txt)$/i.test(file.name) ? await csvHeaders(await file.slice(0, 64 * 1024).text()) : null;
    setStep({ kind: 'ready', file, format: formatOfFile(file.name)!, headers, mapping: headers ? guessListMapping(headers) : EMPTY_LIST_MAPPING, edition: '', published: '', problem: null });
  };

  const send = (s: Extract<Step, { kind: 'ready' }>) => {
    const mapped = s.format === 'table' ? tableMappingOf(s.mapping) : null;
    if (mapped && 'error' in mapped) {
      setStep({ ...s, problem: mapped.error });
      return;
    }
    const { done, abort } = uploadFile<WatchlistImport>(
      endpoints.watchlistVersions(w.id, versionQuery(s.format, s.edition, mapped?.mapping ?? null, s.published)),
      s.file,
      // Header values must be ASCII: the name travels percent-encoded.
      { 'content-type': listContentType(s.file.name), 'x-file-name': encodeURIComponent(s.file.name) },
      (sent, total) => setStep((cur) => (cur.kind === 'uploading' ? { ...cur, sent, total } : cur)),
    );
    setStep({ kind: 'uploading', name: s.file.name, sent: 0, total: s.file.size, abort });
    done.then(
      (version) => {
        setStep({ kind: 'loaded', version });
        onLoaded();
      },
      (e: unknown) => {
        if (e instanceof DOMException && e.name === 'AbortError') setStep({ kind: 'choose', problem: 'The upload was cancelled.' });
        else {
          const err = toApiError(e);
          setStep({ kind: 'rejected', name: s.file.name, problem: err, issues: issuesOf(err.extensions) });
        }
      },
    );
  };

  return (
    <section className="block" aria-labelledby="version-heading" data-testid="new-version">
      <h2 id="version-heading">Load a new version</h2>
      <p className="block-intro">
        The whole file is checked first: if any line is wrong, nothing of it is kept and the active version stays. Once loaded, the new version is
        active and every supplier, site and owner is screened against it; only new or changed hits alert.
      </p>
      {step.kind === 'loaded' && (
        <div className="notice notice-ok" role="status" data-testid="version-loaded">
          <p>
            Edition {step.version.edition} of {step.version.fileName} is now active: {plural(step.version.entities, 'entity', 'entities')}
            {step.version.warnings > 0 && <> ({plural(step.version.warnings, 'row')} skipped or corrected, with a warning)</>}. Screening runs again against it.
          </p>
          {step.version.warningIssues.length > 0 && (
            <details>
              <summary>The warnings</summary>
              <IssueTable issues={step.version.warningIssues} caption="Rows of the file skipped or read with a correction" />
            </details>
          )}
        </div>
      )}
      {step.kind === 'rejected' && <Rejected step={step} active={w.activeVersion} />}
      {step.kind === 'uploading' ? (
        <UploadProgress name={step.name} sent={step.sent} total={step.total} onCancel={step.abort} />
      ) : step.kind === 'ready' ? (
        <FileOptions step={step} onChange={setStep} onSend={() => send(step)} onCancel={() => setStep({ kind: 'choose', problem: null })} />
      ) : (
        <ChooseListFile problem={step.kind === 'choose' ? step.problem : null} onFile={(f) => void choose(f)} />
      )}
    </section>
  );
}

function ChooseListFile({ problem, onFile }: { problem: string | null; onFile: (f: File) => void }) {
  return (
    <div className="drop-zone">
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      <label htmlFor="list-file" className="form-label">
        List file: a table (CSV or Excel .xlsx) or FollowTheMoney JSON lines
      </label>
      <FileInput id="list-file" accept={ACCEPTED_LIST_FILES} onFile={onFile} />
    </div>
  );
}

function FileOptions({
  step,
  onChange,
  onSend,
  onCancel,
}: {
  step: Extract<Step, { kind: 'ready' }>;
  onChange: (s: Step) => void;
  onSend: () => void;
  onCancel: () => void;
}) {
  const set = (change: Partial<Extract<Step, { kind: 'ready' }>>) => onChange({ ...step, ...change, problem: null });
  const setColumn = (column: keyof ListMappingDraft, value: string) => set({ mapping: { ...step.mapping, [column]: value } as ListMappingDraft });
  return (
    <form
      className="list-file-options"
      onSubmit={(e) => {
        e.preventDefault();
        onSend();
      }}
      data-testid="list-file-options"
    >
      <p>
        <strong>{step.file.name}</strong> <span className="muted small">({formatInteger(step.file.size)} bytes)</span>
      </p>
      {step.problem && (
        <p className="form-problem" role="alert">
          {step.problem}
        </p>
      )}
      <div className="form-row">
        <SelectField id="list-format" label="Format" hint={FORMAT_INFO[step.format].hint} value={step.format} onValue={(v) => set({ format: v as WatchlistFormat })}>
          {WATCHLIST_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_INFO[f].label}
            </option>
          ))}
        </SelectField>
        <TextField id="list-edition" label="Edition" optional hint="Such as 2025-06; otherwise the publication date" value={step.edition} maxLength={100} onValue={(edition) => set({ edition })} />
        <TextField id="list-published" label="Published on" optional type="date" hint="As the publisher dates the file" value={step.published} onValue={(published) => set({ published })} />
      </div>
      {step.format === 'table' && (
        <fieldset className="form-section list-mapping" data-testid="list-mapping">
          <legend>Which column holds what</legend>
          <p className="form-hint">
            {step.headers ? 'Vigil read the header row and guessed; check each.' : 'Type each column’s header exactly as the first row of the sheet has it.'} Leave a field
            empty when the file has no such column.
          </p>
          <div className="mapping-grid">
            {LIST_COLUMNS.map((c) =>
              step.headers ? (
                <SelectField key={c} id={`list-col-${c}`} label={LIST_COLUMN_INFO[c].label} hint={LIST_COLUMN_INFO[c].hint} value={step.mapping[c]} onValue={(v) => setColumn(c, v)}>
                  <option value="">{c === 'name' ? 'Choose the column' : 'No such column'}</option>
                  {step.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </SelectField>
              ) : (
                <TextField key={c} id={`list-col-${c}`} label={LIST_COLUMN_INFO[c].label} hint={LIST_COLUMN_INFO[c].hint} optional={c !== 'name'} value={step.mapping[c]} onValue={(v) => setColumn(c, v)} />
              ),
            )}
            {!step.mapping.type && (
              <SelectField id="list-col-default-type" label="Every row is" value={step.mapping.defaultType} onValue={(v) => setColumn('defaultType', v)}>
                {ENTITY_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t === 'unknown' ? 'Person or company, not said' : entityTypeLabel(t)}
                  </option>
                ))}
              </SelectField>
            )}
            {step.mapping.identifier && (
              <SelectField id="list-col-scheme" label="Kind of identifier" value={step.mapping.identifierScheme} onValue={(v) => setColumn('identifierScheme', v)}>
                {IDENTIFIER_SCHEMES.map((s) => (
                  <option key={s} value={s}>
                    {humaniseKey(s)}
                  </option>
                ))}
              </SelectField>
            )}
          </div>
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" className="button">
          Upload and check the file
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Choose another file
        </button>
      </div>
    </form>
  );
}

function Rejected({ step, active }: { step: Extract<Step, { kind: 'rejected' }>; active: WatchlistVersionInfo | null }) {
  const unchanged = active ? `The active version is unchanged: still edition ${active.edition} (${plural(active.entities, 'entity', 'entities')}).` : 'The list still has no active version.';
  return (
    <div className="form-problem rejected-file" role="alert" data-testid="rejected-file">
      <p className="form-problem-title">{step.name} was rejected: nothing of it was kept</p>
      <p>{unchanged}</p>
      {step.issues.length === 0 ? (
        <p>{step.problem.detail || step.problem.title}</p>
      ) : (
        <>
          <p>{plural(step.issues.length, 'problem')} to fix, each below with its line. Fix them all and load the file again.</p>
          <IssueTable issues={step.issues} caption="Every problem in the file, with file, line, field, value and message" />
        </>
      )}
    </div>
  );
}

function IssueTable({ issues, caption }: { issues: readonly WatchlistIssue[]; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table compact list-issues-table stack-table two-up" data-testid="list-issues">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <NumTh>Line</NumTh>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((x, n) => (
            <tr key={`${x.line}-${x.field ?? ''}-${n}`}>
              <td data-label="File">{x.file}</td>
              <th scope="row" className="num" data-label="Line">
                {x.line > 0 ? formatInteger(x.line) : '—'}
              </th>
              <td data-label="Field">{x.field ?? <span className="muted">—</span>}</td>
              <td data-label="Value">{x.value === null ? <span className="muted">—</span> : <code className="cell-value">{x.value === '' ? '(empty)' : x.value}</code>}</td>
              <td data-label="Reason">{x.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Versions({ versions, active }: { versions: readonly WatchlistVersionInfo[]; active: number | null }) {
  return (
    <section className="block" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      {versions.length === 0 ? (
        <Empty>No version loaded yet.</Empty>
      ) : (
        <div className="table-scroll">
          <table className="data-table compact stack-table two-up" data-testid="versions">
            <caption className="visually-hidden">Versions of the list, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Edition</th>
                <th scope="col">Published</th>
                <th scope="col">Loaded</th>
                <th scope="col">File</th>
                <NumTh>Entities</NumTh>
                <th scope="col">Checksum</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    {v.edition} {v.id === active && <span className="status status-active">Active</span>}
                  </th>
                  <td data-label="Published">{formatDate(v.publishedOn)}</td>
                  <td data-label="Loaded">
                    {formatTimestamp(v.importedAt)}
                    <span className="row-note">by {v.importedBy}</span>
                  </td>
                  <td data-label="File">
                    {v.fileName} <span className="muted small">({FORMAT_INFO[v.format]?.short ?? v.format})</span>
                  </td>
                  <td className="num" data-label="Entities">
                    {formatInteger(v.entities)}
                  </td>
                  <td data-label="Checksum">
                    <code title={v.sha256}>{v.sha256.replace(/^sha256:/, '').slice(0, 12)}</code>
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

function Entities({ listId, edition }: { listId: number; edition: string }) {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(0);
  const countryName = useCountryNames();
  const res = useLive<EntityPage>(endpoints.watchlistEntities(listId, queryString({ q, offset: page * ENTITY_PAGE, limit: ENTITY_PAGE })));
  const info = pageInfo(res.data?.total ?? 0, page, ENTITY_PAGE);
  return (
    <section className="block" aria-labelledby="entities-heading" aria-busy={res.status === 'loading' || undefined}>
      <h2 id="entities-heading">Entities in edition {edition}</h2>
      <form className="filters entity-filters" role="search" aria-label="Search the entities" onSubmit={(e) => e.preventDefault()}>
        <FilterSearch
          id="entity-q"
          label="Search the list"
          value={q}
          onSearch={(text) => {
            setQ(text);
            setPage(0);
          }}
          placeholder="Name, alias or identifier"
        />
      </form>
      {res.status === 'error' && <ErrorState error={res.error} retry={res.reload} what="the entities" />}
      {res.status === 'loading' && !res.data && <Loading label="Loading the entities…" />}
      {res.data && (
        <>
          <p className="muted filters-count" role="status" aria-live="polite" data-testid="entity-count">
            {res.data.total === 0 ? 'No entity matches.' : `Entities ${formatInteger(info.from)}–${formatInteger(info.to)} of ${formatInteger(res.data.total)}`}
          </p>
          {res.data.items.length > 0 && (
            <div className="table-scroll">
              <table className="data-table compact entity-table stack-table two-up" data-testid="entities">
                <caption className="visually-hidden">Listed entities</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Type</th>
                    <th scope="col">Countries</th>
                    <th scope="col">Identifiers</th>
                    <NumTh>Line of the file</NumTh>
                  </tr>
                </thead>
                <tbody>
                  {res.data.items.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">
                        {e.name}
                        {e.aliases.length > 0 && <span className="row-note">Also {e.aliases.join('; ')}</span>}
                      </th>
                      <td data-label="Type">{entityTypeLabel(e.type)}</td>
                      <td data-label="Countries">{e.countries.map((c) => countryName(c) ?? c).join(', ') || <span className="muted">—</span>}</td>
                      <td data-label="Identifiers" className="small">
                        {e.identifiers.map((i) => `${humaniseKey(i.scheme)} ${i.value}`).join('; ') || <span className="muted">—</span>}
                      </td>
                      <td className="num" data-label="Line of the file">
                        {formatInteger(e.sourceRow)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager label="Pages of entities" page={page} pages={info.pages} size={ENTITY_PAGE} hasPrevious={info.hasPrevious} hasNext={info.hasNext} onPage={setPage} />
        </>
      )}
    </section>
  );
}
