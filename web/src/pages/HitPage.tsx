// One screening hit: our supplier, site or owner next to the listed entity, the list it is on (publisher,
// edition, source row, licence, what a hit on it means), why the engine matched them (score against the
// list's threshold, each feature with its push and its sentence, the best name pair), the review history,
// and for reviewers the decision with its reason.
import { useEffect, useId, useState } from 'react';
import { endpoints, getFresh, post } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import { can } from '../lib/access.ts';
import { formatTimestamp } from '../lib/audit.ts';
import { formatDate, formatInteger, splitChecksum } from '../lib/format.ts';
import {
  DECISION_INFO,
  DISMISSAL_NOTE,
  MAX_REASON,
  SUBJECT_KIND_LABELS,
  agreementLabel,
  comparisonRows,
  decisionsFor,
  featureLabel,
  formatScore,
  hitStatusMeaning,
  propertyRows,
  reasonProblem,
  scoreSentence,
  type Alert,
  type HitDetail,
  type ReviewDecision,
} from '../lib/screening.ts';
import { href } from '../lib/route.ts';
import { SIGNAL_INFO, editionLabel, formatThreshold, scopeLabel } from '../lib/watchlists.ts';
import { Link } from '../router.tsx';
import { useLive, useSession } from '../session.tsx';
import { useCountryNames } from '../components/Badges.tsx';
import { CheckedForm, FieldFrame, ProblemBox, SubmitButton, useFormState } from '../components/Forms.tsx';
import { AlertBadge, Fact, FeatureBar, HitStatusBadge, SignalBadge } from '../components/Screening.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';

export function HitPage({ id }: { id: string }) {
  const res = useLive<HitDetail>(endpoints.screeningHit(id));
  const hit = res.data;
  const { session } = useSession();
  useDocumentTitle(hit ? `${hit.subject.name} and ${hit.entity.name}` : res.status === 'error' ? 'Hit not found' : 'Screening hit');
  useMarkSeen(can(session, 'screening.review') ? (hit ?? null) : null);
  return (
    <div className="page page-hit">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to={href.screening()}>Screening</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">{hit ? `${hit.subject.name} — ${hit.entity.name}` : `Hit ${id}`}</span>
      </nav>
      {res.status === 'loading' && <Loading label="Loading the hit…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.reload} what={`hit ${id}`} />}
      {hit && <HitView hit={hit} onReviewed={res.set} />}
    </div>
  );
}

/** A reviewer opening a hit that carries an alert has seen it: its alerts are marked seen (quietly; the page works without). */
function useMarkSeen(hit: HitDetail | null) {
  const hitId = hit?.id;
  const alerted = hit?.alert !== null && hit?.alert !== undefined;
  useEffect(() => {
    if (hitId === undefined || !alerted) return;
    getFresh<{ items: Alert[] }>(endpoints.screeningAlerts(true))
      .then((a) => {
        const ids = a.items.filter((x) => x.hitId === hitId).map((x) => x.id);
        return ids.length > 0 ? post(endpoints.screeningAlertsSeen(), { ids }) : undefined;
      })
      .catch(() => undefined);
  }, [hitId, alerted]);
}

function HitView({ hit, onReviewed }: { hit: HitDetail; onReviewed: (h: HitDetail) => void }) {
  const { session } = useSession();
  const countryName = useCountryNames();
  const rows = comparisonRows(hit.subjectEntity, hit.listEntity, countryName);
  const properties = propertyRows(hit.listEntity.properties);
  const kind = SUBJECT_KIND_LABELS[hit.subject.kind];
  // Kept here: a decision starts the form afresh for the hit's new status.
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <header className="page-header hit-header">
        <h1>
          {hit.subject.name} <span className="muted hit-versus">and</span> {hit.entity.name}
        </h1>
        <p className="hit-badges">
          <HitStatusBadge hit={hit} /> <SignalBadge hard={hit.hard} /> <AlertBadge alert={hit.alert} />{' '}
          <span className="muted">
            Score {formatScore(hit.score)} · on {hit.watchlist.name} · first seen {formatDate(hit.firstSeenAt)}
            {hit.changedAt !== hit.firstSeenAt && <>, changed {formatDate(hit.changedAt)}</>}
          </span>
        </p>
      </header>
      <p className={`notice hit-meaning${hit.hard && hit.status === 'open' ? ' notice-possible' : ''}`} data-testid="hit-meaning">
        {hitStatusMeaning(hit)}
      </p>
      {hit.goneAt && (
        <p className="notice" data-testid="hit-gone">
          No longer a hit since {formatDate(hit.goneAt)}: the list or our data changed and the names no longer match. The hit is kept here with its
          history; the comparison below is as it was last seen, on {formatDate(hit.lastSeenAt)}.
        </p>
      )}

      <section className="block" aria-labelledby="compare-heading" data-testid="comparison">
        <h2 id="compare-heading">Side by side</h2>
        <div className="table-scroll">
          <table className="data-table compare-table">
            <caption className="visually-hidden">Our {kind.toLowerCase()} next to the listed entity</caption>
            <thead>
              <tr>
                <td />
                <th scope="col">
                  Our {kind.toLowerCase()}
                  <span className="row-note">
                    {hit.subject.kind === 'supplier' ? (
                      <Link to={href.supplier(hit.subject.supplierId)}>supplier page</Link>
                    ) : (
                      <>
                        of <Link to={href.supplier(hit.subject.supplierId)}>{hit.subject.supplierName}</Link>
                      </>
                    )}
                  </span>
                </th>
                <th scope="col">
                  Listed entity
                  <span className="row-note">
                    on <Link to={href.watchlist(hit.watchlist.id)}>{hit.watchlist.name}</Link>
                  </span>
                </th>
                <th scope="col">
                  <span className="visually-hidden">Do they agree?</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label} className={r.agreement ? `compare-${r.agreement}` : undefined}>
                  <th scope="row">{r.label}</th>
                  <td className="ours">
                    <Values values={r.ours} best={r.label === 'Name' || r.label === 'Other names' ? hit.result.names.query : null} />
                  </td>
                  <td className="theirs">
                    <Values values={r.theirs} best={r.label === 'Name' || r.label === 'Other names' ? hit.result.names.candidate : null} />
                  </td>
                  <td className="small agreement">{agreementLabel(r.agreement)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="small muted">The names that scored best are underlined.</p>
        {properties.length > 0 && (
          <>
            <h3 className="subheading">What the list says about {hit.listEntity.name}</h3>
            <dl className="facts entity-facts" data-testid="entity-properties">
              {properties.map((p) => (
                <div key={p.label}>
                  <dt>{p.label}</dt>
                  <dd>{p.value}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </section>

      <Explanation hit={hit} />
      <ListSource hit={hit} />
      <section className="block" aria-labelledby="review-heading" data-testid="review">
        <h2 id="review-heading">Review</h2>
        <p className="small">{DISMISSAL_NOTE}</p>
        <History hit={hit} />
        {can(session, 'screening.review') ? (
          <ReviewForm
            key={`${hit.status}-${hit.reviews.length}`}
            hit={hit}
            onReviewed={(h, message) => {
              setDone(message);
              onReviewed(h);
            }}
          />
        ) : (
          <p className="muted small">Your role can read this hit but not decide on it: that needs the permission to confirm or dismiss screening hits.</p>
        )}
        <div className="live-region" role="status" aria-live="polite">
          {done && (
            <p className="notice notice-ok" data-testid="review-done">
              {done}
            </p>
          )}
        </div>
      </section>
    </>
  );
}

/** A cell's values, one a line; the best-scoring name is underlined. */
function Values({ values, best }: { values: readonly string[]; best: string | null }) {
  if (values.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain-list compare-values">
      {values.map((v) => (
        <li key={v}>{v === best ? <u className="best-name">{v}</u> : v}</li>
      ))}
    </ul>
  );
}

function Explanation({ hit }: { hit: HitDetail }) {
  const r = hit.result;
  const scorePct = Math.max(0, Math.min(100, r.score * 100));
  const thresholdPct = Math.max(0, Math.min(100, r.threshold * 100));
  return (
    <section className="block" aria-labelledby="why-heading" data-testid="explanation">
      <h2 id="why-heading">Why they matched</h2>
      <p>{scoreSentence(r)}</p>
      <div className="score-scale" aria-hidden="true">
        <span className="score-fill" style={{ width: `${scorePct}%` }} />
        <span className="score-threshold" style={{ left: `${thresholdPct}%` }} />
      </div>
      <p className="small muted score-scale-legend" aria-hidden="true">
        <span>0</span>
        <span>threshold {formatThreshold(r.threshold)}</span>
        <span>1</span>
      </p>
      <p>
        Best pair of names: <q>{r.names.query}</q> (ours) and <q>{r.names.candidate}</q> (listed).
      </p>
      <h3 className="subheading">What counted, and how much</h3>
      <ol className="feature-list" data-testid="features">
        {r.features.map((f, i) => (
          <li key={`${f.feature}-${i}`} data-feature={f.feature}>
            <div className="feature-head">
              <strong>{featureLabel(f.feature)}</strong>
              <FeatureBar contribution={f.contribution} features={r.features} />
            </div>
            <p className="small feature-explanation">{f.explanation}</p>
          </li>
        ))}
      </ol>
      <p className="small muted">A bar to the right raised the score, one to the left lowered it; the contributions add up to the score.</p>
    </section>
  );
}

function ListSource({ hit }: { hit: HitDetail }) {
  const { watchlist: w, version: v } = hit;
  const signal = SIGNAL_INFO[w.signal];
  const sha = splitChecksum(v.sha256);
  return (
    <section className="block" aria-labelledby="list-heading" data-testid="list-source">
      <h2 id="list-heading">The list</h2>
      <dl className="provenance">
        <Fact label="List">
          <Link to={href.watchlist(w.id)}>{w.name}</Link> <span className="muted small">({scopeLabel(w.scope)})</span>
        </Fact>
        <Fact label="Publisher">{w.publisher || <span className="muted">Not given</span>}</Fact>
        <Fact label="Edition">
          {editionLabel(v)} <span className="row-note">loaded {formatTimestamp(v.importedAt)} from {v.fileName}</span>
        </Fact>
        <Fact label="Where in the file">
          Line {formatInteger(hit.listEntity.sourceRow)} of {v.fileName} <span className="row-note">entity {hit.listEntity.key}</span>
        </Fact>
        <Fact label="Threshold">{formatThreshold(w.threshold)}</Fact>
        <Fact label="Licence">{w.licence || <span className="muted">Not given</span>}</Fact>
        <Fact label="Source" className="break">
          {w.sourceUrl ? <a href={w.sourceUrl}>{w.sourceUrl}</a> : <span className="muted">Not given</span>}
        </Fact>
        <Fact label="Checksum of the file" className="checksum break">
          {sha.algorithm && <span className="muted">{sha.algorithm} </span>}
          {sha.groups.join(' ')}
        </Fact>
        <Fact label="Why a hit counts" wide>
          {w.basis}
        </Fact>
        <Fact label={signal.label} wide>
          {signal.meaning}
        </Fact>
      </dl>
    </section>
  );
}

function History({ hit }: { hit: HitDetail }) {
  if (hit.reviews.length === 0) return <Empty>No decision yet.</Empty>;
  return (
    <ol className="review-history" data-testid="review-history">
      {hit.reviews.map((r, i) => (
        <li key={`${r.at}-${i}`}>
          <strong>{DECISION_INFO[r.decision].done}</strong> by {r.by} <span className="muted small">on {formatTimestamp(r.at)}</span>
          <p className="review-reason">{r.reason}</p>
        </li>
      ))}
    </ol>
  );
}

function ReviewForm({ hit, onReviewed }: { hit: HitDetail; onReviewed: (h: HitDetail, message: string) => void }) {
  const id = useId();
  const decisions = decisionsFor(hit.status);
  const [decision, setDecision] = useState<ReviewDecision>(decisions[0]!);
  const [reason, setReason] = useState('');
  const form = useFormState(['reason']);
  const submit = () => {
    const problem = reasonProblem(reason);
    void form.run(problem ? { reason: problem } : {}, async () => {
      const answer = await post<HitDetail>(endpoints.screeningReview(hit.id), { decision, reason: reason.trim() });
      onReviewed(answer, `${DECISION_INFO[decision].done}. The decision and its reason are in the history above and in the audit trail.`);
    });
  };
  return (
    <CheckedForm form={form} onSubmit={submit} className="review-form" aria-labelledby={`${id}-legend`}>
      <ProblemBox id={form.problemId} problem={form.problem} title="The decision was not recorded" />
      <fieldset className="form-section decision-choice">
        <legend id={`${id}-legend`}>Your decision</legend>
        {decisions.map((d) => (
          <label key={d} className="checkbox">
            <input type="radio" name={`${id}-decision`} value={d} checked={decision === d} onChange={() => setDecision(d)} /> {DECISION_INFO[d].label}
          </label>
        ))}
      </fieldset>
      <FieldFrame
        id={form.id('reason')}
        label="Reason"
        hint="What you checked and why you decided so: another identifier, a different country, the company’s own register entry, …"
        error={form.errors.reason}
      >
        {(aria) => <textarea className="form-input reason-input" rows={3} maxLength={MAX_REASON} {...aria} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FieldFrame>
      <div className="actions">
        <SubmitButton busy={form.busy} busyLabel="Recording…">
          {DECISION_INFO[decision].button}
        </SubmitButton>
      </div>
    </CheckedForm>
  );
}
