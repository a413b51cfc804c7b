// Personal API tokens for scripts and integrations: each acts as its owner, with the owner's role, in this
// organisation only. The token itself is shown once, when it is made.
import { useState } from 'react';
import { del, endpoints, post, toApiError, type ApiToken } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import { roleLabel } from '../lib/access.ts';
import { formatDate } from '../lib/format.ts';
import { nameProblem, type FieldErrors } from '../lib/forms.ts';
import { useLive, useSession } from '../session.tsx';
import { SecretPanel } from '../components/CopyField.tsx';
import { CheckedForm, ProblemBox, SelectField, SubmitButton, TextField, useFocusLater, useFormState } from '../components/Forms.tsx';
import { Empty, ErrorState, Loading, NoticeLine, type Notice } from '../components/States.tsx';
import { HiddenTh } from '../components/SortableTh.tsx';

const EXPIRY = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never (not recommended)' },
];

export function TokensPage() {
  useDocumentTitle('API tokens');
  const { session } = useSession();
  const res = useLive<{ tokens: ApiToken[] }>(endpoints.tokens());
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('90');
  const [created, setCreated] = useState<{ token: string; info: ApiToken } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useFormState(['name', 'expiresInDays']);
  const focusLater = useFocusLater();
  const org = session?.organisation;

  const create = () => {
    const n = nameProblem(name, 'a name for the token');
    const errors: FieldErrors = n ? { name: n } : name.trim().length > 100 ? { name: 'Use at most 100 characters.' } : {};
    void form.run(errors, async () => {
      const answer = await post<{ token: string; info: ApiToken }>(endpoints.tokens(), { name: name.trim(), expiresInDays: expiry === 'never' ? null : Number(expiry) });
      setCreated(answer);
      setName('');
      setNotice(null);
      res.reload();
      focusLater('token-created-title');
    });
  };

  const revoke = async (t: ApiToken) => {
    setNotice(null);
    try {
      await del(endpoints.token(t.id));
      if (created?.info.id === t.id) setCreated(null);
      setNotice({ kind: 'ok', text: `The token “${t.name}” is revoked: requests with it are refused from now on.` });
      res.reload();
    } catch (e) {
      setNotice({ kind: 'error', text: toApiError(e).detail || 'The token was not revoked.' });
    }
  };

  const tokens = res.data?.tokens ?? [];
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{org?.name}</p>
        <h1>API tokens</h1>
        <p className="lede">
          A token lets a script or another system use Vigil’s API as you: with your role{org ? ` (${roleLabel(org.role)})` : ''}, in {org?.name ?? 'this organisation'}{' '}
          only. Send it as <code>Authorization: Bearer &lt;token&gt;</code>. Revoke a token as soon as it is no longer needed.
        </p>
      </header>

      <section className="block" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">Create a token</h2>
        <CheckedForm form={form} onSubmit={create}>
          <ProblemBox id={form.problemId} problem={form.problem} />
          <div className="form-row">
            <TextField
              id={form.id('name')}
              label="Name"
              hint="What it is for, e.g. “Monthly supplier export”."
              autoComplete="off"
              maxLength={100}
              value={name}
              onValue={setName}
              error={form.errors.name}
              fieldClassName="grow"
            />
            <SelectField id={form.id('expiresInDays')} label="Expires after" value={expiry} onValue={setExpiry} error={form.errors.expiresInDays}>
              {EXPIRY.map((x) => (
                <option key={x.value} value={x.value}>
                  {x.label}
                </option>
              ))}
            </SelectField>
            <div className="form-row-submit">
              <SubmitButton busy={form.busy} busyLabel="Creating…">
                Create the token
              </SubmitButton>
            </div>
          </div>
        </CheckedForm>
        {created && (
          <SecretPanel
            warning
            titleId="token-created-title"
            title={<>Your new token “{created.info.name}”</>}
            field={{ id: 'token-value', label: 'Token', value: created.token, testId: 'new-token' }}
            hint={
              <p className="form-hint warning-text">
                <strong>Copy it now: Vigil will not show it again.</strong> Only a fingerprint of it is kept. Store it like a password; anyone who has it
                can act as you{created.info.expiresAt ? ` until ${formatDate(created.info.expiresAt)}` : ''}.
              </p>
            }
            hideLabel="I have copied it, hide the token"
            onHide={() => setCreated(null)}
          />
        )}
      </section>

      <section className="block" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Your tokens</h2>
        <NoticeLine notice={notice} />
        {res.status === 'loading' && <Loading label="Loading your tokens…" />}
        {res.status === 'error' && <ErrorState error={res.error} retry={res.reload} what="your tokens" />}
        {res.data && tokens.length === 0 && <Empty>You have no API tokens in this organisation.</Empty>}
        {tokens.length > 0 && (
          <div className="table-scroll">
            <table className="data-table stack-table" data-testid="tokens-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Starts with</th>
                  <th scope="col">Created</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                  <HiddenTh>Actions</HiddenTh>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => {
                  const expired = t.expiresAt !== null && new Date(t.expiresAt).getTime() < Date.now();
                  const status = t.revoked ? 'Revoked' : expired ? 'Expired' : 'Active';
                  return (
                    <tr key={t.id} className={t.revoked || expired ? 'inactive' : undefined}>
                      <th scope="row" data-label="Name">
                        {t.name}
                      </th>
                      <td data-label="Starts with">
                        <code>{t.prefix}…</code>
                      </td>
                      <td data-label="Created" className="nowrap">
                        {formatDate(t.createdAt)}
                      </td>
                      <td data-label="Expires" className="nowrap">
                        {t.expiresAt ? formatDate(t.expiresAt) : 'Never'}
                      </td>
                      <td data-label="Last used" className="nowrap">
                        {t.lastUsedAt ? formatDate(t.lastUsedAt) : 'Not yet'}
                      </td>
                      <td data-label="Status">
                        <span className={`status ${status === 'Active' ? 'status-active' : 'status-inactive'}`}>{status}</span>
                      </td>
                      <td data-label="Actions">
                        {status === 'Active' && (
                          <button type="button" className="button-secondary button-small" onClick={() => void revoke(t)}>
                            Revoke<span className="visually-hidden"> the token {t.name}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
