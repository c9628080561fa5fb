import { useState } from 'react';
import { useAction } from './use-action';

/**
 * An action on one thing that waits for a confirmation (a key to revoke, a tier to delete): which thing the dialog
 * asks about, and the action's pending and error state. Confirming runs the action on it; success closes the dialog.
 */
export function useConfirm<T, A extends unknown[] = []>(action: (target: T, ...args: A) => Promise<void>) {
  const [target, setTarget] = useState<T | null>(null);
  const act = useAction(async (...args: A) => {
    if (target === null) return;
    await action(target, ...args);
    setTarget(null);
  });
  return {
    target,
    pending: act.pending,
    error: act.error,
    run: act.run,
    ask(next: T) {
      act.clearError();
      setTarget(next);
    },
    cancel() {
      setTarget(null);
      act.clearError();
    },
  };
}
