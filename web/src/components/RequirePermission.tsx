// The one guard for organisation pages and controls: shows its children only when can(session, permission).
// As a page guard it also waits for the session, sends signed-out visitors to sign-in (and back), and
// explains a role's limits instead of showing a broken page.
import { Fragment, useEffect, type ReactNode } from 'react';
import { can, deniedMessage, signInHref, type Access } from '../lib/access.ts';
import { orgNavFor } from '../lib/nav.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useDocumentTitle } from '../hooks.ts';
import { ErrorState, Loading } from './States.tsx';

interface Props {
  permission: Access;
  /** Guard a whole page (title shown when access is refused); without it, a control is simply left out. */
  page?: string;
  /** What to show instead of a control the role may not use. */
  fallback?: ReactNode;
  children: ReactNode;
}

export function RequirePermission({ permission, page, fallback = null, children }: Props) {
  const { status, session, error, refresh } = useSession();
  const allowed = can(session, permission);
  if (page === undefined) return <>{allowed ? children : fallback}</>;

  if (status === 'loading') return <Loading label="Checking your session…" />;
  if (status === 'error' && error) return <ErrorState error={error} retry={() => void refresh().catch(() => undefined)} what="your session" />;
  if (status === 'signed-out' || !session) return <ToSignIn />;
  if (!allowed) return <Denied title={page} permission={permission} />;
  // A switch of organisation starts the page afresh, with the new organisation's data.
  return <Fragment key={session.organisation?.id ?? 'none'}>{children}</Fragment>;
}

function ToSignIn() {
  useEffect(() => {
    navigate(signInHref(window.location.pathname + window.location.search), { replace: true });
  }, []);
  return <Loading label="Taking you to sign-in…" />;
}

function Denied({ title, permission }: { title: string; permission: Access }) {
  useDocumentTitle(title);
  const { session } = useSession();
  const open = orgNavFor(session);
  return (
    <div className="page">
      <header className="page-header">
        <h1>{title}</h1>
      </header>
      <div className="notice notice-denied" role="alert" data-testid="role-denied">
        <p>{deniedMessage(session!, permission)}</p>
      </div>
      {open.length > 0 && (
        <p>
          You can open:{' '}
          {open.map((item, i) => (
            <Fragment key={item.to}>
              {i > 0 && ' · '}
              <Link to={item.to}>{item.label}</Link>
            </Fragment>
          ))}
        </p>
      )}
    </div>
  );
}
