// The organisation's single sign-on connection (OpenID Connect, authorisation code + PKCE): administrators
// register Vigil's redirect URI at their identity provider and give the issuer, client id and secret here.
import { useState } from 'react';
import type { SsoSettings } from '../../../src/orgs/sso.ts';
import { del, endpoints, put } from '../api.ts';
import { useLive } from '../session.tsx';
import { CopyField } from './CopyField.tsx';
import { PasswordField, ProblemBox, SubmitButton, TextField, useFormState } from './Forms.tsx';
import { ErrorState, Loading } from './States.tsx';

export function SsoSettingsPanel() {
  const res = useLive<SsoSettings>(endpoints.organisationSso());
  const [editing, setEditing] = useState(false);
  const settings = res.data;
  const connection = settings?.connection ?? null;

  return (
    <section className="block" aria-labelledby="sso-settings-heading">
      <div className="block-head">
        <h2 id="sso-settings-heading">Single sign-on</h2>
        {settings && !editing && (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {connection ? 'Change the connection' : 'Set up single sign-on'}
          </button>
        )}
      </div>
      {res.status === 'loading' && <Loading label="Loading the single sign-on settings…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.reload} what="the single sign-on settings" />}
      {settings && (
        <>
          <p className="muted">
            Members can sign in through your identity provider (OpenID Connect). Vigil signs in only people who are already active members here, matched
            by the e-mail address the provider confirms.
          </p>
          <CopyField id="sso-redirect" label="Redirect URI to register at your identity provider" value={settings.redirectUri} testId="sso-redirect-uri" />
          {connection && !editing && (
            <dl className="provenance profile" data-testid="sso-connection">
              <div>
                <dt>Issuer</dt>
                <dd>{connection.issuer}</dd>
              </div>
              <div>
                <dt>Client id</dt>
                <dd>{connection.clientId}</dd>
              </div>
              <div>
                <dt>Client secret</dt>
                <dd>{connection.hasSecret ? 'Stored, encrypted (never shown)' : 'None'}</dd>
              </div>
              <div>
                <dt>Status</dt>
                <dd>{connection.enabled ? 'On: the sign-in page offers it' : 'Off'}</dd>
              </div>
            </dl>
          )}
          {!connection && !editing && <p>No connection is set up.</p>}
          {editing && (
            <SsoForm
              settings={settings}
              onDone={(next) => {
                if (next) res.set(next);
                else res.reload();
                setEditing(false);
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

function SsoForm({ settings, onDone }: { settings: SsoSettings; onDone: (next: SsoSettings | null) => void }) {
  const current = settings.connection;
  const [issuer, setIssuer] = useState(current?.issuer ?? '');
  const [clientId, setClientId] = useState(current?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [enabled, setEnabled] = useState(current?.enabled ?? true);
  const form = useFormState(['issuer', 'clientId', 'clientSecret']);

  const save = () => {
    const errors: Record<string, string> = {};
    if (!issuer.trim()) errors.issuer = 'Give the issuer URL of your identity provider.';
    if (!clientId.trim()) errors.clientId = 'Give the client id Vigil is registered with.';
    if (!current && !clientSecret) errors.clientSecret = 'Give the client secret.';
    void form.run(errors, async () => {
      const connection = await put<NonNullable<SsoSettings['connection']>>(endpoints.organisationSso(), {
        issuer: issuer.trim(),
        clientId: clientId.trim(),
        enabled,
        ...(clientSecret ? { clientSecret } : {}),
      });
      onDone({ ...settings, connection });
    });
  };

  const remove = () =>
    void form.run({}, async () => {
      await del(endpoints.organisationSso());
      onDone({ ...settings, connection: null });
    });

  return (
    <form
      noValidate
      onInput={form.onInput}
      onSubmit={(ev) => {
        ev.preventDefault();
        save();
      }}
    >
      <ProblemBox id={form.problemId} problem={form.problem} title="Could not save the connection" />
      <TextField id={form.id('issuer')} label="Issuer URL" hint="https://login.example.org/realms/staff" value={issuer} onValue={setIssuer} error={form.errors.issuer} spellCheck={false} />
      <TextField id={form.id('clientId')} label="Client id" value={clientId} onValue={setClientId} error={form.errors.clientId} spellCheck={false} />
      <PasswordField
        id={form.id('clientSecret')}
        label="Client secret"
        hint={current ? 'Leave empty to keep the stored secret.' : 'Stored encrypted; never shown again.'}
        autoComplete="off"
        value={clientSecret}
        onValue={setClientSecret}
        error={form.errors.clientSecret}
      />
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Offer single sign-on on the sign-in page
      </label>
      <div className="actions">
        <SubmitButton busy={form.busy} busyLabel="Checking the provider and saving…">
          Save the connection
        </SubmitButton>
        <button type="button" className="button-secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
        {current && (
          <button type="button" className="link-button danger" onClick={remove}>
            Remove single sign-on
          </button>
        )}
      </div>
    </form>
  );
}
