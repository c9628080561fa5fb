import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SidecarCache } from '../cache/cache-store';
import { judgeFreshness } from '../cache/freshness';
import type { Clock } from '../clock';
import { problem } from '../contract/problem';
import { sendProblem } from '../proxy/send-problem';
import type { SyncState } from '../sync/sync-loop';
import type { TrafficManagerState } from '../traffic-manager/traffic-manager';
import type { SidecarMetrics } from './metrics';

export interface AdminDeps {
  cache: SidecarCache;
  metrics: SidecarMetrics;
  now: Clock;
  maxStalenessS: number | undefined;
  /** The sync loop's health; null before the loop starts. */
  syncState: () => Readonly<SyncState> | null;
  /** Where limits are decided (Redis or the local fallback); absent without --redis-url. */
  trafficManager?: () => TrafficManagerState;
}

/**
 * The admin port: liveness, readiness and metrics. Readiness follows the same freshness rule as the data port, so
 * a load balancer takes a sidecar out exactly when it would answer 503 anyway.
 */
export function createAdminHandler({ cache, metrics, now, maxStalenessS, syncState, trafficManager }: AdminDeps) {
  return function handleAdmin(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') sendProblem(res, problem(405, 'METHOD_NOT_ALLOWED', 'Method not allowed'));
    else if (path === '/healthz') sendJson(res, 200, { status: 'alive' });
    else if (path === '/readyz') readiness(res);
    else if (path === '/metrics') void scrape(res);
    else sendProblem(res, problem(404, 'NOT_FOUND', 'Not found'));
  };

  async function scrape(res: ServerResponse): Promise<void> {
    try {
      const text = await metrics.registry.metrics();
      res.setHeader('content-type', metrics.registry.contentType);
      res.end(text);
    } catch {
      sendProblem(res, problem(500, 'INTERNAL', 'Internal error'));
    }
  }

  /**
   * Ready while the cache may serve. A failing sync does not make the sidecar unready by itself (it keeps serving
   * its last good state, DESIGN.md Offline policy), but `syncError` says why it is not syncing.
   */
  function readiness(res: ServerResponse): void {
    const syncError = syncState()?.lastError ?? null;
    const freshness = judgeFreshness(cache.meta.lastSyncAt, now(), maxStalenessS);
    if (freshness.state === 'NOT_SYNCED') {
      sendProblem(res, problem(503, 'NOT_SYNCED', 'Not ready', 'This gateway has never received its configuration.', { syncError }));
      return;
    }
    const stalenessSeconds = Math.floor(freshness.stalenessSeconds);
    const { revision, environment } = cache.meta;
    if (freshness.state === 'STALE') {
      sendProblem(res, problem(503, 'STALE', 'Not ready', 'The last successful sync is too old.', { stalenessSeconds, revision, syncError }));
      return;
    }
    const { keys, routes } = cache.index.counts();
    // On the fallback the sidecar still serves (limits bounded per replica): ready, and the field says so.
    const shared = trafficManager ? { trafficManager: trafficManager() } : {};
    sendJson(res, 200, { status: 'ready', revision, environment, stalenessSeconds, keys, routes, syncError, ...shared });
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(json);
}
