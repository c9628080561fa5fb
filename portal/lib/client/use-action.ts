import { useState } from 'react';
import { errorMessage } from './api-error';

/**
 * An async action with the pending and error state every form and confirmation dialog shows: `run` clears the
 * error, marks pending, and turns a failure into the message to display instead of throwing.
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(...args: A): Promise<void> {
    setPending(true);
    setError(null);
    try {
      await action(...args);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  }
  return { run, pending, error, clearError: () => setError(null) };
}
