import type { Db } from '../db/client';
import { onRevision } from './notifier';
import { shutdownSignal } from './shutdown-signal';

// A safety net, not the wakeup: a change wakes waiters at once (notifier.ts, in-process on SQLite, NOTIFY on
// PostgreSQL); this re-read only matters while a replica's listener is reconnecting.
const POLL_INTERVAL_MS = 1000;

/**
 * Resolves when the environment's revision is past `since`, the wait is over, the caller went away, or the portal is
 * shutting down (the sidecar then gets its current feed and polls again once a portal answers).
 */
export async function waitForRevision(db: Db, environmentId: string, since: number, waitMs: number, signal: AbortSignal, pollMs = POLL_INTERVAL_MS): Promise<void> {
  const deadline = Date.now() + waitMs;
  // Not AbortSignal.any: on Node 20 it keeps every derived signal alive as long as the process-wide shutdown signal.
  const stopping = shutdownSignal();
  while (!signal.aborted && !stopping.aborted) {
    const env = await db.selectFrom('environments').where('id', '=', environmentId).select('revision').executeTakeFirst();
    if (!env || Number(env.revision) !== since) return;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        off();
        signal.removeEventListener('abort', done);
        stopping.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(remaining, pollMs));
      const off = onRevision(environmentId, done);
      signal.addEventListener('abort', done);
      stopping.addEventListener('abort', done);
    });
  }
}
