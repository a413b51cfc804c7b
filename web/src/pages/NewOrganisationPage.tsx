// Starting another organisation: the person who starts it becomes its administrator, and the session
// switches to it.
import { endpoints, post, type Session } from '../api.ts';
import { useDocumentTitle } from '../hooks.ts';
import { EMPTY_ORGANISATION } from '../lib/forms.ts';
import { navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { OrganisationForm } from '../components/OrganisationForm.tsx';

export function NewOrganisationPage() {
  useDocumentTitle('New organisation');
  const { setSession } = useSession();
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Organisations</p>
        <h1>Start a new organisation</h1>
        <p className="lede">
          You become its administrator and Vigil switches to it. Its data is kept apart from your other organisations; you can switch between them
          in the bar above.
        </p>
      </header>
      <section className="block">
        <OrganisationForm
          initial={EMPTY_ORGANISATION}
          submitLabel="Create the organisation"
          busyLabel="Creating…"
          onCancel={() => window.history.back()}
          onSubmit={async (values) => {
            const session = await post<Session>(endpoints.organisations(), values);
            setSession(session);
            navigate('/organisation', { replace: true });
          }}
        />
      </section>
    </div>
  );
}
