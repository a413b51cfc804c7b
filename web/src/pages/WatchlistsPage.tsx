// The lists suppliers are screened against: the shared ones (UFLPA, CBP, Brazil's register, sanctions) and the
// organisation's own, each with its publisher, edition, size, signal and threshold. Holders of
// watchlists.manage create the organisation's own lists here and load their files on each list's page.
import { useState } from 'react';
import { endpoints, post } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import { can } from '../lib/access.ts';
import { formatInteger } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import { EMPTY_LIST, NEW_LIST_FIELDS, SIGNAL_INFO, editionLabel, formatThreshold, newListBody, scopeLabel, slugFrom, type NewListDraft, type Watchlist } from '../lib/watchlists.ts';
import { Link, navigate } from '../router.tsx';
import { useLive, useSession } from '../session.tsx';
import { CheckedForm, FieldFrame, ProblemBox, SelectField, SubmitButton, TextField, useFormState } from '../components/Forms.tsx';
import { SignalBadge } from '../components/Screening.tsx';
import { NumTh } from '../components/SortableTh.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';

export function WatchlistsPage() {
  useDocumentTitle('Watchlists');
  const { session } = useSession();
  const res = useLive<{ items: Watchlist[] }>(endpoints.watchlists());
  const manager = can(session, 'watchlists.manage');
  return (
    <div className="page page-watchlists">
      <header className="page-header">
        <p className="eyebrow">{session?.organisation?.name}</p>
        <h1>Watchlists</h1>
        <p className="lede">
          The forced-labour and sanctions lists your suppliers, their sites and owners are screened against, each a versioned file with its
          publisher and edition. A hit on a <strong>hard-signal</strong> list (a legal bar or presumption) waits for a person’s confirmation; a hit
          on a <strong>soft-signal</strong> list is a warning to weigh.
        </p>
      </header>
      {res.status === 'loading' && <Loading label="Loading the lists…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.reload} what="the lists" />}
      {res.data && <ListTable lists={res.data.items} />}
      {manager ? (
        <NewList />
      ) : (
        <p className="muted small">Your role can read the lists but not change them: creating lists and setting thresholds needs the permission to manage watchlists.</p>
      )}
    </div>
  );
}

function ListTable({ lists }: { lists: readonly Watchlist[] }) {
  // Shared lists first (they carry legal weight for everyone), then the organisation's own, each by name.
  const sorted = [...lists].sort((a, b) => (a.scope === b.scope ? a.name.localeCompare(b.name, 'en') : a.scope === 'shared' ? -1 : 1));
  return (
    <section className="block" aria-labelledby="lists-heading">
      <h2 id="lists-heading">Lists</h2>
      {lists.length === 0 ? (
        <Empty>No list yet. The operator of this installation loads the shared lists; your organisation can add its own below.</Empty>
      ) : (
        <div className="table-scroll">
          <table className="data-table watchlist-table stack-table two-up" data-testid="watchlists">
            <caption className="visually-hidden">Watchlists, shared ones first</caption>
            <thead>
              <tr>
                <th scope="col">List</th>
                <th scope="col">Publisher</th>
                <th scope="col">Edition</th>
                <NumTh>Entities</NumTh>
                <th scope="col">Signal</th>
                <NumTh>Threshold</NumTh>
              </tr>
            </thead>
            <tbody>
              {sorted.map((l) => (
                <tr key={l.id} data-slug={l.slug}>
                  <th scope="row">
                    <Link to={href.watchlist(l.id)}>{l.name}</Link>
                    <span className="row-note">{scopeLabel(l.scope)}</span>
                  </th>
                  <td data-label="Publisher">{l.publisher || <span className="muted">Not given</span>}</td>
                  <td data-label="Edition">{l.activeVersion ? editionLabel(l.activeVersion) : <span className="muted">No version loaded yet</span>}</td>
                  <td className="num" data-label="Entities">
                    {formatInteger(l.entities)}
                  </td>
                  <td data-label="Signal">
                    <SignalBadge hard={l.signal === 'hard'} />
                  </td>
                  <td className="num" data-label="Threshold">
                    {formatThreshold(l.threshold)}
                    {l.threshold !== l.listThreshold && <span className="row-note">yours; the list’s is {formatThreshold(l.listThreshold)}</span>}
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

function NewList() {
  const [draft, setDraft] = useState<NewListDraft>(EMPTY_LIST);
  const [slugTouched, setSlugTouched] = useState(false);
  const form = useFormState(NEW_LIST_FIELDS);
  const set = (change: Partial<NewListDraft>) => setDraft((d) => ({ ...d, ...change }));
  const submit = () => {
    const { body, errors } = newListBody(draft);
    void form.run(errors, async () => {
      const created = await post<Watchlist>(endpoints.watchlists(), body);
      navigate(`${href.watchlist(created.id)}?created=1`);
    });
  };
  return (
    <CheckedForm form={form} onSubmit={submit} className="block new-list" aria-labelledby="new-list-heading" data-testid="new-list">
      <h2 id="new-list-heading">New list of your organisation</h2>
      <p className="block-intro">
        Your own list (suppliers you barred, an industry initiative’s list, a list from an audit firm). Only your organisation sees it. After
        creating it, load its file on its page.
      </p>
      <ProblemBox id={form.problemId} problem={form.problem} title="The list was not created" />
      <div className="form-row">
        <TextField
          id={form.id('name')}
          label="Name of the list"
          error={form.errors.name}
          value={draft.name}
          maxLength={200}
          fieldClassName="grow"
          onValue={(name) => set(slugTouched ? { name } : { name, slug: slugFrom(name) })}
        />
        <TextField
          id={form.id('slug')}
          label="Short id"
          hint="Used in exports and the API"
          error={form.errors.slug}
          value={draft.slug}
          maxLength={60}
          spellCheck={false}
          onValue={(slug) => {
            setSlugTouched(true);
            set({ slug });
          }}
        />
      </div>
      <div className="form-row">
        <SelectField id={form.id('signal')} label="A hit on this list is" value={draft.signal} onValue={(v) => set({ signal: v === 'hard' ? 'hard' : 'soft' })}>
          <option value="soft">{SIGNAL_INFO.soft.label}: a warning to weigh</option>
          <option value="hard">{SIGNAL_INFO.hard.label}: a legal bar or presumption</option>
        </SelectField>
        <TextField
          id={form.id('threshold')}
          label="Match threshold"
          hint="0.5 to 1; higher means fewer, closer matches"
          error={form.errors.threshold}
          value={draft.threshold}
          inputMode="decimal"
          onValue={(threshold) => set({ threshold })}
        />
      </div>
      <FieldFrame id={form.id('basis')} label="Why a hit counts" hint="The law, policy or guidance behind the list; shown with every hit." error={form.errors.basis}>
        {(aria) => <textarea className="form-input basis-input" rows={3} maxLength={4000} {...aria} value={draft.basis} onChange={(e) => set({ basis: e.target.value })} />}
      </FieldFrame>
      <div className="form-row">
        <TextField id={form.id('publisher')} label="Publisher" optional error={form.errors.publisher} value={draft.publisher} maxLength={200} onValue={(publisher) => set({ publisher })} />
        <TextField id={form.id('licence')} label="Licence" optional error={form.errors.licence} value={draft.licence} maxLength={200} onValue={(licence) => set({ licence })} />
      </div>
      <TextField id={form.id('sourceUrl')} label="Source address" optional type="url" error={form.errors.sourceUrl} value={draft.sourceUrl} maxLength={500} onValue={(sourceUrl) => set({ sourceUrl })} />
      <div className="actions">
        <SubmitButton busy={form.busy} busyLabel="Creating…">
          Create the list
        </SubmitButton>
      </div>
    </CheckedForm>
  );
}
