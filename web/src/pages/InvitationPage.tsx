// Accepting an invitation (/invitation#token): what it offers, then either a new account (name and password)
// or the password of the existing account with that e-mail address.
import { useEffect, useState } from 'react';
import { type ApiError, endpoints, post, toApiError, type InvitationPreview, type Session } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import { useHashToken } from '../hashToken.ts';
import { roleLabel } from '../lib/access.ts';
import { nameProblem, newPasswordErrors, type FieldErrors } from '../lib/forms.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { CheckedForm, NewPasswordField, PasswordField, ProblemBox, SubmitButton, TextField, useFormState } from '../components/Forms.tsx';
import { Loading } from '../components/States.tsx';

export function InvitationPage() {
  useDocumentTitle('Invitation');
  const token = useHashToken();
  const [preview, setPreview] = useState<{ data?: InvitationPreview; error?: ApiError } | null>(null);

  useEffect(() => {
    if (!token) return;
    let live = true;
    post<InvitationPreview>(endpoints.invitationPreview(), { token }).then(
      (data) => live && setPreview({ data }),
      (e: unknown) => live && setPreview({ error: toApiError(e) }),
    );
    return () => {
      live = false;
    };
  }, [token]);

  let body;
  if (!token)
    body = (
      <div className="notice" role="alert">
        <p>This page needs the invitation link you received, which ends with <code>#</code> and a long code. Open that link exactly as you got it.</p>
        <p>If you opened it already and then reloaded this page, open the link again.</p>
      </div>
    );
  else if (!preview) body = <Loading label="Reading the invitation…" />;
  else if (preview.error)
    body = (
      <div className="notice notice-denied" role="alert">
        <p className="form-problem-title">This invitation cannot be used</p>
        <p>{preview.error.detail || preview.error.title}</p>
        <p>
          Already accepted it? <Link to="/sign-in">Sign in</Link>.
        </p>
      </div>
    );
  else body = <AcceptForm token={token} invite={preview.data!} />;

  return (
    <div className="page auth-page">
      <div className="auth-card">
        <h1>Join an organisation on Vigil</h1>
        {body}
      </div>
    </div>
  );
}

function AcceptForm({ token, invite }: { token: string; invite: InvitationPreview }) {
  const { session, setSession } = useSession();
  const form = useFormState(['name', 'password', 'confirm']);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const existing = invite.accountExists;

  const submit = () => {
    let errors: FieldErrors;
    if (existing) errors = password ? {} : { password: 'Enter the password of your Vigil account.' };
    else {
      const n = nameProblem(name);
      errors = { ...(n ? { name: n } : {}), ...newPasswordErrors(password, confirm, invite.email) };
    }
    void form.run(errors, async () => {
      const s = await post<Session>(endpoints.invitationAccept(), existing ? { token, password } : { token, name: name.trim(), password });
      setSession(s);
      navigate('/organisation', { replace: true });
    });
  };

  return (
    <>
      <div className="invite-summary" data-testid="invitation-preview">
        <p>
          <strong>{invite.organisation}</strong> invites <strong className="break">{invite.email}</strong> to join as{' '}
          <strong>{roleLabel(invite.role)}</strong>.
        </p>
      </div>
      {session && session.user.email.toLowerCase() !== invite.email.toLowerCase() && (
        <p className="notice">
          This browser is signed in as {session.user.email}. Accepting signs it in as {invite.email} instead.
        </p>
      )}
      <CheckedForm form={form} onSubmit={submit}>
        <ProblemBox id={form.problemId} problem={form.problem} />
        {existing ? (
          <>
            <p>You already have a Vigil account with this e-mail address. Enter its password to join {invite.organisation}.</p>
            <PasswordField id={form.id('password')} label="Password of your account" autoComplete="current-password" value={password} onValue={setPassword} error={form.errors.password} />
            <p className="small">
              Forgot it? <Link to="/sign-in?forgot=1">Reset your password</Link>, then open this invitation again.
            </p>
          </>
        ) : (
          <>
            <p>Create your account: you will sign in with {invite.email} and the password you choose here.</p>
            <TextField id={form.id('name')} label="Your name" autoComplete="name" hint="As colleagues will see it." value={name} onValue={setName} error={form.errors.name} />
            <NewPasswordField id={form.id('password')} label="Choose a password" value={password} onValue={setPassword} error={form.errors.password} />
            <PasswordField id={form.id('confirm')} label="Type the password again" autoComplete="new-password" value={confirm} onValue={setConfirm} error={form.errors.confirm} />
          </>
        )}
        <div className="actions">
          <SubmitButton busy={form.busy} busyLabel="Joining…">
            {existing ? 'Join' : 'Create my account and join'}
          </SubmitButton>
        </div>
      </CheckedForm>
    </>
  );
}
