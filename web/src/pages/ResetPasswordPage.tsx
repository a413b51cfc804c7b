// Choosing a new password with a single-use reset link (/reset-password#token). Every session of the
// account ends, so the person signs in afresh.
import { useState } from 'react';
import { endpoints, post } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import { useHashToken } from '../hashToken.ts';
import { newPasswordErrors } from '../lib/forms.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { CheckedForm, NewPasswordField, PasswordField, ProblemBox, SubmitButton, useFocusLater, useFormState } from '../components/Forms.tsx';

export function ResetPasswordPage() {
  useDocumentTitle('Choose a new password');
  const token = useHashToken();
  const [done, setDone] = useState(false);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useFormState(['password', 'confirm']);
  const { refresh } = useSession();
  const focusLater = useFocusLater();

  const submit = () => {
    void form.run(newPasswordErrors(password, confirm), async () => {
      await post(endpoints.passwordResetComplete(), { token, password });
      setDone(true);
      focusLater('reset-done');
      // The reset ended every session of the account, this browser's included if it was signed in.
      await refresh().catch(() => undefined);
    });
  };

  let body;
  if (done)
    body = (
      <div id="reset-done" className="notice notice-ok" role="status" tabIndex={-1}>
        <p>Your password is changed. Every session of your account has ended, on every device.</p>
        <p>
          <Link to="/sign-in">Sign in with the new password</Link>
        </p>
      </div>
    );
  else if (!token)
    body = (
      <div className="notice" role="alert">
        <p>This page needs the reset link you received, which ends with <code>#</code> and a long code. Open that link exactly as you got it.</p>
        <p>
          If you reloaded this page after opening it, open the link again. Links work once, within 60 minutes;{' '}
          <Link to="/sign-in?forgot=1">ask for a new one</Link> if yours has expired.
        </p>
      </div>
    );
  else
    body = (
      <CheckedForm form={form} onSubmit={submit}>
        <ProblemBox id={form.problemId} problem={form.problem}>
          {form.problem?.status === 404 && (
            <p>
              <Link to="/sign-in?forgot=1">Ask for a new reset link</Link>
            </p>
          )}
        </ProblemBox>
        <NewPasswordField id={form.id('password')} label="New password" value={password} onValue={setPassword} error={form.errors.password} />
        <PasswordField id={form.id('confirm')} label="Type it again" autoComplete="new-password" value={confirm} onValue={setConfirm} error={form.errors.confirm} />
        <div className="actions">
          <SubmitButton busy={form.busy} busyLabel="Saving…">
            Set the new password
          </SubmitButton>
        </div>
      </CheckedForm>
    );

  return (
    <div className="page auth-page">
      <div className="auth-card">
        <h1>Choose a new password</h1>
        {body}
      </div>
    </div>
  );
}
