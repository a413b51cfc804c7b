// Reads the secret of a one-time link (/setup#…, /invitation#…, /reset-password#…) once, then removes it
// from the address bar and the history entry so that it is not left on screen or in a shared screenshot.
import { useEffect, useState } from 'react';
import { tokenFromHash } from './lib/access.ts';

export function useHashToken(): string | null {
  const [token] = useState(() => tokenFromHash(window.location.hash));
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);
  return token;
}
