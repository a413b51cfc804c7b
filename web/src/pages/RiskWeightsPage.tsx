// The risk weights the organisation's scores are computed with: each with its default and the reason for
// it. Holders of risk.configure can change them; saving reassesses every line and says what changed.
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { endpoints, post, put } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import { can } from '../lib/access.ts';
import { formatInteger, plural } from '../lib/format.ts';
import { datasetShort, editionChanges, levelLabel } from '../lib/risk.ts';
import { href } from '../lib/route.ts';
import { changedWeights, draftOf, flattenWeights, groupLabel, parseWeights, unflattenWeights, weightRows, type Reassessment, type WeightDraft, type WeightsAnswer } from '../lib/weights.ts';
import { Link } from '../router.tsx';
import { useLive, useSession } from '../session.tsx';
import { CheckedForm, ProblemBox, useFormState } from '../components/Forms.tsx';
import { EditionLinks, LevelBadge } from '../components/Risk.tsx';
import { ErrorState, Loading } from '../components/States.tsx';
import { NumTh } from '../components/SortableTh.tsx';

export function RiskWeightsPage() {
  useDocumentTitle('Risk weights');
  const { session } = useSession();
  const res = useLive<WeightsAnswer>(endpoints.riskWeights());
  const editable = can(session, 'risk.configure');
  // Kept here: a save reloads the weights, which starts the form afresh.
  const [saved, setSaved] = useState<SavedWeights | null>(null);
  const reload = res.reload;
  return (
    <div className="page page-weights">
      <header className="page-header">
        <p className="eyebrow">{session?.organisation?.name}</p>
        <h1>Risk weights</h1>
        <p className="lede">
          How much each kind of public signal adds to a line’s score. The defaults follow the gravity of the abuse each source points to and how
          directly it points to it; an organisation can shift them to its own risk appetite. Every score records the weights it was computed with.
        </p>
      </header>
      {res.status === 'loading' && <Loading label="Loading the weights…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.reload} what="the risk weights" />}
      {res.data && (
        <WeightsForm
          key={JSON.stringify(res.data.weights)}
          answer={res.data}
          editable={editable}
          saved={saved}
          onSaved={(s) => {
            setSaved(s);
            reload();
          }}
        />
      )}
      {res.data && editable && <Reassess />}
      {res.data && !editable && (
        <p className="muted small">Your role can read the weights but not change them: that needs the permission to change the risk weights.</p>
      )}
    </div>
  );
}

interface SavedWeights {
  /** Labels of the weights the save changed. */
  changed: string[];
  answer: Reassessment;
}

function WeightsForm({ answer, editable, saved, onSaved }: { answer: WeightsAnswer; editable: boolean; saved: SavedWeights | null; onSaved: (s: SavedWeights) => void }) {
  const rows = useMemo(() => weightRows(answer), [answer]);
  const current = useMemo(() => flattenWeights(answer.weights), [answer.weights]);
  const defaults = useMemo(() => flattenWeights(answer.defaults), [answer.defaults]);
  const [draft, setDraft] = useState<WeightDraft>(() => draftOf(current));
  const form = useFormState(rows.map((r) => r.key));
  const parsed = parseWeights(draft);
  const pending = parsed.values ? changedWeights(current, parsed.values) : Object.keys(parsed.errors);

  const save = () =>
    form.run(parsed.errors, async () => {
      const values = parsed.values!;
      const answerOfSave = await put<Reassessment>(endpoints.riskWeights(), { weights: unflattenWeights(answer.weights, values) });
      const label = (k: string) => rows.find((r) => r.key === k)?.label ?? k;
      onSaved({ changed: changedWeights(current, values).map(label), answer: answerOfSave });
    });

  return (
    <CheckedForm form={form} onSubmit={() => void save()} className="block weights-form" aria-labelledby="weights-heading">
      <h2 id="weights-heading">Weights</h2>
      <ProblemBox id={form.problemId} problem={form.problem} title="The weights were not saved" />
      <div className="table-scroll">
        <table className="data-table weights-table" data-testid="weights">
          <caption className="visually-hidden">Risk weights with their defaults and the reason for each</caption>
          <thead>
            <tr>
              <th scope="col">Weight</th>
              <NumTh>Current</NumTh>
              <NumTh>Default</NumTh>
              <th scope="col">Why the default</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, n) => {
              const id = form.id(r.key);
              const error = form.errors[r.key];
              return (
                <Fragment key={r.key}>
                  {(n === 0 || rows[n - 1]!.group !== r.group) && (
                    <tr className="group-row">
                      <th scope="colgroup" colSpan={4}>
                        {groupLabel(r.group)}
                      </th>
                    </tr>
                  )}
                  <tr className={r.changed ? 'changed' : undefined}>
                    <th scope="row">
                      <label htmlFor={editable ? id : undefined}>{r.label}</label>
                      <code className="row-note">{r.key}</code>
                    </th>
                    <td className="num">
                      {editable ? (
                        <>
                          <input
                            id={id}
                            className="form-input weight-input"
                            inputMode="decimal"
                            value={draft[r.key] ?? ''}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `${id}-error` : undefined}
                            onChange={(e) => setDraft((d) => ({ ...d, [r.key]: e.target.value }))}
                          />
                          {error && (
                            <span id={`${id}-error`} className="field-error">
                              {error}
                            </span>
                          )}
                        </>
                      ) : (
                        r.value
                      )}
                    </td>
                    <td className="num">
                      {r.defaultValue ?? '—'}
                      {r.changed && <span className="row-note">changed</span>}
                    </td>
                    <td className="small">{r.why || <span className="muted">No explanation given.</span>}</td>
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {editable && (
        <div className="actions">
          <button type="submit" className="button" aria-disabled={form.busy || undefined}>
            {form.busy ? 'Saving and reassessing…' : 'Save and reassess'}
          </button>
          <button type="button" className="button-secondary" onClick={() => setDraft(draftOf({ ...current, ...defaults }))}>
            Fill in the defaults
          </button>
          <span className="muted small" role="status" aria-live="polite">
            {pending.length === 0 ? 'No change to save.' : `${plural(pending.length, 'weight')} changed, not yet saved.`}
          </span>
        </div>
      )}
      {saved && <SaveResult saved={saved} />}
    </CheckedForm>
  );
}

/** Next to the button that saved, and focused, so the outcome is seen and read out where the person is. */
function SaveResult({ saved }: { saved: SavedWeights }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [saved]);
  return (
    <div ref={box} className="notice notice-ok save-result" role="status" tabIndex={-1} data-testid="weights-saved">
      <p>
        <strong>Saved.</strong> {saved.changed.length === 0 ? 'No weight changed.' : `Changed: ${saved.changed.join(', ')}.`}
      </p>
      <ReassessmentSummary r={saved.answer} />
    </div>
  );
}

function ReassessmentSummary({ r }: { r: Reassessment }) {
  return (
    <>
      <p>
        {plural(r.lines, 'line')} reassessed; {formatInteger(r.changed)} changed level.
      </p>
      {r.levelChanges.length > 0 && (
        <ul className="plain-list">
          {r.levelChanges.map((c) => (
            <li key={`${c.from}-${c.to}`}>
              <LevelBadge level={c.from} /> → <LevelBadge level={c.to} />: {plural(c.lines, 'line')}
              <span className="visually-hidden">
                {' '}
                from {levelLabel(c.from)} to {levelLabel(c.to)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={href.portfolio()}>See the portfolio overview</Link>
      </p>
    </>
  );
}

function Reassess() {
  const form = useFormState([]);
  const [result, setResult] = useState<Reassessment | null>(null);
  return (
    <section className="block" aria-labelledby="reassess-heading">
      <h2 id="reassess-heading">Reassess with the latest editions</h2>
      <p className="block-intro">
        When an administrator loads a newer edition of a dataset (a new TIP Report, a new ILAB list), scores stay as they were until the portfolio
        is reassessed. Reassessing recomputes every line with the active editions and the weights above.
      </p>
      <ProblemBox id={form.problemId} problem={form.problem} title="The reassessment did not run" />
      {result && (
        <div className="notice notice-ok" role="status" data-testid="reassessed">
          {editionChanges(result.editionsBefore, result.editionsAfter).length === 0 ? (
            <p>
              No newer edition since the last assessment: still <EditionLinks editions={result.editionsAfter} only={['ilab-tvpra', 'tip-tiers', 'gsi']} />.
            </p>
          ) : (
            <ul className="plain-list">
              {editionChanges(result.editionsBefore, result.editionsAfter).map((c) => (
                <li key={c.dataset}>
                  {datasetShort(c.dataset)}: edition {c.from ?? 'none'} → {c.to ?? 'none'}
                </li>
              ))}
            </ul>
          )}
          <ReassessmentSummary r={result} />
        </div>
      )}
      <button
        type="button"
        className="button-secondary"
        aria-disabled={form.busy || undefined}
        onClick={() =>
          void form.run({}, async () => {
            const r = await post<Reassessment>(endpoints.assessments());
            setResult(r);
          })
        }
      >
        {form.busy ? 'Reassessing…' : 'Reassess the portfolio now'}
      </button>
    </section>
  );
}
