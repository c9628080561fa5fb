import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import type { QuotaUsage } from '../contract/analytics';
import { quotaPeriodAt } from '../contract/quota-period';
import type { TierEntity } from '../contract/sync';
import type { Logger } from '../logger';
import type { QuotaLedger } from '../quota/quota-ledger';
import type { RateDecision } from '../ratelimit/gcra';
import { type LimitOutcome, limitOutcome, type QuotaState } from '../ratelimit/limit-outcome';
import { ratePolicyOf, type Subscriber } from '../ratelimit/tier-limiter';
import type { LimitRedis } from './redis-client';

/** Where limits are decided right now; exposed on /readyz and in metrics. */
export interface TrafficManagerState {
  mode: 'redis' | 'fallback';
  /** When the current mode began (epoch ms). */
  since: number;
  /** Why Redis was last given up on; null once back on it. */
  lastError: string | null;
  /** How many times this sidecar fell back to its local limiter since it started. */
  fallbacks: number;
}

export interface TrafficManagerOptions {
  redis: LimitRedis;
  /** The gateway's token: replicas of one gateway share it, so its digest names their shared keys. */
  gatewayToken: string;
  nodeId: string;
  /** Null when quotas are off (with --rate-limits off): then only the rate is shared. */
  quotas: QuotaLedger | null;
  now: Clock;
  logger: Logger;
  probeIntervalMs: number;
  /** Prepended to every key (tests give each test its own). */
  keyPrefix?: string;
  /** Test seam: decide at this time instead of the Redis server's TIME. */
  serverClock?: Clock;
}

const DAY_MS = 86_400_000;

/**
 * Shares each subscription's rate limit and monthly quota between the replicas of one gateway through Redis: one
 * atomic script per request (limit-scripts.ts) decides both, on the server's clock. When Redis fails or is slower
 * than the command timeout, the request in hand and every later one are decided by the replica's local limiter
 * (at most replicas x limit admitted across the deployment) until a probe finds Redis again; the quota this replica
 * counted meanwhile is then added to the shared count, so nothing admitted on the fallback is forgotten.
 */
export class TrafficManager {
  private mode: TrafficManagerState['mode'] = 'fallback';
  private since: number;
  private lastError: string | null = 'not connected yet';
  private fallbacks = 0;
  private probe: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly namespace: string;
  private readonly nodeField: string;

  constructor(private readonly o: TrafficManagerOptions) {
    this.since = o.now();
    const gateway = createHash('sha256').update(o.gatewayToken).digest('hex').slice(0, 16);
    this.namespace = `${o.keyPrefix ?? 'gatehouse'}:gw:${gateway}`;
    this.nodeField = `n:${o.nodeId}`;
    o.redis.on('error', (error) => {
      this.lastError = messageOf(error);
    });
    // A dropped connection moves to the fallback at once, so no request waits for a command that cannot succeed.
    o.redis.on('close', () => this.fallBack('connection closed'));
  }

  /** Connects and moves onto Redis if it answers; otherwise starts on the fallback and keeps probing. */
  async start(): Promise<void> {
    await this.o.redis.connect().catch((error: unknown) => {
      this.lastError = messageOf(error);
    });
    await this.tryRedis();
  }

  get onRedis(): boolean {
    return this.mode === 'redis';
  }

  /** True when the tier sets a limit that replicas must share. */
  governs(tier: TierEntity): boolean {
    return ratePolicyOf(tier) !== null || (this.o.quotas !== null && (tier.monthlyQuota ?? 0) > 0);
  }

  /**
   * Decides one request in Redis. Never rejects: null means Redis did not answer in time, the sidecar is now on its
   * fallback, and the caller decides this request locally.
   */
  async decide(who: Subscriber, tier: TierEntity, now: number): Promise<LimitOutcome | null> {
    const policy = ratePolicyOf(tier);
    const quota = this.o.quotas ? (tier.monthlyQuota ?? 0) : 0;
    const period = quotaPeriodAt(now);
    const intervalUs = policy ? (policy.windowMs * 1000) / policy.limit : 0;
    const toleranceUs = intervalUs * Math.max((policy?.burst ?? 1) - 1, 0);
    let reply: Awaited<ReturnType<LimitRedis['decide']>>;
    try {
      const nowUs = this.o.serverClock ? String(this.o.serverClock() * 1000) : '';
      reply = await this.o.redis.decide(
        this.rateKey(who), this.quotaKey(who.appId, who.apiId, period.name), intervalUs, toleranceUs, quota, period.endMs + DAY_MS, this.nodeField, nowUs,
      );
    } catch (error) {
      this.fallBack(messageOf(error));
      return null;
    }
    const [verdict, remaining, retryAfterUs, resetUs, used] = reply;
    const state: QuotaState | null = quota > 0 ? { quota, used, startMs: period.startMs, endMs: period.endMs } : null;
    if (verdict === 2 && state) return limitOutcome(tier, { refused: 'quota', quota: state }, now);
    const rate: RateDecision | null = policy ? { allowed: verdict === 0, remaining, retryAfterMs: retryAfterUs / 1000, resetMs: resetUs / 1000 } : null;
    if (verdict === 1 && rate) return limitOutcome(tier, { refused: 'rate', rate, quota: state }, now);
    // The replica's own exact count: what it adds back after a Redis loss, and what its fallback starts from.
    if (state && this.o.quotas) this.o.quotas.spend(this.o.quotas.counter(who.appId, who.apiId, now));
    return limitOutcome(tier, { refused: null, rate, quota: state }, now);
  }

  /** Takes the cloud's fleet-wide counts from an analytics acknowledgement: what other gateways used. */
  observeFleet(usage: readonly QuotaUsage[] | undefined): void {
    if (!usage || this.mode !== 'redis') return;
    for (const u of usage) {
      const { endMs } = quotaPeriodAt(Date.UTC(Number(u.period.slice(0, 4)), Number(u.period.slice(5, 7)) - 1, 1));
      // Best effort: a lost observation is repeated by the next acknowledgement.
      this.o.redis.observeFleet(this.quotaKey(u.appId, u.apiId, u.period), u.used, endMs + DAY_MS).catch(() => {});
    }
  }

  state(): TrafficManagerState {
    return { mode: this.mode, since: this.since, lastError: this.lastError, fallbacks: this.fallbacks };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.probe);
    await this.o.redis.quit().catch(() => this.o.redis.disconnect());
  }

  private fallBack(reason: string): void {
    this.lastError = reason;
    if (this.mode !== 'redis' || this.closed) return;
    this.mode = 'fallback';
    this.since = this.o.now();
    this.fallbacks++;
    this.o.logger.warn({ reason }, 'traffic manager unreachable: limits decided locally until it returns');
    this.scheduleProbe();
  }

  private scheduleProbe(): void {
    if (this.closed || this.probe) return;
    this.probe = setTimeout(() => {
      this.probe = undefined;
      void this.tryRedis();
    }, this.o.probeIntervalMs).unref();
  }

  /**
   * Back onto Redis: first raise the shared quota counts to this node's own (what it admitted while away), then
   * switch, then raise once more for what the fallback admitted during the first pass. Raising is idempotent.
   */
  private async tryRedis(): Promise<void> {
    if (this.closed || this.mode === 'redis') return;
    try {
      await this.o.redis.ping();
      await this.raiseNodeCounts();
      this.mode = 'redis';
      this.since = this.o.now();
      this.lastError = null;
      this.o.logger.info('traffic manager reachable: limits shared through Redis');
      await this.raiseNodeCounts();
    } catch (error) {
      if (this.mode === 'redis') this.fallBack(messageOf(error));
      else {
        this.lastError = messageOf(error);
        this.scheduleProbe();
      }
    }
  }

  private async raiseNodeCounts(): Promise<void> {
    const quotas = this.o.quotas;
    if (!quotas) return;
    const now = this.o.now();
    const period = quotaPeriodAt(now);
    const pending: Promise<number>[] = [];
    for (const count of quotas.countsAt(now)) {
      if (count.local === 0) continue;
      pending.push(this.o.redis.raiseNodeCount(this.quotaKey(count.appId, count.apiId, period.name), this.nodeField, count.local, period.endMs + DAY_MS));
      // Bounded batches: a gateway may hold many subscriptions, and every command shares one connection.
      if (pending.length >= 500) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
  }

  private rateKey(who: Subscriber): string {
    return `${this.namespace}:{${who.appId}|${who.apiId}}:rate:${who.subscriptionId}`;
  }

  private quotaKey(appId: string, apiId: string, period: string): string {
    return `${this.namespace}:{${appId}|${apiId}}:quota:${period}`;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
