// Who is signed in: the session as React state, loaded once from GET /api/v1/session and replaced by every
// answer that carries a new one (sign-in, setup, invitation, switching organisation). The CSRF token of the
// latest session goes to api.ts, which sends it with every change.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { type ApiError, del, endpoints, getFresh, onSessionEnded, put, rememberSession, toApiError, type Session } from './api.ts';

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out' | 'error';

export interface SessionContextValue {
  status: SessionStatus;
  /** The session while signed in, otherwise null. */
  session: Session | null;
  /** Why the session could not be loaded (status 'error': the server could not be reached). */
  error: ApiError | null;
  /** Asks the server again (after a 401 elsewhere, or to pick up a changed role). */
  refresh(): Promise<Session | null>;
  /** Takes a session from an answer that carried one (sign-in, setup, invitation, new organisation). */
  setSession(session: Session | null): void;
  signOut(): Promise<void>;
  switchOrganisation(orgId: number): Promise<Session>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

const asApiError = toApiError;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ status: SessionStatus; session: Session | null; error: ApiError | null }>({ status: 'loading', session: null, error: null });
  const generation = useRef(0);

  const setSession = useCallback((session: Session | null) => {
    generation.current++;
    rememberSession(session);
    setState({ status: session ? 'signed-in' : 'signed-out', session, error: null });
  }, []);

  const refresh = useCallback(async (): Promise<Session | null> => {
    const mine = ++generation.current;
    try {
      const session = await getFresh<Session>(endpoints.session());
      if (mine === generation.current) {
        rememberSession(session);
        setState({ status: 'signed-in', session, error: null });
      }
      return session;
    } catch (e) {
      const err = asApiError(e);
      if (mine === generation.current) {
        if (err.status === 401) {
          rememberSession(null);
          setState({ status: 'signed-out', session: null, error: null });
        } else {
          setState((s) => ({ status: s.session ? s.status : 'error', session: s.session, error: err }));
        }
      }
      if (err.status === 401) return null;
      throw err;
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => undefined);
  }, [refresh]);

  // A change refused with 401 means the session ended elsewhere: ask again, and the page guard follows.
  useEffect(() => onSessionEnded(() => void refresh().catch(() => undefined)), [refresh]);

  const signOut = useCallback(async () => {
    try {
      await del(endpoints.session());
    } catch (e) {
      // Already signed out on the server (expired): the outcome is the same.
      if (asApiError(e).status !== 401) throw e;
    }
    setSession(null);
  }, [setSession]);

  const switchOrganisation = useCallback(
    async (orgId: number) => {
      const session = await put<Session>(endpoints.sessionOrganisation(), { orgId });
      setSession(session);
      return session;
    },
    [setSession],
  );

  const value = useMemo<SessionContextValue>(
    () => ({ ...state, refresh, setSession, signOut, switchOrganisation }),
    [state, refresh, setSession, signOut, switchOrganisation],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a <SessionProvider> above it');
  return value;
}

export type Live<T> =
  | { status: 'loading'; data: undefined; error: undefined; reload: () => void; set: (data: T) => void }
  | { status: 'error'; data: undefined; error: ApiError; reload: () => void; set: (data: T) => void }
  | { status: 'ready'; data: T; error: undefined; reload: () => void; set: (data: T) => void };

/**
 * Loads the session's own data (never cached, unlike reference data). A 401 means the session has ended,
 * so the session is asked again and the page guard takes the visitor to sign-in.
 */
export function useLive<T>(path: string | null): Live<T> {
  const { refresh } = useSession();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ key: string; data?: T; error?: ApiError } | null>(null);
  const key = `${path}#${attempt}`;

  useEffect(() => {
    if (!path) return;
    const ctl = new AbortController();
    getFresh<T>(path, ctl.signal).then(
      (data) => setState({ key, data }),
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        const err = asApiError(e);
        setState({ key, error: err });
        if (err.status === 401) refresh().catch(() => undefined);
      },
    );
    return () => ctl.abort();
  }, [path, key, refresh]);

  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  const set = useCallback((data: T) => setState((s) => ({ key: s?.key ?? key, data })), [key]);

  // While reloading, the previous data stays on screen.
  const current = state && (state.key === key || state.key.startsWith(`${path}#`)) ? state : null;
  if (current?.error && current.key === key) return { status: 'error', data: undefined, error: current.error, reload, set };
  if (current?.data !== undefined) return { status: 'ready', data: current.data, error: undefined, reload, set };
  return { status: 'loading', data: undefined, error: undefined, reload, set };
}
