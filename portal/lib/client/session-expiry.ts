import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api-error';

const EVENT = 'gatehouse:session-expired';

/**
 * A 401 from the portal's API means the session ended (signed out elsewhere, password changed, account disabled):
 * the fetcher reports it once here, and one banner says so instead of every panel failing on its own.
 */
export function reportSessionExpired(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(EVENT));
}

export function isSessionExpired(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

export function useSessionExpired(): [expired: boolean, reset: () => void] {
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    const onExpired = () => setExpired(true);
    window.addEventListener(EVENT, onExpired);
    return () => window.removeEventListener(EVENT, onExpired);
  }, []);
  const reset = useCallback(() => setExpired(false), []);
  return [expired, reset];
}
