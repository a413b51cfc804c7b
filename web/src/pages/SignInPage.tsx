// Sign in with e-mail and password, and the "forgot password" request. Brings the visitor back to the page
// that sent them here (?next=…).
import { useState } from 'react';
import { endpoints, post, type Session } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import { safeNext } from '../lib/access.ts';
import { ssoErrorMessage } from '../lib/sso.ts';
import { emailProblem, type FieldErrors } from '../lib/forms.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { CheckedForm, EmailField, PasswordField, ProblemBox, SubmitButton, useFocusLater, useFormState } from '../components/Forms.tsx';
import { Loading } from '../components/States.tsx';
import { useLive } from '../session.tsx';

export function SignInPage() {
  const { search } = useLocation();
  const next = safeNext(search.get('next'));
  const [mode, setMode] = useState<'sign-in' | 'forgot'>(search.get('forgot') === '1' ? 'forgot' : 'sign-in');
  const [email, setEmail] = useState('');
  const { status, session, signOut } = useSession();
  const focusLater = useFocusLater();
  useDocumentTitle(mode === 'forgot' ? 'Reset your password' : 'Sign in');

  const switchTo = (m: 'sign-in' | 'forgot') => {
    setMode(m);
    focusLater('auth-title');
  };

  if (status === 'loading') return <Loading label="Checking your session…" />;

  if (session) {
    return (
      <div className="page auth-page">
        <div className="auth-card">
          <h1 id="auth-title" tabIndex={-1}>
            You are signed in
          </h1>
          <p>
            You are signed in as <strong>{session.user.name}</strong> ({session.user.email}).
          </p>
          <div className="actions">
            <Link to={next} className="button">
              Continue
            </Link>
            <button type="button" className="button-secondary" onClick={() => void signOut()}>
              Sign in as someone else
            </button>
          </div>
        </div>
      </div>
    );
  }

  return (
    <div className="page auth-page">
      <div className="auth-card">
        {mode === 'sign-in' ? (
          <>
            <SignInForm email={email} setEmail={setEmail} next={next} signedOut={search.get('signedOut') === '1'} onForgot={() => switchTo('forgot')} />
            <SingleSignOn error={ssoErrorMessage(search.get('sso_error'))} />
          </>
        ) : (
          <ForgotForm email={email} setEmail={setEmail} onBack={() => switchTo('sign-in')} />
        )}
      </div>
    </div>
  );
}

function SignInForm(props: { email: string; setEmail: (v: string) => void; next: string; signedOut: boolean; onForgot: () => void }) {
  const { email, setEmail, next, signedOut, onForgot } = props;
  const [password, setPassword] = useState('');
  const { setSession } = useSession();
  const form = useFormState(['email', 'password']);
  const setup = useLive<{ pending: boolean }>(endpoints.setup());

  const submit = () => {
    const errors: FieldErrors = {};
    const e = email.trim() ? emailProblem(email) : 'Enter the e-mail address of your account.';
    if (e) errors.email = e;
    if (!password) errors.password = 'Enter your password.';
    void form.run(errors, async () => {
      const session = await post<Session>(endpoints.session(), { email: email.trim(), password });
      setSession(session);
      navigate(next, { replace: true });
    });
  };

  return (
    <>
      <h1 id="auth-title" tabIndex={-1}>
        Sign in to Vigil
      </h1>
      {signedOut && !form.problem && (
        <p className="notice" role="status">
          You have signed out.
        </p>
      )}
      {setup.data?.pending && (
        <p className="notice">
          Vigil has no administrator yet. Open the one-time setup link that the server printed when it started (it looks like{' '}
          <code>http://…/setup#…</code>).
        </p>
      )}
      <p className="muted">Reference pages (countries, goods, sources) are open to everyone; your organisation’s pages need an account.</p>
      <CheckedForm form={form} onSubmit={submit}>
        <ProblemBox id={form.problemId} problem={form.problem} {...(form.problem && form.problem.status !== 0 ? { title: 'Could not sign you in' } : {})} />
        <EmailField id={form.id('email')} autoComplete="username" value={email} onValue={setEmail} error={form.errors.email} />
        <PasswordField id={form.id('password')} label="Password" autoComplete="current-password" value={password} onValue={setPassword} error={form.errors.password} />
        <div className="actions">
          <SubmitButton busy={form.busy} busyLabel="Signing in…">
            Sign in
          </SubmitButton>
          <button type="button" className="link-button" onClick={onForgot}>
            Forgot your password?
          </button>
        </div>
      </CheckedForm>
    </>
  );
}

function ForgotForm({ email, setEmail, onBack }: { email: string; setEmail: (v: string) => void; onBack: () => void }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFormState(['email']);
  const focusLater = useFocusLater();

  const submit = () => {
    const e = emailProblem(email);
    void form.run(e ? { email: e } : {}, async () => {
      await post(endpoints.passwordReset(), { email: email.trim() });
      setSentTo(email.trim());
      focusLater('reset-sent');
    });
  };

  return (
    <>
      <h1 id="auth-title" tabIndex={-1}>
        Reset your password
      </h1>
      {sentTo ? (
        <div id="reset-sent" className="notice notice-ok" role="status" tabIndex={-1}>
          <p>
            If there is a Vigil account for <strong>{sentTo}</strong>, a link to choose a new password is on its way to that address. The link works
            once, within 60 minutes.
          </p>
          <p>
            No message? This installation may not send mail. An administrator of your organisation can make a reset link for you on the People page
            and hand it to you.
          </p>
        </div>
      ) : (
        <CheckedForm form={form} onSubmit={submit}>
          <p>Give the e-mail address of your account and Vigil will send it a single-use link to choose a new password.</p>
          <ProblemBox id={form.problemId} problem={form.problem} />
          <EmailField id={form.id('email')} autoComplete="username" value={email} onValue={setEmail} error={form.errors.email} />
          <div className="actions">
            <SubmitButton busy={form.busy} busyLabel="Sending…">
              Send the reset link
            </SubmitButton>
          </div>
        </CheckedForm>
      )}
      <p>
        <button type="button" className="link-button" onClick={onBack}>
          Back to sign in
        </button>
      </p>
    </>
  );
}

/** Organisations whose members sign in through their own identity provider (OpenID Connect). */
function SingleSignOn({ error }: { error: string | null }) {
  const providers = useLive<{ providers: { id: number; name: string }[] }>(endpoints.ssoProviders());
  const list = providers.data?.providers ?? [];
  if (!error && list.length === 0) return null;
  return (
    <section className="sso" aria-labelledby="sso-heading">
      <h2 id="sso-heading">Single sign-on</h2>
      {error && (
        <p className="notice notice-denied" role="alert" data-testid="sso-error">
          {error}
        </p>
      )}
      {list.length > 0 && (
        <ul className="sso-providers">
          {list.map((p) => (
            <li key={p.id}>
              <a className="button-secondary" href={endpoints.ssoStart(p.id)}>
                Sign in with {p.name}’s account
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
