import { setTimeout as sleep } from 'node:timers/promises';
import type { SidecarMetrics } from '../admin/metrics';
import type { SidecarCache } from '../cache/cache-store';
import type { Logger } from '../logger';
import { type BackoffPolicy, backoffDelayMs, DEFAULT_BACKOFF } from './backoff';
import { type FetchLike, pollPortal } from './poll-portal';

export interface SyncLoopOptions {
  portalUrl: string;
  token: string;
  nodeId: string;
  waitMs: number;
  cache: SidecarCache;
  logger: Logger;
  metrics: SidecarMetrics;
  fetch?: FetchLike;
  backoff?: BackoffPolicy;
  random?: () => number;
  maxBodyBytes?: number;
  /** Floor between two polls that brought nothing, so a portal that answers at once cannot make us spin. */
  minIdlePollMs?: number;
}

/** What readiness and operators need to know about the loop (the applied state itself lives in the cache). */
export interface SyncState {
  everSucceeded: boolean;
  consecutiveFailures: number;
  lastError: string | null;
}

export interface SyncLoop {
  readonly state: Readonly<SyncState>;
  stop(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * Long-polls the portal and applies each answer. Failures never stop serving: the loop logs the first failure of a
 * streak (and any change of reason), backs off with full jitter, and logs the recovery.
 */
export function startSyncLoop(options: SyncLoopOptions): SyncLoop {
  const { cache, logger, metrics } = options;
  const stopping = new AbortController();
  const state: SyncState = { everSucceeded: false, consecutiveFailures: 0, lastError: null };

  async function pollOnce(): Promise<'changed' | 'unchanged' | 'failed'> {
    metrics.recordSyncAttempt();
    const before = cache.meta.revision;
    const result = await pollPortal({
      portalUrl: options.portalUrl,
      token: options.token,
      since: before,
      waitMs: options.waitMs,
      nodeId: options.nodeId,
      keys: cache.index.counts().keys,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      signal: stopping.signal,
      fetch: options.fetch ?? fetch,
    });
    if (stopping.signal.aborted) return 'unchanged';
    const outcome = result.ok ? cache.applySync(result.answer) : null;
    if (result.ok && outcome?.applied) {
      if (state.consecutiveFailures > 0) logger.info({ failures: state.consecutiveFailures }, 'sync recovered');
      Object.assign(state, { everSucceeded: true, consecutiveFailures: 0, lastError: null });
      if (outcome.revision === before && outcome.changes === 0) return 'unchanged';
      logger.info({ mode: outcome.mode, revision: outcome.revision, changes: outcome.changes }, 'sync applied');
      return 'changed';
    }
    const reason = result.ok ? 'rejected' : result.reason;
    const detail = result.ok ? `rejected ${outcome && !outcome.applied ? outcome.reason : ''}, kept revision ${before}` : result.detail;
    metrics.recordSyncFailure(reason);
    if (state.lastError !== detail) logger.warn({ reason, detail, failures: state.consecutiveFailures + 1 }, 'sync failed');
    state.consecutiveFailures += 1;
    state.lastError = detail;
    return 'failed';
  }

  async function run(): Promise<void> {
    while (!stopping.signal.aborted) {
      const startedAt = performance.now();
      const result = await pollOnce().catch((error: unknown) => {
        // Applying can throw only on a storage fault (disk full, I/O error); keep serving and retry later.
        logger.error({ err: error }, 'sync apply failed');
        metrics.recordSyncFailure('apply_error');
        state.consecutiveFailures += 1;
        state.lastError = 'could not write the cache';
        return 'failed' as const;
      });
      let pauseMs = 0;
      if (result === 'failed') pauseMs = backoffDelayMs(state.consecutiveFailures, options.backoff ?? DEFAULT_BACKOFF, options.random);
      if (result === 'unchanged') pauseMs = (options.minIdlePollMs ?? 1000) - (performance.now() - startedAt);
      if (pauseMs > 0) await sleep(pauseMs, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
  }

  const running = run().catch((error: unknown) => logger.error({ err: error }, 'sync loop crashed'));
  return {
    state,
    async stop() {
      stopping.abort();
      await running;
    },
  };
}
