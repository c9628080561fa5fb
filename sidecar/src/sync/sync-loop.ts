import type { KeyObject } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SidecarMetrics } from '../admin/metrics';
import type { SidecarCache } from '../cache/cache-store';
import type { Logger } from '../logger';
import { type BackoffPolicy, backoffDelayMs, DEFAULT_BACKOFF } from './backoff';
import { type FetchLike, pollPortal } from './poll-portal';

export interface SyncLoopOptions {
  portalUrl: string;
  token: string;
  publicKey: KeyObject;
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
  /** Pause after the portal refused our protocol version: retrying sooner cannot help until one side upgrades. */
  protocolRetryMs?: number;
}

/** What readiness and operators need to know about the loop (the applied state itself lives in the cache). */
export interface SyncState {
  everSucceeded: boolean;
  consecutiveFailures: number;
  /** Reason of the current failure streak (a metric label), null while healthy. */
  lastReason: string | null;
  /** One line for people (`/readyz` syncError, logs), null while healthy. Never quotes a payload. */
  lastError: string | null;
  /** The pause taken after the latest poll: shows the long back-off after a protocol refusal, and none after a change. */
  lastPauseMs: number;
}

export interface SyncLoop {
  readonly state: Readonly<SyncState>;
  stop(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

type PollOutcome = 'changed' | 'unchanged' | 'failed' | 'skewed';

/**
 * Long-polls the portal and applies each answer. Failures never stop serving: the loop logs once per distinct
 * reason in a row (not once per retry), counts every failure by reason, backs off with full jitter, and logs the
 * recovery. A changed answer is followed by the next poll at once, so revocations propagate in one round trip.
 */
export function startSyncLoop(options: SyncLoopOptions): SyncLoop {
  const { cache, logger, metrics } = options;
  const stopping = new AbortController();
  const state: SyncState = { everSucceeded: false, consecutiveFailures: 0, lastReason: null, lastError: null, lastPauseMs: 0 };

  function fail(reason: string, detail: string, rejected: boolean): void {
    if (rejected) metrics.recordSyncRejection(reason);
    else metrics.recordSyncFailure(reason);
    const fields = { reason, detail, revision: cache.meta.revision, failures: state.consecutiveFailures + 1 };
    if (state.lastReason !== reason) logger.warn(fields, rejected ? 'sync answer rejected, keeping the last good state' : 'sync failed');
    state.consecutiveFailures += 1;
    state.lastReason = reason;
    state.lastError = detail;
  }

  async function pollOnce(): Promise<PollOutcome> {
    metrics.recordSyncAttempt();
    const before = cache.meta.revision;
    const result = await pollPortal({
      portalUrl: options.portalUrl,
      token: options.token,
      publicKey: options.publicKey,
      since: before,
      waitMs: options.waitMs,
      nodeId: options.nodeId,
      keys: cache.index.counts().keys,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      signal: stopping.signal,
      fetch: options.fetch ?? fetch,
    });
    if (stopping.signal.aborted) return 'unchanged';
    if (!result.ok) {
      fail(result.reason, result.detail, result.kind === 'rejection');
      return result.reason === 'protocol_unsupported' ? 'skewed' : 'failed';
    }
    const outcome = cache.applySync(result.answer);
    if (!outcome.applied) {
      const { revision, environment } = result.answer;
      fail(outcome.reason.toLowerCase(), `${outcome.reason} (answer ${environment}@${revision}), kept revision ${before}`, true);
      return 'failed';
    }
    if (state.consecutiveFailures > 0) logger.info({ failures: state.consecutiveFailures, after: state.lastReason }, 'sync recovered');
    Object.assign(state, { everSucceeded: true, consecutiveFailures: 0, lastReason: null, lastError: null });
    if (outcome.revision === before && outcome.changes === 0) return 'unchanged';
    logger.info({ mode: outcome.mode, revision: outcome.revision, changes: outcome.changes }, 'sync applied');
    return 'changed';
  }

  function pauseAfter(result: PollOutcome, startedAt: number): number {
    if (result === 'failed') return backoffDelayMs(state.consecutiveFailures, options.backoff ?? DEFAULT_BACKOFF, options.random);
    if (result === 'skewed') return options.protocolRetryMs ?? 600_000;
    if (result === 'unchanged') return (options.minIdlePollMs ?? 1000) - (performance.now() - startedAt);
    return 0;
  }

  async function run(): Promise<void> {
    while (!stopping.signal.aborted) {
      const startedAt = performance.now();
      const result = await pollOnce().catch((error: unknown) => {
        // Applying can throw only on a storage fault (disk full, I/O error); keep serving and retry later.
        logger.error({ err: error }, 'sync apply failed');
        fail('apply_error', 'could not write the cache', false);
        return 'failed' as const;
      });
      const pauseMs = Math.max(0, pauseAfter(result, startedAt));
      state.lastPauseMs = pauseMs;
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
