// Importing a supplier or spend file: choose or drop it, watch it upload, check how its columns were
// recognised (adjust, or apply a saved mapping, and save this one), then start the import, which opens its
// progress and result page. Past imports are listed below.
import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { endpoints, post, toApiError, uploadFile, type ApiError } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import { formatDate, formatInteger } from '../lib/format.ts';
import {
  ACCEPTED_FILES,
  FIELD_GROUPS,
  FIELD_INFO,
  choicesFrom,
  fileProblem,
  mappingFrom,
  mappingProblems,
  recognitionOf,
  requiredFields,
  sampleValues,
  uploadContentType,
  type Choices,
  type LineField,
  type SavedMapping,
  type UploadResult,
} from '../lib/imports.ts';
import { formatBytes, importStatusLabel, type ImportSummary } from '../lib/portfolio.ts';
import { href } from '../lib/route.ts';
import { Link, navigate } from '../router.tsx';
import { useLive, useSession } from '../session.tsx';
import { FileInput, ProblemBox, TextField, useFocusLater } from '../components/Forms.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { NumTh } from '../components/SortableTh.tsx';
import { UploadProgress } from '../components/UploadProgress.tsx';

type Step =
  | { kind: 'choose'; problem: ApiError | string | null }
  | { kind: 'uploading'; name: string; sent: number; total: number; abort: () => void }
  | { kind: 'mapping'; upload: UploadResult };

export function ImportsPage() {
  useDocumentTitle('Import suppliers');
  const { session } = useSession();
  const [step, setStep] = useState<Step>({ kind: 'choose', problem: null });

  const send = (file: File) => {
    const problem = fileProblem(file);
    if (problem) {
      setStep({ kind: 'choose', problem });
      return;
    }
    const { done, abort } = uploadFile<UploadResult>(
      endpoints.uploads(),
      file,
      // Header values must be ASCII: the name travels percent-encoded.
      { 'content-type': uploadContentType(file.name), 'x-file-name': encodeURIComponent(file.name) },
      (sent, total) => setStep((s) => (s.kind === 'uploading' ? { ...s, sent, total } : s)),
    );
    setStep({ kind: 'uploading', name: file.name, sent: 0, total: file.size, abort });
    done.then(
      (upload) => setStep({ kind: 'mapping', upload }),
      (e: unknown) => setStep({ kind: 'choose', problem: e instanceof DOMException && e.name === 'AbortError' ? 'The upload was cancelled.' : toApiError(e) }),
    );
  };

  return (
    <div className="page page-imports">
      <header className="page-header">
        <p className="eyebrow">{session?.organisation?.name}</p>
        <h1>Import suppliers</h1>
        <p className="lede">
          Load a CSV or Excel file of suppliers or spend: one row per supplier, site or purchase. Vigil recognises the columns, you check them, and
          every row is then classified and assessed. Rows it cannot read are listed with their line, column and reason.
        </p>
      </header>
      <ol className="steps" aria-label="Import steps">
        <li aria-current={step.kind !== 'mapping' ? 'step' : undefined}>1. Choose the file</li>
        <li aria-current={step.kind === 'mapping' ? 'step' : undefined}>2. Match the columns</li>
        <li>3. Import and review</li>
      </ol>
      {step.kind === 'choose' && <ChooseFile problem={step.problem} onFile={send} />}
      {step.kind === 'uploading' && <UploadProgress name={step.name} sent={step.sent} total={step.total} onCancel={step.abort} />}
      {step.kind === 'mapping' && <MappingStep upload={step.upload} onCancel={() => setStep({ kind: 'choose', problem: null })} />}
      <PastImports />
    </div>
  );
}

function ChooseFile({ problem, onFile }: { problem: ApiError | string | null; onFile: (f: File) => void }) {
  const id = useId();
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) onFile(f);
  };
  return (
    <section className="block" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Choose the file</h2>
      {typeof problem === 'string' ? (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      ) : (
        <ProblemBox id={`${id}-problem`} problem={problem} title="The file could not be uploaded" />
      )}
      <div
        className={`drop-zone${over ? ' drop-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <label htmlFor={`${id}-file`} className="form-label">
          Supplier or spend file (CSV or Excel .xlsx, up to 200 MB)
        </label>
        <FileInput id={`${id}-file`} accept={ACCEPTED_FILES} onFile={onFile} />
        <p className="muted small">or drop the file here.</p>
      </div>
      <p className="small muted">
        A header row is expected. Useful columns: supplier name, country, a description of the goods or services, HS or CPV codes, spend and
        currency, identifiers (LEI, VAT, company number).
      </p>
    </section>
  );
}

function MappingStep({ upload, onCancel }: { upload: UploadResult; onCancel: () => void }) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const { headers } = upload;
  const required = useMemo(() => requiredFields(upload), [upload]);
  const [choices, setChoices] = useState<Choices>(() => choicesFrom(headers, upload.suggested).choices);
  const [saved, setSaved] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [saveAs, setSaveAs] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const focusLater = useFocusLater();
  const mappings = useLive<{ items: SavedMapping[] }>(endpoints.mappings());
  const problems = mappingProblems(headers, choices, required);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const applySaved = (value: string) => {
    setSaved(value);
    const m = mappings.data?.items.find((x) => String(x.id) === value);
    if (!m) {
      setChoices(choicesFrom(headers, upload.suggested).choices);
      setNotice(value ? null : 'Back to the columns Vigil recognised.');
      return;
    }
    const applied = choicesFrom(headers, m.mapping);
    setChoices(applied.choices);
    setNotice(
      applied.missingHeaders.length
        ? `Applied “${m.name}”. This file has no column ${applied.missingHeaders.map((x) => `“${x.header}” (${FIELD_INFO[x.field].label})`).join(', ')}.`
        : `Applied “${m.name}”.`,
    );
  };

  const start = async () => {
    setChecked(true);
    setProblem(null);
    if (problems.length > 0) {
      const first = problems[0]!;
      focusLater(first.column === null ? `${id}-problems` : `${id}-col-${first.column}`);
      return;
    }
    setBusy(true);
    try {
      const body = { uploadId: upload.uploadId, mapping: mappingFrom(headers, choices), ...(saveAs.trim() ? { saveMappingAs: saveAs.trim() } : {}) };
      const answer = await post<{ import: ImportSummary }>(endpoints.imports(), body);
      navigate(href.importDetail(answer.import.id));
    } catch (e) {
      setProblem(toApiError(e));
      focusLater(`${id}-server-problem`);
    } finally {
      setBusy(false);
    }
  };

  const fieldOwner = (field: LineField) => choices.indexOf(field);
  return (
    <section className="block mapping" aria-labelledby={`${id}-heading`} data-testid="mapping">
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        Match the columns of {upload.fileName}
      </h2>
      <p className="muted">
        {upload.format.toUpperCase()} · {formatBytes(upload.size)} · {headers.length} columns. Vigil recognised {upload.recognised.length} of them;
        check each and change what it got wrong. Columns set to “Not used” are ignored.
      </p>
      {upload.warnings.length > 0 && (
        <div className="notice" data-testid="mapping-warnings">
          {upload.warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
        </div>
      )}
      <ProblemBox id={`${id}-server-problem`} problem={problem} title="The import could not start" />

      <div className="mapping-tools">
        <div className="form-field">
          <label htmlFor={`${id}-saved`} className="form-label">
            Use a saved mapping
          </label>
          <select id={`${id}-saved`} className="form-input" value={saved} onChange={(e) => applySaved(e.target.value)} disabled={!mappings.data?.items.length}>
            <option value="">{mappings.data?.items.length ? 'Vigil’s recognition (no saved mapping)' : 'No saved mapping yet'}</option>
            {mappings.data?.items.map((m) => (
              <option key={m.id} value={String(m.id)}>
                {m.name} (saved {formatDate(m.createdAt)})
              </option>
            ))}
          </select>
        </div>
        <ul className="required-fields" aria-label="Required fields">
          {required.map((f) => {
            const i = fieldOwner(f);
            return (
              <li key={f} className={i >= 0 ? 'ok' : 'missing'}>
                <span aria-hidden="true">{i >= 0 ? '✓' : '✗'}</span> {FIELD_INFO[f].label} (required):{' '}
                {i >= 0 ? <>column “{headers[i]}”</> : <strong>not chosen</strong>}
              </li>
            );
          })}
        </ul>
      </div>
      <p className="live-region small" role="status" aria-live="polite">
        {notice}
      </p>

      {checked && problems.length > 0 && (
        <div id={`${id}-problems`} className="form-problem" role="alert" tabIndex={-1}>
          <p className="form-problem-title">Please check the columns</p>
          <ul>
            {problems.map((p) => (
              <li key={p.message}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="table-scroll">
        <table className="data-table mapping-table stack-table">
          <caption className="visually-hidden">Columns of the file, sample values, and the field each feeds</caption>
          <thead>
            <tr>
              <th scope="col">Column in your file</th>
              <th scope="col">Sample values</th>
              <th scope="col">Vigil field</th>
              <th scope="col">How it was recognised</th>
            </tr>
          </thead>
          <tbody>
            {headers.map((h, i) => {
              const field = choices[i] ?? '';
              const why = recognitionOf(upload, h, field);
              const samples = sampleValues(upload.sample, i);
              const duplicate = field !== '' && choices.indexOf(field) !== i;
              return (
                <tr key={`${i}-${h}`} className={field ? undefined : 'unused'} data-header={h}>
                  <th scope="row">{h || <em className="muted">(no header)</em>}</th>
                  <td className="samples" data-label="Sample values">
                    {samples.length === 0 ? (
                      <span className="muted small">Empty in the first {upload.sample.length} rows</span>
                    ) : (
                      samples.map((v) => (
                        <span key={v} className="sample">
                          {v}
                        </span>
                      ))
                    )}
                  </td>
                  <td data-label="Vigil field">
                    <label htmlFor={`${id}-col-${i}`} className="visually-hidden">
                      Field for column “{h}”
                    </label>
                    <select
                      id={`${id}-col-${i}`}
                      className="form-input"
                      value={field}
                      aria-invalid={(checked && duplicate) || undefined}
                      onChange={(e) => {
                        const next = [...choices];
                        next[i] = e.target.value as LineField | '';
                        setChoices(next);
                      }}
                    >
                      <option value="">Not used</option>
                      {FIELD_GROUPS.map((g) => (
                        <optgroup key={g.label} label={g.label}>
                          {g.fields.map((f) => (
                            <option key={f} value={f}>
                              {FIELD_INFO[f].label}
                              {required.includes(f) ? ' (required)' : ''}
                            </option>
                          ))}
                        </optgroup>
                      ))}
                    </select>
                    {field && <span className="row-note">{FIELD_INFO[field].hint}</span>}
                  </td>
                  <td className="small" data-label="How it was recognised">{why ?? (field ? <span className="muted">Chosen by you</span> : <span className="muted">Not recognised</span>)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <form
        className="mapping-start"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <TextField
          id={`${id}-save-as`}
          label="Save this mapping as"
          optional
          hint="Give it a name to reuse it for the next file with the same columns."
          maxLength={100}
          value={saveAs}
          onValue={setSaveAs}
          fieldClassName="field-medium"
        />
        <div className="actions">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? 'Starting…' : 'Start the import'}
          </button>
          <button type="button" className="button-secondary" onClick={onCancel}>
            Choose another file
          </button>
        </div>
      </form>
    </section>
  );
}

function PastImports() {
  const res = useLive<{ items: ImportSummary[] }>(endpoints.imports());
  return (
    <section className="block" aria-labelledby="past-heading">
      <h2 id="past-heading">Past imports</h2>
      {res.status === 'loading' && <Loading label="Loading past imports…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.reload} what="past imports" />}
      {res.data &&
        (res.data.items.length === 0 ? (
          <Empty>No import yet.</Empty>
        ) : (
          <div className="table-scroll">
            <table className="data-table compact stack-table two-up" data-testid="past-imports">
              <caption className="visually-hidden">Imports, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Started</th>
                  <th scope="col">Status</th>
                  <NumTh>Rows</NumTh>
                  <NumTh>Imported</NumTh>
                  <NumTh>Rejected</NumTh>
                </tr>
              </thead>
              <tbody>
                {res.data.items.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      <Link to={href.importDetail(i.id)}>{i.fileName}</Link>
                    </th>
                    <td data-label="Started">{formatDate(i.startedAt)}</td>
                    <td data-label="Status">
                      <span className={`status status-import-${i.status}`}>{importStatusLabel(i.status)}</span>
                    </td>
                    <td className="num" data-label="Rows">{formatInteger(i.rows)}</td>
                    <td className="num" data-label="Imported">{formatInteger(i.accepted)}</td>
                    <td className="num" data-label="Rejected">{formatInteger(i.rejected)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
