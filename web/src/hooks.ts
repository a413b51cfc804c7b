// Data loading and page-level hooks.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, cachedJson, forget } from './api.ts';

export type Resource<T> =
  | { status: 'loading'; data: undefined; error: undefined; retry: () => void }
  | { status: 'error'; data: undefined; error: ApiError; retry: () => void }
  | { status: 'ready'; data: T; error: undefined; retry: () => void };

function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, 'Something went wrong', e instanceof Error ? e.message : String(e));
}

/** Loads a GET endpoint (null = nothing to load yet). */
export function useApi<T>(path: string | null): Resource<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiError; attempt: number }>({ path: null, attempt: 0 });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!path) return;
    let live = true;
    cachedJson<T>(path).then(
      (data) => live && setState({ path, data, attempt }),
      (e: unknown) => live && setState({ path, error: asApiError(e), attempt }),
    );
    return () => {
      live = false;
    };
  }, [path, attempt]);

  const retry = useCallback(() => {
    if (path) forget(path);
    setAttempt((a) => a + 1);
  }, [path]);

  if (path && state.path === path && state.attempt === attempt) {
    if (state.error) return { status: 'error', data: undefined, error: state.error, retry };
    if (state.data !== undefined) return { status: 'ready', data: state.data, error: undefined, retry };
  }
  return { status: 'loading', data: undefined, error: undefined, retry };
}

export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title !== null) document.title = title ? `${title} · Vigil` : 'Vigil';
  }, [title]);
}

/** A value that follows `value` after it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** The latest value of a callback, for event handlers registered once. */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
