// The header's account parts: "Sign in" or the user menu, and for a signed-in person the organisation bar
// (organisation switcher and the organisation's navigation, filtered by what the role may open).
import { useEffect, useId, useRef, useState } from 'react';
import { roleLabel } from '../lib/access.ts';
import { orgNavFor, activeOrgNav } from '../lib/nav.ts';
import type { RouteName } from '../lib/route.ts';
import { signInHref } from '../lib/access.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { toApiError } from '../api.ts';

export function AccountArea({ route }: { route: RouteName }) {
  const { status, session } = useSession();
  if (status === 'loading') return <span className="account-placeholder" aria-hidden="true" />;
  if (!session) {
    if (route === 'signIn') return null;
    const here = window.location.pathname + window.location.search;
    return (
      <Link to={signInHref(here)} className="sign-in-link">
        Sign in
      </Link>
    );
  }
  return <UserMenu />;
}

function UserMenu() {
  const { session, signOut } = useSession();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  if (!session) return null;
  const org = session.organisation;
  const initial = (session.user.name.trim()[0] ?? session.user.email[0] ?? '?').toUpperCase();

  const doSignOut = async () => {
    setProblem(null);
    try {
      await signOut();
      setOpen(false);
      navigate('/sign-in?signedOut=1');
    } catch (e) {
      setProblem(toApiError(e).detail || 'Signing out failed; try again.');
    }
  };

  return (
    <div
      className="user-menu"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(e) => {
        if (open && box.current && e.relatedTarget instanceof Node && !box.current.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <button ref={button} type="button" className="user-button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        <span className="avatar" aria-hidden="true">
          {initial}
        </span>
        <span className="user-name">{session.user.name}</span>
        <span className="visually-hidden">, account menu</span>
      </button>
      <div id={panelId} className="user-panel" hidden={!open}>
        <p className="user-panel-who">
          <strong>{session.user.name}</strong>
          <span className="muted small break">{session.user.email}</span>
        </p>
        {org && (
          <p className="small">
            {roleLabel(org.role)} in {org.name}
          </p>
        )}
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <button type="button" className="button-secondary" onClick={() => void doSignOut()}>
          Sign out
        </button>
      </div>
    </div>
  );
}

const NEW = 'new';

/** Second header row for signed-in people: which organisation they work in, and its pages. */
export function OrgBar({ route }: { route: RouteName }) {
  const { session, switchOrganisation } = useSession();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const selectId = useId();
  if (!session) return null;
  const items = orgNavFor(session);
  const active = activeOrgNav(route);
  const current = session.organisation?.id;

  const onChange = async (value: string) => {
    setProblem(null);
    if (value === NEW) {
      navigate('/organisation/new');
      return;
    }
    const orgId = Number(value);
    if (!Number.isInteger(orgId) || orgId === current) return;
    setBusy(true);
    try {
      await switchOrganisation(orgId);
    } catch (e) {
      setProblem(toApiError(e).detail || 'Could not switch the organisation.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="org-bar">
      <div className="org-bar-inner">
        <div className="org-switcher">
          <label htmlFor={selectId} className="org-switcher-label">
            Organisation
          </label>
          <select id={selectId} value={current === undefined ? '' : String(current)} onChange={(e) => void onChange(e.target.value)} aria-busy={busy || undefined} disabled={busy}>
            {current === undefined && (
              <option value="" disabled>
                Choose an organisation…
              </option>
            )}
            {session.memberships.map((m) => (
              <option key={m.orgId} value={String(m.orgId)}>
                {m.name} — {roleLabel(m.role)}
              </option>
            ))}
            <option value={NEW}>New organisation…</option>
          </select>
          {problem && (
            <span className="field-error small" role="alert">
              {problem}
            </span>
          )}
        </div>
        {items.length > 0 && (
          <nav className="org-nav" aria-label="Organisation pages">
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} aria-current={item === active ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
    </div>
  );
}
