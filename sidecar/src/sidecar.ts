import { createAdminHandler } from './admin/admin-server';
import { registerAnalyticsMetrics } from './admin/analytics-metrics';
import { Outbox } from './analytics/outbox';
import { moveOutboxOutOfCache, outboxPathFor } from './analytics/outbox-file';
import { Shipper } from './analytics/shipper';
import { createMetrics, type SidecarMetrics } from './admin/metrics';
import type { SidecarCache } from './cache/cache-store';
import { openCacheOrRecover } from './cache/open-cache-or-recover';
import { type Clock, systemClock } from './clock';
import type { SidecarConfig } from './config';
import { openFileLimit, defaultMaxConnections } from './fd-limit';
import { DEFAULT_LIMITS, type DrainableServer, startServer } from './http-server';
import { createLogger, type Logger } from './logger';
import { BodyLimits } from './proxy/body-limits';
import { createRequestHandler } from './proxy/handle-request';
import { TrustedProxies } from './proxy/trusted-proxies';
import { createUpstreamProxy } from './proxy/upstream-proxy';
import { QuotaLedger } from './quota/quota-ledger';
import { AddressLimiter } from './ratelimit/address-limiter';
import { TierLimiter } from './ratelimit/tier-limiter';
import { registerTrafficManagerMetrics } from './admin/traffic-manager-metrics';
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
  // The outbox has a file and a thread of its own beside the cache (its commits wait for the disk); it is opened
  // after the cache, whose exclusive lock already guarantees one sidecar per cache file and so per outbox file.
  let outbox: Outbox;
  try {
    const outboxPath = outboxPathFor(config.cachePath);
    const moved = moveOutboxOutOfCache(cache.db, outboxPath);
    if (moved > 0) logger.info({ events: moved, outboxPath }, 'analytics outbox moved out of the cache file');
    outbox = Outbox.start(outboxPath, {
      maxEvents: config.analyticsMaxEvents,
      flushIntervalMs: config.analyticsFlushMs,
      flushBatchSize: Math.min(config.analyticsBatchSize, 1_000),
      logger,
    });
  } catch (error) {
    cache.close();
    throw error;
  }
  // Quotas are part of the tier limits: off with them. Counts live in the cache file.
  const quotas = config.rateLimits ? new QuotaLedger(cache.db, now()) : null;
  // Replicas of one gateway share limits through Redis when given one; without it, nothing here changes. The Redis
  // client (ioredis) is loaded only then: loading it took ~120 ms of every cold start (bench, snapshot probe).
  const trafficManager =
    config.redisUrl && config.rateLimits
      ? new TrafficManager({
          redis: (await import('./traffic-manager/redis-client.js')).createLimitRedis(config.redisUrl, { commandTimeoutMs: options.redisCommandTimeoutMs ?? REDIS_COMMAND_TIMEOUT_MS, reconnectDelayMs: 200 }),
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

  const fdLimit = openFileLimit();
  const dataLimits = {
    maxConnections: config.maxConnections ?? defaultMaxConnections(fdLimit),
    headersTimeoutMs: config.headersTimeoutMs,
    requestTimeoutMs: config.requestTimeoutMs,
    keepAliveTimeoutMs: config.keepAliveTimeoutMs,
    maxHeaderBytes: config.maxHeaderBytes,
    // Refusals before any handler ran are counted with the others, by their stable code.
    onRefused: (code: string, status: number) => metrics.recordRequest(code, status, 0, status !== 0),
  };
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
    trustedProxies: new TrustedProxies(config.trustedProxies),
    bodyLimits: new BodyLimits(config.maxBodyBytes, config.routeMaxBodyBytes),
  });
  if (trafficManager && shared) {
    handler = withSharedLimits(handler, { cache, now, maxStalenessS, manager: trafficManager, limiter: shared });
    registerTrafficManagerMetrics(metrics.registry, () => trafficManager.state(), () => shared.counts);
  }
  const trafficManagerState = trafficManager ? () => trafficManager.state() : undefined;

  const servers: DrainableServer[] = [];
  try {
    servers.push(await startServer(config.listen, handler, dataLimits));
    // The admin port is small and local: the same timeouts, a small cap of its own.
    servers.push(
      await startServer(
        config.adminListen,
        createAdminHandler({ cache, metrics, now, maxStalenessS, syncState: () => syncLoop?.state ?? null, trafficManager: trafficManagerState }),
        { ...DEFAULT_LIMITS, maxConnections: 64 },
      ),
    );
  } catch (error) {
    await Promise.all(servers.map((s) => s.close(0)));
    await trafficManager?.close();
    upstream.close();
    await outbox.close();
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

  // The outbox thread boots while the servers already answer (its events wait in the buffer meanwhile); a file it
  // cannot open is a failed start, as it was when the outbox lived in the cache file.
  try {
    await outbox.opened;
  } catch (error) {
    await Promise.all([data.close(0), admin.close(0), sync.stop(), shipper.stop(0)]);
    upstream.close();
    await outbox.close();
    quotas?.close();
    cache.close();
    throw error;
  }

  const { environment, revision } = cache.meta;
  logger.info(
    { dataPort: data.port, adminPort: admin.port, maxConnections: dataLimits.maxConnections, fdLimit, nodeId: config.nodeId, environment, revision, ...cache.index.counts() },
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
        await outbox.close();
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
