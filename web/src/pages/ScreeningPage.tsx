// Screening: where the organisation stands (open hits, hard ones awaiting confirmation, decisions, alerts, the
// last run with its lists and editions, and a re-screen for reviewers), then the queue of hits, filtered by
// status, list, signal and text, and paged by the server. The address holds the view, so it can be shared.
import { useEffect, useId, useRef, useState } from 'react';
import { endpoints, getFresh, post } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import { can } from '../lib/access.ts';
import { formatTimestamp } from '../lib/audit.ts';
import { formatInteger } from '../lib/format.ts';
import { Pager } from '../components/Pager.tsx';
import {
  HIT_PAGE_SIZE,
  HIT_STATUSES,
  STATUS_LABELS,
  hitApiQuery,
  hitFiltersActive,
  hitQueryFrom,
  hitQueryHref,
  runLists,
  runSentence,
  toggleStatus,
  withHitFilter,
  DEFAULT_HIT_QUERY,
  type Alert,
  type HitQuery,
  type HitRow,
  type ScreeningRun,
  type ScreeningSummary,
} from '../lib/screening.ts';
import { pageInfo } from '../lib/suppliers.ts';
import { href } from '../lib/route.ts';
import type { Watchlist } from '../lib/watchlists.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useLive, useSession } from '../session.tsx';
import { ProblemBox, useFormState } from '../components/Forms.tsx';
import { FilterSearch } from '../components/FilterSearch.tsx';
import { HitTable } from '../components/Screening.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';

const PATH = '/screening';
/** How often a running screening is asked whether it has finished. */
const POLL_MS = 1000;

export function ScreeningPage() {
  useDocumentTitle('Screening');
  const { session } = useSession();
  const { search } = useLocation();
  const query = hitQueryFrom(search);
  const go = (next: HitQuery, replace = false) => navigate(hitQueryHref(PATH, next), { replace });
  const summary = useLive<ScreeningSummary>(endpoints.screeningSummary());
  const lists = useLive<{ items: Watchlist[] }>(endpoints.watchlists());
  const run = summary.data?.lastRun ?? null;
  const running = run?.status === 'running';
  const { reload } = summary;
  // Marking alerts as seen changes the rows' badges: the queue is asked again.
  const [seen, setSeen] = useState(0);

  useEffect(() => {
    if (!running) return;
    const t = window.setTimeout(reload, POLL_MS);
    return () => window.clearTimeout(t);
  }, [running, reload, summary.data]);

  return (
    <div className="page page-screening">
      <header className="page-header">
        <p className="eyebrow">{session?.organisation?.name}</p>
        <h1>Screening</h1>
        <p className="lede">
          Every supplier, site and known owner checked against the forced-labour and sanctions lists. A hit is a name alike enough to look at, with
          the reasons; a hit on a list with legal weight stays “possible” until a person confirms it.
        </p>
      </header>
      {summary.status === 'loading' && <Loading label="Loading the screening summary…" />}
      {summary.status === 'error' && <ErrorState error={summary.error} retry={summary.reload} what="the screening summary" />}
      {summary.data && (
        <Summary
          summary={summary.data}
          lists={lists.data?.items ?? []}
          reload={reload}
          onSeen={() => {
            reload();
            setSeen((n) => n + 1);
          }}
          go={go}
        />
      )}
      <Filters query={query} go={go} lists={lists.data?.items ?? []} />
      {/* A finished run can change every row: the queue is asked again when the last run's state changes. */}
      <Results key={`${run ? `${run.id}:${run.status}` : 'none'}#${seen}`} query={query} go={go} />
    </div>
  );
}

function Summary({ summary, lists, reload, onSeen, go }: { summary: ScreeningSummary; lists: readonly Watchlist[]; reload: () => void; onSeen: () => void; go: (q: HitQuery) => void }) {
  const { session } = useSession();
  const reviewer = can(session, 'screening.review');
  const run = summary.lastRun;
  const names = new Map(lists.map((l) => [l.slug, l.name]));
  const show = (change: Partial<Omit<HitQuery, 'page'>>) => go(withHitFilter(DEFAULT_HIT_QUERY, change));
  return (
    <>
      <ul className="summary-strip compact-strip screening-figures" aria-label="Screening summary" data-testid="screening-summary">
        <li className={summary.openHard > 0 ? 'figure-alarm' : undefined}>
          <span className="summary-label">Possible hard-signal hits</span>
          <span className="summary-value">
            <button type="button" className="link-button figure-link" onClick={() => show({ statuses: ['open'], signal: 'hard' })}>
              {formatInteger(summary.openHard)}
            </button>
          </span>
          <span className="summary-note">Awaiting a person’s confirmation</span>
        </li>
        <li>
          <span className="summary-label">Open hits</span>
          <span className="summary-value">
            <button type="button" className="link-button figure-link" onClick={() => show({ statuses: ['open'] })}>
              {formatInteger(summary.open)}
            </button>
          </span>
          <span className="summary-note">Hard and soft, to review</span>
        </li>
        <li>
          <span className="summary-label">Confirmed</span>
          <span className="summary-value">
            <button type="button" className="link-button figure-link" onClick={() => show({ statuses: ['confirmed'] })}>
              {formatInteger(summary.confirmed)}
            </button>
          </span>
        </li>
        <li>
          <span className="summary-label">Dismissed</span>
          <span className="summary-value">
            <button type="button" className="link-button figure-link" onClick={() => show({ statuses: ['dismissed'] })}>
              {formatInteger(summary.dismissed)}
            </button>
          </span>
        </li>
        <li>
          <span className="summary-label">Unseen alerts</span>
          <span className="summary-value">{formatInteger(summary.unseenAlerts)}</span>
          <span className="summary-note">New or changed hits</span>
        </li>
      </ul>
      <section className="block run-block" aria-labelledby="run-heading" data-testid="last-run">
        <h2 id="run-heading">Last screening</h2>
        {run ? <RunView run={run} names={names} /> : <p className="muted">Nothing screened yet: screening runs after each import and whenever a list changes.</p>}
        <div className="actions">
          {reviewer && <Rescreen running={run?.status === 'running'} onStarted={reload} />}
          {reviewer && summary.unseenAlerts > 0 && <MarkSeen count={summary.unseenAlerts} onDone={onSeen} />}
        </div>
      </section>
    </>
  );
}

function RunView({ run, names }: { run: ScreeningRun; names: ReadonlyMap<string, string> }) {
  const lists = runLists(run, names);
  return (
    <>
      {run.status === 'running' && (
        <div className="progress-row" data-testid="run-progress">
          <progress aria-label="Screening in progress" />
          <span role="status" aria-live="polite">
            Screening every supplier, site and owner against the active lists…
          </span>
        </div>
      )}
      <p className={run.status === 'failed' ? 'field-error' : undefined}>
        {runSentence(run)}{' '}
        <span className="muted small">
          Started {formatTimestamp(run.startedAt)}
          {run.finishedAt && <>, finished {formatTimestamp(run.finishedAt)}</>}.
        </span>
      </p>
      {lists.length > 0 && (
        <p className="small">
          Lists and editions:{' '}
          {lists.map((l, i) => (
            <span key={l.slug}>
              {i > 0 && ', '}
              {l.name} <span className="muted">edition {l.edition}</span>
            </span>
          ))}
        </p>
      )}
    </>
  );
}

function Rescreen({ running, onStarted }: { running: boolean; onStarted: () => void }) {
  const form = useFormState([]);
  return (
    <>
      <ProblemBox id={form.problemId} problem={form.problem} title="The screening did not start" />
      <button
        type="button"
        className="button"
        aria-disabled={running || form.busy || undefined}
        onClick={() => {
          if (running) return;
          void form.run({}, async () => {
            await post<ScreeningRun>(endpoints.screeningRuns());
            onStarted();
          });
        }}
      >
        {running ? 'Screening…' : 'Re-screen now'}
      </button>
    </>
  );
}

/** Marks every unseen alert as seen (an alert is a hit that is new or changed since it was last looked at). */
function MarkSeen({ count, onDone }: { count: number; onDone: () => void }) {
  const form = useFormState([]);
  return (
    <>
      <ProblemBox id={form.problemId} problem={form.problem} title="The alerts were not marked" />
      <button
        type="button"
        className="button-secondary"
        aria-disabled={form.busy || undefined}
        onClick={() =>
          void form.run({}, async () => {
            const alerts = await getFresh<{ items: Alert[] }>(endpoints.screeningAlerts(true));
            await post(endpoints.screeningAlertsSeen(), { ids: alerts.items.map((a) => a.id) });
            onDone();
          })
        }
      >
        Mark {count === 1 ? 'the alert' : `the ${formatInteger(count)} alerts`} as seen
      </button>
    </>
  );
}

function Filters({ query, go, lists }: { query: HitQuery; go: (q: HitQuery, replace?: boolean) => void; lists: readonly Watchlist[] }) {
  const id = useId();
  const knownList = query.lists.every((l) => lists.some((x) => x.id === l));
  const listValue = query.lists.length === 1 ? String(query.lists[0]) : query.lists.length === 0 ? '' : query.lists.join(',');
  return (
    <form className="filters hit-filters" role="search" aria-label="Filter the hits" onSubmit={(e) => e.preventDefault()}>
      <FilterSearch id={`${id}-q`} value={query.q} onSearch={(q) => go(withHitFilter(query, { q }), true)} placeholder="Our party or the listed name" />
      <fieldset className="level-chips">
        <legend className="form-label">Status</legend>
        {HIT_STATUSES.map((s) => (
          <button key={s} type="button" className="chip" aria-pressed={query.statuses.includes(s)} onClick={() => go(withHitFilter(query, { statuses: toggleStatus(query.statuses, s) }))}>
            {STATUS_LABELS[s]}
          </button>
        ))}
      </fieldset>
      <div className="form-field">
        <label htmlFor={`${id}-list`} className="form-label">
          List
        </label>
        <select
          id={`${id}-list`}
          className="form-input"
          value={listValue}
          onChange={(e) => go(withHitFilter(query, { lists: e.target.value ? e.target.value.split(',').map(Number) : [] }))}
        >
          <option value="">Every list</option>
          {!knownList && <option value={listValue}>The chosen lists</option>}
          {lists.map((l) => (
            <option key={l.id} value={String(l.id)}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-signal`} className="form-label">
          Signal
        </label>
        <select id={`${id}-signal`} className="form-input" value={query.signal} onChange={(e) => go(withHitFilter(query, { signal: e.target.value as HitQuery['signal'] }))}>
          <option value="">Hard and soft</option>
          <option value="hard">Hard: lists with legal weight</option>
          <option value="soft">Soft: warnings</option>
        </select>
      </div>
      {hitFiltersActive(query) && (
        <div className="filter-buttons">
          <button type="button" className="button-secondary" onClick={() => go(DEFAULT_HIT_QUERY)}>
            Back to the open hits
          </button>
        </div>
      )}
    </form>
  );
}

function Results({ query, go }: { query: HitQuery; go: (q: HitQuery) => void }) {
  const res = useLive<{ total: number; items: HitRow[] }>(endpoints.screeningHits(hitApiQuery(query)));
  // The previous page stays on screen (marked busy) while the next filter or page loads.
  const shown = useRef<{ total: number; items: HitRow[] } | null>(null);
  if (res.status === 'ready') shown.current = res.data;
  if (res.status === 'error') return <ErrorState error={res.error} retry={res.reload} what="the hits" />;
  if (!shown.current) return <Loading label="Loading the hits…" />;
  const { total, items } = shown.current;
  const busy = res.status === 'loading';
  const info = pageInfo(total, query.page, HIT_PAGE_SIZE);
  return (
    <section aria-labelledby="hits-heading" aria-busy={busy || undefined} className={busy ? 'is-busy' : undefined}>
      <h2 id="hits-heading">Hits</h2>
      <p className="muted filters-count" role="status" aria-live="polite" data-testid="hit-count">
        {total === 0 ? 'No hit matches.' : `Hits ${formatInteger(info.from)}–${formatInteger(info.to)} of ${formatInteger(total)}, hard signals first, then by score`}
      </p>
      {total === 0 ? (
        hitFiltersActive(query) ? (
          <Empty>No hit matches these filters.</Empty>
        ) : (
          <Empty>
            No open hit: nothing on the active lists looks like your suppliers, their sites or owners. <Link to={href.watchlists()}>See the lists</Link>.
          </Empty>
        )
      ) : (
        <HitTable hits={items} caption="Screening hits, hard signals first, then by score" />
      )}
      <Pager label="Pages of hits" page={query.page} pages={info.pages} size={HIT_PAGE_SIZE} hasPrevious={info.hasPrevious} hasNext={info.hasNext} onPage={(page) => go({ ...query, page })} />
    </section>
  );
}
