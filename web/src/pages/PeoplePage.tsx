// People in the organisation: members and their roles (read with members.read; roles, deactivation and reset
// links with members.manage), and invitations (members.manage).
import { useState } from 'react';
import { del, endpoints, patch, post, toApiError, type Invitation, type Member } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import { can, PERMISSION_LABELS, ROLE_LABELS, ROLE_PERMISSIONS, ROLES, roleLabel, type Role } from '../lib/access.ts';
import { formatDate } from '../lib/format.ts';
import { emailProblem, type FieldErrors } from '../lib/forms.ts';
import { useLive, useSession } from '../session.tsx';
import { SecretPanel } from '../components/CopyField.tsx';
import { CheckedForm, EmailField, ProblemBox, SelectField, SubmitButton, useFocusLater, useFormState } from '../components/Forms.tsx';
import { RequirePermission } from '../components/RequirePermission.tsx';
import { Empty, ErrorState, Loading, NoticeLine, type Notice } from '../components/States.tsx';
import { HiddenTh } from '../components/SortableTh.tsx';

export function PeoplePage() {
  const { session } = useSession();
  useDocumentTitle('People');
  const orgName = session?.organisation?.name ?? 'the organisation';
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{orgName}</p>
        <h1>People</h1>
        <p className="lede">
          Everyone who works in {orgName} on Vigil, and what their role lets them do.
          {can(session, 'members.manage') ? ' Invite colleagues by e-mail; they choose their own password.' : ''}
        </p>
      </header>
      <Members />
      <RequirePermission permission="members.manage">
        <Invitations />
      </RequirePermission>
      <RolesExplained />
    </div>
  );
}

function Members() {
  const { session } = useSession();
  const res = useLive<{ members: Member[] }>(endpoints.members());
  const manage = can(session, 'members.manage');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [resetLink, setResetLink] = useState<{ member: Member; link: string } | null>(null);
  const focusLater = useFocusLater();
  const me = session?.user.id;

  const replace = (m: Member) => {
    if (res.data) res.set({ members: res.data.members.map((x) => (x.userId === m.userId ? m : x)) });
  };

  const change = async (m: Member, body: { role?: Role; active?: boolean }, done: (updated: Member) => string) => {
    setBusy(m.userId);
    setNotice(null);
    try {
      const updated = await patch<Member>(endpoints.member(m.userId), body);
      replace(updated);
      setNotice({ kind: 'ok', text: done(updated) });
    } catch (e) {
      setNotice({ kind: 'error', text: toApiError(e).detail || 'The change was not saved.' });
    } finally {
      setBusy(null);
    }
  };

  const makeResetLink = async (m: Member) => {
    setBusy(m.userId);
    setNotice(null);
    try {
      const { link } = await post<{ link: string }>(endpoints.memberResetLink(m.userId));
      setResetLink({ member: m, link });
      focusLater('reset-link-title');
    } catch (e) {
      setNotice({ kind: 'error', text: toApiError(e).detail || 'No reset link was made.' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="block" aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <NoticeLine notice={notice} />
      {res.status === 'loading' && <Loading label="Loading the members…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.reload} what="the members" />}
      {res.data && res.data.members.length === 0 && <Empty>No members yet.</Empty>}
      {res.data && res.data.members.length > 0 && (
        <div className="table-scroll">
          <table className="data-table stack-table" data-testid="members-table">
            <caption className="visually-hidden">Members of {session?.organisation?.name}, active first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Joined</th>
                {manage && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {res.data.members.map((m) => {
                const self = m.userId === me;
                return (
                  <tr key={m.userId} data-email={m.email} className={m.active ? undefined : 'inactive'}>
                    <th scope="row" data-label="Name">
                      {m.name}
                      {self && <span className="tag">you</span>}
                    </th>
                    <td data-label="E-mail" className="break">
                      {m.email}
                    </td>
                    <td data-label="Role">
                      {manage && !self ? (
                        <RoleChanger
                          member={m}
                          busy={busy === m.userId}
                          onSave={(role) => change(m, { role }, (u) => `${u.name} is now ${roleLabel(u.role)}.`)}
                        />
                      ) : (
                        roleLabel(m.role)
                      )}
                    </td>
                    <td data-label="Status">
                      <span className={`status ${m.active ? 'status-active' : 'status-inactive'}`}>{m.active ? 'Active' : 'Deactivated'}</span>
                    </td>
                    <td data-label="Joined" className="nowrap">
                      {formatDate(m.joinedAt)}
                    </td>
                    {manage && (
                      <td data-label="Actions">
                        {self ? (
                          <span className="muted small">Another administrator can change your role.</span>
                        ) : (
                          <div className="row-actions">
                            <button
                              type="button"
                              className="button-secondary button-small"
                              aria-disabled={busy === m.userId || undefined}
                              onClick={() =>
                                busy === null &&
                                void change(m, { active: !m.active }, (u) => (u.active ? `${u.name} can sign in to this organisation again.` : `${u.name} is deactivated: their sessions here ended.`))
                              }
                            >
                              {m.active ? 'Deactivate' : 'Reactivate'}
                              <span className="visually-hidden"> {m.name}</span>
                            </button>
                            <button
                              type="button"
                              className="button-secondary button-small"
                              aria-disabled={busy === m.userId || undefined}
                              onClick={() => busy === null && void makeResetLink(m)}
                            >
                              Reset link<span className="visually-hidden"> for {m.name}</span>
                            </button>
                          </div>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {resetLink && (
        <SecretPanel
          titleId="reset-link-title"
          title={<>Password reset link for {resetLink.member.name}</>}
          field={{ id: 'reset-link-value', label: 'Reset link', value: resetLink.link, testId: 'reset-link' }}
          hint={
            <p className="form-hint">
              Hand it to {resetLink.member.name} yourself, by a channel you trust. It works once, within 60 minutes, and Vigil shows it only now.
            </p>
          }
          hideLabel="Done, hide the link"
          onHide={() => setResetLink(null)}
        />
      )}
      {!manage && <p className="muted small">Only an administrator can invite people or change roles.</p>}
    </section>
  );
}

/**
 * A member's role: choosing another role shows Save and Cancel, so that moving through the options with the
 * keyboard does not change (and audit) a role at every step.
 */
function RoleChanger({ member, busy, onSave }: { member: Member; busy: boolean; onSave: (role: Role) => Promise<void> }) {
  const [draft, setDraft] = useState<Role>(member.role);
  const changed = draft !== member.role;
  return (
    <div className="role-changer">
      <select aria-label={`Role of ${member.name}`} value={draft} disabled={busy} onChange={(e) => setDraft(e.target.value as Role)}>
        <RoleOptions />
      </select>
      {changed && (
        <span className="role-changer-buttons">
          <button type="button" className="button button-small" aria-disabled={busy || undefined} onClick={() => !busy && void onSave(draft)}>
            Save<span className="visually-hidden"> the role of {member.name}</span>
          </button>
          <button type="button" className="button-secondary button-small" onClick={() => setDraft(member.role)}>
            Cancel<span className="visually-hidden"> the role change for {member.name}</span>
          </button>
        </span>
      )}
    </div>
  );
}

function Invitations() {
  const res = useLive<{ invitations: Invitation[] }>(endpoints.invitations());
  const [created, setCreated] = useState<{ invitation: Invitation; link: string } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const form = useFormState(['email', 'role']);
  const focusLater = useFocusLater();

  const invite = () => {
    const e = emailProblem(email);
    const errors: FieldErrors = e ? { email: e } : {};
    void form.run(errors, async () => {
      const answer = await post<{ invitation: Invitation; link: string }>(endpoints.invitations(), { email: email.trim(), role });
      setCreated(answer);
      setNotice(null);
      setEmail('');
      res.reload();
      focusLater('invitation-created-title');
    });
  };

  const revoke = async (inv: Invitation) => {
    setNotice(null);
    try {
      await del(endpoints.invitation(inv.id));
      if (created?.invitation.id === inv.id) setCreated(null);
      setNotice({ kind: 'ok', text: `The invitation for ${inv.email} is revoked; its link no longer works.` });
      res.reload();
    } catch (e) {
      setNotice({ kind: 'error', text: toApiError(e).detail || 'The invitation was not revoked.' });
    }
  };

  const invitations = res.data?.invitations ?? [];
  return (
    <section className="block" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Invitations</h2>
      <CheckedForm form={form} onSubmit={invite} className="inline-form" aria-labelledby="invite-heading">
        <h3 id="invite-heading">Invite someone</h3>
        <ProblemBox id={form.problemId} problem={form.problem} />
        <div className="form-row">
          <EmailField id={form.id('email')} autoComplete="off" value={email} onValue={setEmail} error={form.errors.email} fieldClassName="grow" />
          <SelectField id={form.id('role')} label="Role" value={role} onValue={(v) => setRole(v as Role)} error={form.errors.role}>
            <RoleOptions />
          </SelectField>
          <div className="form-row-submit">
            <SubmitButton busy={form.busy} busyLabel="Inviting…">
              Invite
            </SubmitButton>
          </div>
        </div>
      </CheckedForm>
      {created && (
        <SecretPanel
          titleId="invitation-created-title"
          title={
            <>
              Invitation for {created.invitation.email} ({roleLabel(created.invitation.role)})
            </>
          }
          field={{ id: 'invitation-link-value', label: 'Invitation link', value: created.link, testId: 'invitation-link' }}
          hint={
            <p className="form-hint">
              Vigil has also sent this link to {created.invitation.email} by e-mail if this installation has a mail server set up (otherwise the message
              waits in the server’s outbox folder). You can hand the link over yourself: it works once, until {formatDate(created.invitation.expiresAt)},
              and Vigil shows it only now.
            </p>
          }
          hideLabel="Done, hide the link"
          onHide={() => setCreated(null)}
        />
      )}
      <NoticeLine notice={notice} />
      <h3>Sent invitations</h3>
      {res.status === 'loading' && <Loading label="Loading the invitations…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.reload} what="the invitations" />}
      {res.data && invitations.length === 0 && <Empty>No invitations yet.</Empty>}
      {invitations.length > 0 && (
        <div className="table-scroll">
          <table className="data-table stack-table" data-testid="invitations-table">
            <thead>
              <tr>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Invited by</th>
                <th scope="col">Sent</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
                <HiddenTh>Actions</HiddenTh>
              </tr>
            </thead>
            <tbody>
              {invitations.map((inv) => (
                <tr key={inv.id} data-email={inv.email}>
                  <th scope="row" data-label="E-mail" className="break">
                    {inv.email}
                  </th>
                  <td data-label="Role">{roleLabel(inv.role)}</td>
                  <td data-label="Invited by">{inv.invitedBy}</td>
                  <td data-label="Sent" className="nowrap">
                    {formatDate(inv.createdAt)}
                  </td>
                  <td data-label="Expires" className="nowrap">
                    {formatDate(inv.expiresAt)}
                  </td>
                  <td data-label="Status">
                    <span className={`status status-${inv.status}`}>{INVITATION_STATUS[inv.status]}</span>
                  </td>
                  <td data-label="Actions">
                    {inv.status === 'pending' && (
                      <button type="button" className="button-secondary button-small" onClick={() => void revoke(inv)}>
                        Revoke<span className="visually-hidden"> the invitation for {inv.email}</span>
                      </button>
                    )}
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

function RoleOptions() {
  return (
    <>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {ROLE_LABELS[r]}
        </option>
      ))}
    </>
  );
}

const INVITATION_STATUS: Record<Invitation['status'], string> = { pending: 'Pending', accepted: 'Accepted', revoked: 'Revoked', expired: 'Expired' };

function RolesExplained() {
  return (
    <details className="block roles-explained">
      <summary>What each role may do</summary>
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">May</th>
            </tr>
          </thead>
          <tbody>
            {ROLES.map((r) => (
              <tr key={r}>
                <th scope="row">{ROLE_LABELS[r]}</th>
                <td>
                  {ROLE_PERMISSIONS[r].length === 0 ? (
                    <span className="muted">Nothing organisation-wide: supplier users see only what a buyer opens to them.</span>
                  ) : (
                    ROLE_PERMISSIONS[r].map((p) => PERMISSION_LABELS[p]).join('; ')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">More roles gain rights as Vigil’s other areas (suppliers, risk, procurement, grievances) arrive.</p>
    </details>
  );
}
