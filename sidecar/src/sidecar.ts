import { createAdminHandler } from './admin/admin-server';
import { registerAnalyticsMetrics } from './admin/analytics-metrics';
import { Outbox } from './analytics/outbox';
import { Shipper } from './analytics/shipper';
import { createMetrics, type SidecarMetrics } from './admin/metrics';
import type { SidecarCache } from './cache/cache-store';
import { openCacheOrRecover } from './cache/open-cache-or-recover';
import { type Clock, systemClock } from './clock';
import type { SidecarConfig } from './config';
import { type DrainableServer, startServer } from './http-server';
import { createLogger, type Logger } from './logger';
import { createRequestHandler } from './proxy/handle-request';
import { createUpstreamProxy } from './proxy/upstream-proxy';
import { QuotaLedger } from './quota/quota-ledger';
import { AddressLimiter } from './ratelimit/address-limiter';
import { TierLimiter } from './ratelimit/tier-limiter';
import { registerTrafficManagerMetrics } from './admin/traffic-manager-metrics';
import { createLimitRedis } from './traffic-manager/redis-client';
import { HandedOverLimiter, withSharedLimits } from './traffic-manager/shared-limits-gate';
import { TrafficManager } from './traffic-manager/traffic-manager';
import type { BackoffPolicy } from './sync/backoff';
import type { FetchLike } from './sync/poll-portal';
import { type SyncLoop, startSyncLoop } from './sync/sync-loop';

/** Seams for tests and embedding; production uses the defaults. */
export interface SidecarOptions {
  now?: Clock;
  fetch?: FetchLike;
  logger?: Logger;
  syncBackoff?: BackoffPolicy;
  random?: () => number;
  minIdlePollMs?: number;
  /** Overrides config.protocolRetryMs (tests). */
  protocolRetryMs?: number;
  /** Traffic manager seams (tests): a key prefix per test, a frozen server clock, a faster reconnection probe. */
  redisKeyPrefix?: string;
  sharedLimitClock?: Clock;
  redisProbeIntervalMs?: number;
  /** Overrides the Redis command timeout (tests on a loaded machine, where 100 ms can be one event-loop stall). */
  redisCommandTimeoutMs?: number;
}

/** Bound on one Redis command before the request is decided locally: far under any request or upstream timeout. */
const REDIS_COMMAND_TIMEOUT_MS = 100;

export interface RunningSidecar {
  dataPort: number;
  adminPort: number;
  cache: SidecarCache;
  sync: SyncLoop;
  outbox: Outbox;
  shipper: Shipper;
  /** Null when the operator turned rate limits (and so quotas) off. */
  quotas: QuotaLedger | null;
  /** Null without --redis-url (or with rate limits off): each replica limits alone. */
  trafficManager: TrafficManager | null;
  metrics: SidecarMetrics;
  logger: Logger;
  /** Stop accepting, drain in-flight requests (bounded by config.drainTimeoutMs), stop syncing, close the cache. */
  stop(): Promise<void>;
}

/**
 * Composition root: config -> cache -> servers -> sync loop. The cache is loaded before anything listens, so a
 * restart with the cloud unreachable serves from the file at once.
 */
export async function startSidecar(config: SidecarConfig, options: SidecarOptions = {}): Promise<RunningSidecar> {
  const now = options.now ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const cache = openCacheOrRecover(config.cachePath, now, logger);
  const metrics = createMetrics(() => cache, now);
  // The outbox shares the cache's connection: the file is held with an exclusive lock (one sidecar per file).
  const outbox = new Outbox(cache.db, {
    maxEvents: config.analyticsMaxEvents,
    flushIntervalMs: config.analyticsFlushMs,
    flushBatchSize: Math.min(config.analyticsBatchSize, 1_000),
  });
  // Quotas are part of the tier limits: off with them. Counts live in the cache file, beside the outbox.
  const quotas = config.rateLimits ? new QuotaLedger(cache.db, now()) : null;
  // Replicas of one gateway share limits through Redis when given one; without it, nothing here changes.
  const trafficManager =
    config.redisUrl && config.rateLimits
      ? new TrafficManager({
          redis: createLimitRedis(config.redisUrl, { commandTimeoutMs: options.redisCommandTimeoutMs ?? REDIS_COMMAND_TIMEOUT_MS, reconnectDelayMs: 200 }),
          gatewayToken: config.token,
          nodeId: config.nodeId,
          quotas,
          now,
          logger,
          probeIntervalMs: options.redisProbeIntervalMs ?? 1_000,
          keyPrefix: options.redisKeyPrefix,
          serverClock: options.sharedLimitClock,
        })
      : null;
  await trafficManager?.start();
  const shipper = new Shipper(outbox, {
    portalUrl: config.portalUrl,
    token: config.token,
    nodeId: config.nodeId,
    batchSize: config.analyticsBatchSize,
    idleMs: 1_000,
    fetch: options.fetch,
    random: options.random,
    logger,
    onAck: (ack) => {
      quotas?.reconcile(ack.quota);
      trafficManager?.observeFleet(ack.quota);
    },
  });
  registerAnalyticsMetrics(metrics.registry, () => outbox, () => shipper);
  const upstream = createUpstreamProxy({ timeoutMs: config.upstreamTimeoutMs, maxSockets: config.upstreamMaxSockets, logger });
  const { maxStalenessS } = config;
  // The admin port starts before the loop (so it answers at once); it reads the loop's health once there is one.
  let syncLoop: SyncLoop | null = null;

  const shared = trafficManager ? new HandedOverLimiter(quotas) : null;
  let handler = createRequestHandler({
    cache,
    upstream,
    now,
    maxStalenessS,
    metrics,
    logger,
    tierLimiter: shared ?? (config.rateLimits ? new TierLimiter(quotas) : null),
    addressLimiter: new AddressLimiter(),
    outbox: config.analytics ? outbox : null,
  });
  if (trafficManager && shared) {
    handler = withSharedLimits(handler, { cache, now, maxStalenessS, manager: trafficManager, limiter: shared });
    registerTrafficManagerMetrics(metrics.registry, () => trafficManager.state(), () => shared.counts);
  }
  const trafficManagerState = trafficManager ? () => trafficManager.state() : undefined;

  const servers: DrainableServer[] = [];
  try {
    servers.push(await startServer(config.listen, handler));
    servers.push(await startServer(config.adminListen, createAdminHandler({ cache, metrics, now, maxStalenessS, syncState: () => syncLoop?.state ?? null, trafficManager: trafficManagerState })));
  } catch (error) {
    await Promise.all(servers.map((s) => s.close(0)));
    await trafficManager?.close();
    upstream.close();
    cache.close();
    throw error;
  }
  const [data, admin] = servers as [DrainableServer, DrainableServer];

  const sync = startSyncLoop({
    portalUrl: config.portalUrl,
    token: config.token,
    publicKey: config.portalPublicKey,
    maxBodyBytes: config.syncMaxBodyBytes,
    protocolRetryMs: options.protocolRetryMs ?? config.protocolRetryMs,
    nodeId: config.nodeId,
    waitMs: config.syncWaitMs,
    cache,
    logger,
    metrics,
    fetch: options.fetch,
    backoff: options.syncBackoff,
    random: options.random,
    minIdlePollMs: options.minIdlePollMs,
  });
  syncLoop = sync;
  // With analytics off nothing is appended, but a backlog from before is still delivered.
  shipper.start();

  const { environment, revision } = cache.meta;
  logger.info(
    { dataPort: data.port, adminPort: admin.port, nodeId: config.nodeId, environment, revision, ...cache.index.counts() },
    'sidecar started',
  );

  let stopped: Promise<void> | null = null;
  return {
    dataPort: data.port,
    adminPort: admin.port,
    cache,
    sync,
    outbox,
    shipper,
    quotas,
    trafficManager,
    metrics,
    logger,
    stop() {
      stopped ??= (async () => {
        logger.info({ inFlight: data.inFlight() }, 'sidecar stopping');
        await Promise.all([data.close(config.drainTimeoutMs), sync.stop()]);
        // After the drain no request can add events: write the buffer, then ship what the deadline allows.
        await shipper.stop(config.analyticsDrainMs);
        logger.info({ unshipped: outbox.stored, dropped: outbox.dropped }, 'analytics outbox closed');
        await admin.close(0);
        await trafficManager?.close();
        upstream.close();
        quotas?.close();
        cache.close();
        logger.info('sidecar stopped');
      })();
      return stopped;
    },
  };
}
