// First run: the one-time link printed by the server (/setup#token) creates the first administrator and
// their organisation, then opens the organisation's page signed in.
import { useState } from 'react';
import { endpoints, post, type Session } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import { useHashToken } from '../hashToken.ts';
import { EMPTY_ORGANISATION, ORGANISATION_KINDS, emailProblem, nameProblem, newPasswordProblem, type FieldErrors, type OrganisationKind } from '../lib/forms.ts';
import { Link, navigate } from '../router.tsx';
import { useLive, useSession } from '../session.tsx';
import { CountryField } from '../components/CountryField.tsx';
import { CheckedForm, EmailField, NewPasswordField, ProblemBox, SelectField, SubmitButton, TextField, useFormState } from '../components/Forms.tsx';
import { ErrorState, Loading } from '../components/States.tsx';

const FIELDS = ['name', 'email', 'password', 'organisation.name', 'organisation.kind', 'organisation.country'] as const;

export function SetupPage() {
  useDocumentTitle('Set up Vigil');
  const token = useHashToken();
  const setup = useLive<{ pending: boolean }>(endpoints.setup());

  let body;
  if (setup.status === 'loading') body = <Loading />;
  else if (setup.status === 'error') body = <ErrorState error={setup.error} retry={setup.reload} what="the setup state" />;
  else if (!setup.data.pending)
    body = (
      <div className="notice">
        <p>Vigil is already set up: its first administrator exists, and the setup link works no more.</p>
        <p>
          <Link to="/sign-in">Sign in</Link>, or ask an administrator to invite you.
        </p>
      </div>
    );
  else if (!token)
    body = (
      <div className="notice" role="alert">
        <p>This page needs the one-time setup link, which ends with <code>#</code> and a long code.</p>
        <p>
          The server prints it when it starts for the first time (and again at each start until setup is done). Open that link exactly as printed. If
          you opened it already and reloaded this page, open it again.
        </p>
      </div>
    );
  else body = <SetupForm token={token} />;

  return (
    <div className="page auth-page">
      <div className="auth-card auth-card-wide">
        <h1>Set up Vigil</h1>
        <p className="lede">Create the first administrator account and the organisation it works for. You can invite colleagues next.</p>
        {body}
      </div>
    </div>
  );
}

function SetupForm({ token }: { token: string }) {
  const { setSession } = useSession();
  const form = useFormState(FIELDS);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [orgName, setOrgName] = useState('');
  const [kind, setKind] = useState<OrganisationKind>(EMPTY_ORGANISATION.kind);
  const [country, setCountry] = useState('');

  const submit = () => {
    const errors: FieldErrors = {};
    const put = (f: string, msg: string | null) => {
      if (msg) errors[f] = msg;
    };
    put('name', nameProblem(name));
    put('email', emailProblem(email));
    put('password', newPasswordProblem(password, email));
    put('organisation.name', nameProblem(orgName, 'the organisation’s name'));
    void form.run(errors, async () => {
      const session = await post<Session>(endpoints.setup(), {
        token,
        name: name.trim(),
        email: email.trim(),
        password,
        organisation: { name: orgName.trim(), kind, country: country || null, employees: null, turnover: null, turnoverCurrency: null, financialYearEnd: null },
      });
      setSession(session);
      navigate('/organisation?welcome=1', { replace: true });
    });
  };

  return (
    <CheckedForm form={form} onSubmit={submit}>
      <ProblemBox id={form.problemId} problem={form.problem} />
      <fieldset className="form-section">
        <legend>You, the first administrator</legend>
        <TextField id={form.id('name')} label="Your name" autoComplete="name" value={name} onValue={setName} error={form.errors.name} />
        <EmailField
          id={form.id('email')}
          autoComplete="username"
          hint="You sign in with it; invitations and password resets go to it."
          value={email}
          onValue={setEmail}
          error={form.errors.email}
        />
        <NewPasswordField id={form.id('password')} label="Password" value={password} onValue={setPassword} error={form.errors.password} />
      </fieldset>
      <fieldset className="form-section">
        <legend>Your organisation</legend>
        <TextField id={form.id('organisation.name')} label="Organisation name" autoComplete="organization" value={orgName} onValue={setOrgName} error={form.errors['organisation.name']} />
        <SelectField id={form.id('organisation.kind')} label="Kind of organisation" value={kind} onValue={(v) => setKind(v as OrganisationKind)} error={form.errors['organisation.kind']}>
          {ORGANISATION_KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </SelectField>
        <CountryField id={form.id('organisation.country')} value={country} onValue={setCountry} error={form.errors['organisation.country']} hint="Where it is established." />
        <p className="form-hint">Its size (employees, turnover, financial year) can be added on the next page: those figures decide which laws apply.</p>
      </fieldset>
      <div className="actions">
        <SubmitButton busy={form.busy} busyLabel="Setting up…">
          Create the administrator and the organisation
        </SubmitButton>
      </div>
    </CheckedForm>
  );
}
