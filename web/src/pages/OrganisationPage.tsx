// The current organisation's profile: read by every member whose role allows it, edited by those with
// organisation.manage. The size figures are what law applicability will be judged on.
import { useState } from 'react';
import { endpoints, put, type Organisation } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import { can, roleLabel } from '../lib/access.ts';
import { draftFrom, formatMoney, formatYearEnd, kindLabel } from '../lib/forms.ts';
import { formatInteger } from '../lib/format.ts';
import { Link, useLocation } from '../router.tsx';
import { useLive, useSession } from '../session.tsx';
import { useFocusLater } from '../components/Forms.tsx';
import { OrganisationForm } from '../components/OrganisationForm.tsx';
import { RequirePermission } from '../components/RequirePermission.tsx';
import { SsoSettingsPanel } from '../components/SsoSettingsPanel.tsx';
import { ErrorState, Loading } from '../components/States.tsx';

function countryName(code: string | null): string {
  if (!code) return '—';
  try {
    return new Intl.DisplayNames(['en-GB'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function OrganisationPage() {
  const { session } = useSession();
  const res = useLive<Organisation>(endpoints.organisation());
  const { search } = useLocation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const focusLater = useFocusLater();
  useDocumentTitle(res.data ? res.data.name : 'Organisation');
  const org = res.data;
  const role = session?.organisation?.role;

  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Organisation profile</p>
        <h1 id="org-title" tabIndex={-1}>
          {org?.name ?? session?.organisation?.name ?? 'Organisation'}
          {org?.isDemo && <span className="status status-inactive inline-status">Demo</span>}
        </h1>
        {role && (
          <p className="muted">
            Your role here: <strong>{roleLabel(role)}</strong>
          </p>
        )}
      </header>
      {search.get('welcome') === '1' && !editing && !saved && (
        <div className="notice notice-ok" role="status">
          <p>Vigil is set up and you are signed in as its first administrator.</p>
          <p>
            Next: add the organisation’s size below, then <Link to="/organisation/people">invite your colleagues</Link>.
          </p>
        </div>
      )}
      {res.status === 'loading' && <Loading label="Loading the profile…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.reload} what="the organisation profile" />}
      {org && !editing && (
        <section className="block" aria-labelledby="profile-heading">
          <div className="block-head">
            <h2 id="profile-heading">Profile</h2>
            <RequirePermission permission="organisation.manage">
              <button
                type="button"
                className="button"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                Edit the profile
              </button>
            </RequirePermission>
          </div>
          {saved && (
            <p className="notice notice-ok" role="status">
              The profile is saved.
            </p>
          )}
          <dl className="provenance profile" data-testid="organisation-profile">
            <div>
              <dt>Name</dt>
              <dd>{org.name}</dd>
            </div>
            <div>
              <dt>Kind</dt>
              <dd>{kindLabel(org.kind)}</dd>
            </div>
            <div>
              <dt>Country</dt>
              <dd>{countryName(org.country)}</dd>
            </div>
            <div>
              <dt>Employees</dt>
              <dd>{org.employees === null ? 'Not given' : formatInteger(org.employees)}</dd>
            </div>
            <div>
              <dt>Annual turnover or budget</dt>
              <dd>{org.turnover === null ? 'Not given' : formatMoney(org.turnover, org.turnoverCurrency)}</dd>
            </div>
            <div>
              <dt>Financial year ends</dt>
              <dd>{org.financialYearEnd ? formatYearEnd(org.financialYearEnd) : 'Not given'}</dd>
            </div>
          </dl>
          <p className="source-note">
            The size figures (employees, turnover or budget, financial year) will decide which laws apply to {org.name} — such as the UK Modern Slavery
            Act, Germany’s Supply Chain Due Diligence Act or the EU’s due-diligence rules — and when its reports fall due.
          </p>
          {!can(session, 'organisation.manage') && <p className="muted small">Only an administrator can change the profile.</p>}
        </section>
      )}
      {org && editing && (
        <section className="block" aria-labelledby="edit-heading">
          <h2 id="edit-heading">Edit the profile</h2>
          <OrganisationForm
            initial={draftFrom(org)}
            submitLabel="Save the profile"
            busyLabel="Saving…"
            onCancel={() => {
              setEditing(false);
              focusLater('org-title');
            }}
            onSubmit={async (values) => {
              const updated = await put<Organisation>(endpoints.organisation(), values);
              res.set(updated);
              setEditing(false);
              setSaved(true);
              focusLater('org-title');
            }}
          />
        </section>
      )}
      {org && !editing && (
        <RequirePermission permission="organisation.manage">
          <SsoSettingsPanel />
        </RequirePermission>
      )}
    </div>
  );
}
