import { Redis } from 'ioredis';
import { DECIDE_SCRIPT, OBSERVE_FLEET_SCRIPT, RAISE_NODE_COUNT_SCRIPT } from './limit-scripts';

/** [verdict, remaining, retryAfter us, reset us, used]: see DECIDE_SCRIPT. */
export type DecideReply = [number, number, number, number, number];

/** The Redis commands the traffic manager uses, with its scripts defined as commands (EVALSHA, EVAL on NOSCRIPT). */
export interface LimitRedis {
  decide(rateKey: string, quotaKey: string, intervalUs: number, toleranceUs: number, quota: number, expireAtMs: number, nodeField: string, nowUs: string): Promise<DecideReply>;
  raiseNodeCount(quotaKey: string, nodeField: string, count: number, expireAtMs: number): Promise<number>;
  observeFleet(quotaKey: string, fleetUsed: number, expireAtMs: number): Promise<number>;
  ping(): Promise<string>;
  connect(): Promise<void>;
  disconnect(): void;
  quit(): Promise<unknown>;
  on(event: 'error' | 'close' | 'ready', listener: (...args: unknown[]) => void): unknown;
  readonly status: string;
}

export interface RedisClientOptions {
  /** Bound on one command: past it the request is decided locally. Well under any request timeout. */
  commandTimeoutMs: number;
  /** Pause between reconnection attempts while Redis is down. */
  reconnectDelayMs: number;
}

/**
 * One connection per sidecar (ioredis pipelines concurrent commands on it). Commands fail at once while it is down
 * (no offline queue) and are never re-sent after a reconnection: a request already decided on the local fallback
 * must not be counted in Redis a second time, later.
 */
export function createLimitRedis(url: string, { commandTimeoutMs, reconnectDelayMs }: RedisClientOptions): LimitRedis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: Math.max(commandTimeoutMs * 10, 1_000),
    retryStrategy: () => reconnectDelayMs,
  });
  redis.defineCommand('decide', { numberOfKeys: 2, lua: DECIDE_SCRIPT });
  redis.defineCommand('raiseNodeCount', { numberOfKeys: 1, lua: RAISE_NODE_COUNT_SCRIPT });
  redis.defineCommand('observeFleet', { numberOfKeys: 1, lua: OBSERVE_FLEET_SCRIPT });
  return redis as unknown as LimitRedis;
}
