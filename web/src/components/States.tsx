// Loading, error and empty states shared by every page.
import type { ReactNode } from 'react';
import type { ApiError } from '../api.ts';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorState({ error, retry, what }: { error: ApiError; retry?: () => void; what?: string }) {
  return (
    <div className="state state-error" role="alert">
      <h2 className="state-title">{what ? `Could not load ${what}` : error.title}</h2>
      {what && <p className="state-problem">{error.title}</p>}
      {error.detail && <p>{error.detail}</p>}
      {error.status > 0 && <p className="muted small">HTTP status {error.status}</p>}
      {retry && error.status !== 404 && (
        <button type="button" className="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/** The outcome of an action on a page: a success is announced politely, a failure as an alert. */
export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

export function NoticeLine({ notice }: { notice: Notice | null }) {
  return (
    <>
      <div aria-live="polite" role="status" className="live-region">
        {notice?.kind === 'ok' && <p className="notice notice-ok">{notice.text}</p>}
      </div>
      {notice?.kind === 'error' && (
        <p className="notice notice-denied" role="alert">
          {notice.text}
        </p>
      )}
    </>
  );
}
