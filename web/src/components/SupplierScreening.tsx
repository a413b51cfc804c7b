// A supplier's screening on its own page: its hits on the watchlists (hard ones first and set apart, "possible"
// until a person confirms them) and its known owners, who are screened too, with add and remove for those who
// may change the supplier's data.
import { useEffect, useState } from 'react';
import { del, endpoints, getFresh, post } from '../api.ts';
import { useLatest } from '../hooks.ts';
import { can } from '../lib/access.ts';
import { plural } from '../lib/format.ts';
import { OWNER_ACCESS, ownerBody, type HitRow, type Owner, type OwnerDraft, type ScreeningSummary, EMPTY_OWNER, entityTypeLabel } from '../lib/screening.ts';
import { href } from '../lib/route.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useCountryNames } from './Badges.tsx';
import { CountryField } from './CountryField.tsx';
import { CheckedForm, ProblemBox, SelectField, SubmitButton, TextField, useFormState } from './Forms.tsx';
import { HitTable } from './Screening.tsx';
import { Empty, NoticeLine, type Notice } from './States.tsx';

export function ListHits({ hits }: { hits: readonly HitRow[] }) {
  const { session } = useSession();
  if (!can(session, 'screening.read')) return null;
  const hard = hits.filter((h) => h.hard && h.status !== 'dismissed');
  const possible = hard.filter((h) => h.status === 'open').length;
  return (
    <section className={`block list-hits${hard.length > 0 ? ' hard-signals' : ''}`} aria-labelledby="list-hits-heading" data-testid="list-hits">
      <h2 id="list-hits-heading">List hits</h2>
      {hits.length === 0 ? (
        <Empty>No hit: neither the supplier, its sites nor its known owners look like an entity on the active lists.</Empty>
      ) : (
        <>
          {hard.length > 0 && (
            <p className="hard-status" data-testid="hard-hit-summary">
              {possible > 0
                ? `${plural(possible, 'possible hit')} on a list with legal weight, awaiting a person’s confirmation.`
                : `${plural(hard.length, 'confirmed hit')} on a list with legal weight.`}{' '}
              <span className="muted small">Open each to compare the two sides and decide.</span>
            </p>
          )}
          <HitTable hits={hits} showSupplier={false} caption="This supplier’s hits on the watchlists" />
          <p className="small">
            <Link to={href.screening()}>All hits of the organisation</Link>
          </p>
        </>
      )}
    </section>
  );
}

export function Owners({ supplierId, owners, onChange }: { supplierId: number; owners: readonly Owner[]; onChange: () => void }) {
  const { session } = useSession();
  const countryName = useCountryNames();
  const editable = can(session, OWNER_ACCESS);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [screening, setScreening] = useState(false);
  useScreeningEnd(screening && can(session, 'screening.read'), () => {
    setScreening(false);
    setNotice({ kind: 'ok', text: 'Screening is done: the hits above include the owners.' });
    onChange();
  });
  const remove = async (o: Owner) => {
    setNotice(null);
    try {
      await del(endpoints.supplierOwner(supplierId, o.id));
      setNotice({ kind: 'ok', text: `${o.name} removed. Their hits no longer count for this supplier.` });
      onChange();
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <section className="block" aria-labelledby="owners-heading" data-testid="owners">
      <h2 id="owners-heading">Owners</h2>
      <p className="block-intro small">Known owners and beneficial owners, people or companies. Each is screened against the lists like the supplier itself.</p>
      {owners.length === 0 ? (
        <Empty>No owner recorded.</Empty>
      ) : (
        <ul className="plain-list owner-list">
          {owners.map((o) => (
            <li key={o.id}>
              <strong>{o.name}</strong> <span className="muted small">({entityTypeLabel(o.type)})</span>
              {o.countries.length > 0 && <> · {o.countries.map((c) => countryName(c) ?? c).join(', ')}</>}
              {o.identifiers.length > 0 && <span className="row-note">{o.identifiers.map((i) => i.value).join('; ')}</span>}
              {editable && (
                <button type="button" className="link-button danger owner-remove" onClick={() => void remove(o)}>
                  Remove<span className="visually-hidden"> {o.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <NoticeLine notice={notice} />
      {editable && (
        <AddOwner
          supplierId={supplierId}
          onAdded={(o) => {
            setNotice({ kind: 'ok', text: `${o.name} added. Screening runs again, for the new owner too…` });
            setScreening(true);
            onChange();
          }}
        />
      )}
    </section>
  );
}

/** How often a screening in progress is asked whether it has finished. */
const POLL_MS = 1000;

/** While `active`, asks whether the organisation's screening run has finished, then calls `onEnd` once. */
function useScreeningEnd(active: boolean, onEnd: () => void) {
  const [polls, setPolls] = useState(0);
  const end = useLatest(onEnd);
  useEffect(() => {
    if (!active) return;
    let live = true;
    const t = window.setTimeout(() => {
      getFresh<ScreeningSummary>(endpoints.screeningSummary()).then(
        (s) => live && (s.lastRun?.status === 'running' ? setPolls((n) => n + 1) : end.current()),
        () => live && end.current(),
      );
    }, POLL_MS);
    return () => {
      live = false;
      window.clearTimeout(t);
    };
  }, [active, polls, end]);
}

function AddOwner({ supplierId, onAdded }: { supplierId: number; onAdded: (o: Owner) => void }) {
  const [draft, setDraft] = useState<OwnerDraft>(EMPTY_OWNER);
  const form = useFormState(['name', 'type', 'country', 'identifier']);
  const submit = () => {
    const { body, errors } = ownerBody(draft);
    void form.run(errors, async () => {
      const owner = await post<Owner>(endpoints.supplierOwners(supplierId), body);
      setDraft(EMPTY_OWNER);
      onAdded(owner);
    });
  };
  return (
    <CheckedForm form={form} onSubmit={submit} className="inline-form" aria-labelledby="add-owner-heading">
      <h3 id="add-owner-heading">Add an owner</h3>
      <ProblemBox id={form.problemId} problem={form.problem} title="The owner was not added" />
      <div className="form-row">
        <TextField id={form.id('name')} label="Name" error={form.errors.name} value={draft.name} maxLength={300} fieldClassName="grow" onValue={(name) => setDraft((d) => ({ ...d, name }))} />
        <SelectField id={form.id('type')} label="Person or company" value={draft.type} onValue={(v) => setDraft((d) => ({ ...d, type: v === 'person' ? 'person' : 'company' }))}>
          <option value="company">Company</option>
          <option value="person">Person</option>
        </SelectField>
      </div>
      <div className="form-row">
        <CountryField id={form.id('country')} error={form.errors.country} value={draft.country} onValue={(country) => setDraft((d) => ({ ...d, country }))} />
        {draft.type === 'company' && (
          <TextField
            id={form.id('identifier')}
            label="Company number"
            optional
            error={form.errors.identifier}
            value={draft.identifier}
            maxLength={100}
            onValue={(identifier) => setDraft((d) => ({ ...d, identifier }))}
          />
        )}
        <div className="form-row-submit">
          <SubmitButton busy={form.busy} busyLabel="Adding…">
            Add the owner
          </SubmitButton>
        </div>
      </div>
    </CheckedForm>
  );
}
